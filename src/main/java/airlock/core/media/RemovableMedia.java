package airlock.core.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The removable devices mounted now, read from the kernel: the mount table
 * ({@code /proc/self/mountinfo}) and the block devices ({@code /sys/block/*}, each with its
 * {@code removable} flag, its partitions and their {@code dev} numbers and sizes). A mount is
 * offered only when it is mounted under one of the media roots (the room policy's, or
 * {@code /media} and {@code /run/media}), is a whole file system (not a bind mount of a folder),
 * its mount point is a real folder (no symbolic link on the way) and its device belongs to a disk
 * that the kernel calls removable or that sits on USB, and that holds none of the workstation's own
 * mounts ({@code /}, {@code /boot}, {@code /var}, {@code /home}, ...). Everything else under the
 * roots is listed as refused, with the reason, so the screen can say why a stick is not offered.
 *
 * <p>Written here rather than taken from a library: the JDK's {@link FileStore} list names no
 * device numbers and no removable flag, and the one Java binding of udisks talks D-Bus, a socket
 * the workstation does not open (docs/airgap.md). The parsing is small and has hostile tests.
 */
public final class RemovableMedia {
    /** The roots used when the room policy names none. */
    public static final List<Path> DEFAULT_ROOTS = List.of(Path.of("/media"), Path.of("/run/media"));
    /** A mountinfo line longer than this is not believed (the kernel's are far shorter). */
    static final int MAX_LINE = 16 * 1024;
    /** At most this many lines are read (a real table has a few hundred). */
    static final int MAX_LINES = 20_000;
    /** The workstation's own mounts: the disk under any of these is never offered. */
    private static final Set<String> OWN_MOUNTS = Set.of("/", "/boot", "/boot/efi", "/usr", "/var", "/var/lib",
            "/var/lib/airlock", "/home", "/opt", "/srv", "/tmp", "/etc");

    /** One mounted removable device, offered. Sizes in bytes; -1 when unknown. */
    public record Device(String label, Path mountPoint, String fileSystem, String device, String disk, long size,
                         long free) {
    }

    /**
     * A mount under the roots that is not offered, and why: {@code own-disk}, {@code fixed},
     * {@code bind}, {@code not-a-disk} (tmpfs, fuse, network, or a file system such as btrfs whose
     * mountinfo device is not a block device), {@code symlink}, {@code gone}, {@code unreadable}.
     */
    public record Refused(Path mountPoint, String reason) {
    }

    /** What one look found. */
    public record Scan(List<Device> devices, List<Refused> refused) {
        public Scan {
            devices = List.copyOf(devices);
            refused = List.copyOf(refused);
        }
    }

    /** One parsed line of mountinfo. */
    record Line(long id, String device, String root, Path mountPoint, String type, String source) {
    }

    private final MountTable table;
    private final Path sys;
    private final List<Path> roots;

    /**
     * @param table the mount table ({@link MountTable#PROC})
     * @param sys   the sysfs root ({@code /sys}; a folder of the same shape in tests)
     * @param roots where removable media are mounted (absolute)
     */
    public RemovableMedia(MountTable table, Path sys, List<Path> roots) {
        this.table = table;
        this.sys = sys;
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** This machine's, under {@code roots} (empty: the defaults). */
    public static RemovableMedia system(List<Path> roots) {
        return new RemovableMedia(MountTable.PROC, Path.of("/sys"), roots.isEmpty() ? DEFAULT_ROOTS : roots);
    }

    public List<Path> roots() {
        return roots;
    }

    /** Looks now. An unreadable mount table gives an empty scan with one refusal naming it. */
    public Scan scan() {
        String text;
        try {
            text = table.read();
        } catch (IOException e) {
            return new Scan(List.of(), List.of(new Refused(Path.of("/proc/self/mountinfo"), "unreadable")));
        }
        List<Line> lines = parse(text);
        Map<String, Disk> disks = disks();
        Set<String> ownDisks = new HashSet<>();
        for (Line line : lines) {
            Disk disk = disks.get(line.device());
            if (disk != null && OWN_MOUNTS.contains(line.mountPoint().toString())) {
                ownDisks.add(disk.name());
            }
        }
        // stacked mounts on one point: the last listed is the one on top, the one a path reaches
        Map<Path, Line> top = new LinkedHashMap<>();
        for (Line line : lines) {
            if (under(line.mountPoint())) {
                top.remove(line.mountPoint());
                top.put(line.mountPoint(), line);
            }
        }
        List<Device> devices = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Line line : top.values()) {
            String reason = refusal(line, disks.get(line.device()), ownDisks);
            if (reason != null) {
                refused.add(new Refused(line.mountPoint(), reason));
                continue;
            }
            Disk disk = disks.get(line.device());
            long free = -1;
            long size = disk.size();
            try {
                FileStore store = Files.getFileStore(line.mountPoint());
                free = store.getUsableSpace();
                if (size < 0) {
                    size = store.getTotalSpace();
                }
            } catch (IOException e) {
                refused.add(new Refused(line.mountPoint(), "unreadable"));
                continue;
            }
            Path name = line.mountPoint().getFileName();
            devices.add(new Device(name == null ? line.mountPoint().toString() : name.toString(), line.mountPoint(),
                    line.type(), line.source(), disk.name(), size, free));
        }
        devices.sort(java.util.Comparator.comparing(d -> d.mountPoint().toString()));
        return new Scan(devices, refused);
    }

    /** "vfat · 29.3 GB, 12.1 GB free" (decimal units, as on the stick's packaging). */
    public static String describe(Device d) {
        return d.fileSystem() + " · " + (d.size() < 0 ? "?" : bytes(d.size())) + ", " + (d.free() < 0 ? "?" : bytes(d.free()))
                + " free";
    }

    /** Bytes in decimal units with one decimal: 1.5 GB, 980.0 MB, 12 B. */
    public static String bytes(long n) {
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        if (n < 1000) {
            return n + " B";
        }
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private boolean under(Path mountPoint) {
        for (Path root : roots) {
            if (mountPoint.startsWith(root) && !mountPoint.equals(root)) {
                return true;
            }
        }
        return false;
    }

    private static String refusal(Line line, Disk disk, Set<String> ownDisks) {
        if (!"/".equals(line.root())) {
            return "bind"; // a folder of some file system mounted again: could be any disk's
        }
        if (disk == null) {
            return "not-a-disk"; // no block device (tmpfs, fuse, network): not a stick
        }
        if (ownDisks.contains(disk.name())) {
            return "own-disk";
        }
        if (!disk.removable()) {
            return "fixed";
        }
        // the mount point itself and every folder above it must be real folders, not links
        Path p = line.mountPoint();
        for (int i = 1; i <= p.getNameCount(); i++) {
            Path prefix = p.getRoot().resolve(p.subpath(0, i));
            if (Files.isSymbolicLink(prefix)) {
                return "symlink";
            }
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "gone";
        }
        return null;
    }

    /**
     * Parses mountinfo: {@code id parent major:minor root mount-point options [optional...] - type source super-options}.
     * Lines of another shape, too long, or with a relative path are skipped; octal escapes are decoded.
     */
    static List<Line> parse(String text) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        int count = 0;
        while (start < text.length() && count < MAX_LINES) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            count++;
            if (end - start <= MAX_LINE) {
                Line line = parseLine(text.substring(start, end));
                if (line != null) {
                    out.add(line);
                }
            }
            start = end + 1;
        }
        return out;
    }

    private static Line parseLine(String line) {
        String[] f = line.split(" ", -1);
        int dash = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                dash = i;
                break;
            }
        }
        if (dash < 0 || dash + 3 > f.length) {
            return null; // no separator, or no type, source and super options after it
        }
        long id;
        try {
            id = Long.parseLong(f[0]);
            Long.parseLong(f[1]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (!f[2].matches("[0-9]{1,10}:[0-9]{1,10}")) {
            return null;
        }
        String root = MountTable.unescape(f[3]);
        String point = MountTable.unescape(f[4]);
        if (!point.startsWith("/") || point.indexOf('\0') >= 0 || root.isEmpty() || f[dash + 1].isEmpty()) {
            return null;
        }
        Path mountPoint;
        try {
            mountPoint = Path.of(point).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        if (!mountPoint.toString().equals(point.length() > 1 && point.endsWith("/") ? point.substring(0, point.length() - 1) : point)) {
            return null; // ".." or "." or doubled slashes: not how the kernel writes a mount point
        }
        return new Line(id, f[2], root, mountPoint, MountTable.unescape(f[dash + 1]), MountTable.unescape(f[dash + 2]));
    }

    /** A block device: its disk, whether the disk is removable (or on USB), and its size in bytes. */
    record Disk(String name, boolean removable, long size) {
    }

    /** major:minor of every disk and partition under {@code sys/block}. */
    Map<String, Disk> disks() {
        Map<String, Disk> out = new HashMap<>();
        Path block = sys.resolve("block");
        try (DirectoryStream<Path> list = Files.newDirectoryStream(block)) {
            for (Path disk : list) {
                String name = disk.getFileName().toString();
                boolean removable = "1".equals(read(disk.resolve("removable")));
                if (!removable) {
                    // USB disks that call themselves fixed (many USB SSDs and card readers) are still sticks
                    try {
                        removable = disk.toRealPath().toString().contains("/usb");
                    } catch (IOException e) {
                        removable = false;
                    }
                }
                put(out, disk, name, removable);
                try (DirectoryStream<Path> parts = Files.newDirectoryStream(disk)) {
                    for (Path part : parts) {
                        if (part.getFileName().toString().startsWith(name) && Files.isRegularFile(part.resolve("partition"))) {
                            put(out, part, name, removable);
                        }
                    }
                } catch (IOException e) {
                    // a disk that vanished while being read: its partitions are simply not known
                }
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(RemovableMedia.class).warn("cannot list {}: {}", block, e.toString());
        }
        return out;
    }

    private static void put(Map<String, Disk> out, Path dir, String disk, boolean removable) {
        String dev = read(dir.resolve("dev"));
        if (dev == null || !dev.matches("[0-9]{1,10}:[0-9]{1,10}")) {
            return;
        }
        long size = -1;
        String sectors = read(dir.resolve("size"));
        if (sectors != null && sectors.matches("[0-9]{1,18}")) {
            long n = Long.parseLong(sectors);
            size = n > Long.MAX_VALUE / 512 ? -1 : n * 512; // sysfs counts 512-byte sectors, whatever the device's
        }
        out.put(dev, new Disk(disk, removable, size));
    }

    /** A small sysfs attribute, trimmed; null when absent, unreadable or too long to be one. */
    private static String read(Path file) {
        // sysfs reports every attribute as 4096 bytes long, so the length is learnt by reading, at most 65 bytes
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(65);
            return bytes.length > 64 ? null : new String(bytes, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
