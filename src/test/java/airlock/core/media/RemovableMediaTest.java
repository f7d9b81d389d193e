package airlock.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.media.RemovableMedia.Device;
import airlock.core.media.RemovableMedia.Refused;
import airlock.core.media.RemovableMedia.Scan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removable media from a fake {@code /proc/self/mountinfo} and a fake {@code /sys}: what is offered,
 * what is refused and why, and hostile tables (escapes, long lines, bogus fields, symbolic links,
 * bind mounts, stacked mounts).
 */
class RemovableMediaTest {
    @TempDir
    Path dir;
    Path sys;
    Path media;

    @BeforeEach
    void disks() throws IOException {
        sys = dir.resolve("sys");
        media = dir.resolve("media");
        // sda: the workstation's own disk (not removable) with sda1 = / and sda2 = /home
        disk("sda", "8:0", false, 500_000_000L);
        partition("sda", "sda1", "8:1", 400_000_000L);
        partition("sda", "sda2", "8:2", 90_000_000L);
        // sdb: a USB stick, one partition
        disk("sdb", "8:16", true, 30_000_000L);
        partition("sdb", "sdb1", "8:17", 29_999_000L);
        // sdc: a removable disk that also holds one of the workstation's own mounts (e.g. a live system)
        disk("sdc", "8:32", true, 16_000_000L);
        partition("sdc", "sdc1", "8:33", 15_000_000L);
        // nvme0n1: a fixed disk with a partition someone mounted under /media
        disk("nvme0n1", "259:0", false, 1_000_000_000L);
        partition("nvme0n1", "nvme0n1p1", "259:1", 900_000_000L);
    }

    private void disk(String name, String dev, boolean removable, long sectors) throws IOException {
        Path d = Files.createDirectories(sys.resolve("block").resolve(name));
        Files.writeString(d.resolve("dev"), dev + "\n");
        Files.writeString(d.resolve("removable"), (removable ? "1" : "0") + "\n");
        Files.writeString(d.resolve("size"), sectors + "\n");
    }

    private void partition(String disk, String name, String dev, long sectors) throws IOException {
        Path p = Files.createDirectories(sys.resolve("block").resolve(disk).resolve(name));
        Files.writeString(p.resolve("dev"), dev + "\n");
        Files.writeString(p.resolve("partition"), "1\n");
        Files.writeString(p.resolve("size"), sectors + "\n");
    }

    private Path mountPoint(String relative) throws IOException {
        return Files.createDirectories(media.resolve(relative));
    }

    /** A mountinfo line as the kernel writes it: spaces etc. in paths as octal escapes. */
    private static String line(int id, String dev, String root, Path point, String type, String source) {
        return id + " 1 " + dev + " " + escape(root) + " " + escape(point.toString())
                + " rw,nosuid,nodev,relatime shared:1 - " + type + " " + source + " rw\n";
    }

    private static String escape(String path) {
        return path.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
    }

    private static String system() {
        return "21 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
                + "22 21 8:2 / /home rw,relatime shared:2 - ext4 /dev/sda2 rw\n"
                + "23 21 0:5 / /proc rw - proc proc rw\n";
    }

    private Scan scan(String table) {
        return new RemovableMedia(() -> table, sys, List.of(media)).scan();
    }

    private static Map<String, String> reasons(Scan scan) {
        return scan.refused().stream().collect(Collectors.toMap(r -> r.mountPoint().getFileName().toString(), Refused::reason));
    }

    @Test
    void aMountedStickIsOfferedWithLabelFileSystemSizeAndFreeSpace() throws IOException {
        Path stick = mountPoint("inspector/VENDOR DROP");
        Scan scan = scan(system() + line(40, "8:17", "/", stick, "vfat", "/dev/sdb1"));
        assertEquals(1, scan.devices().size(), scan.toString());
        Device d = scan.devices().get(0);
        assertEquals("VENDOR DROP", d.label(), "the \\040 escape is a space");
        assertEquals(stick, d.mountPoint());
        assertEquals("vfat", d.fileSystem());
        assertEquals("/dev/sdb1", d.device());
        assertEquals("sdb", d.disk());
        assertEquals(29_999_000L * 512, d.size(), "size from sysfs, in 512-byte sectors");
        assertTrue(d.free() > 0, "free space from the mounted file system");
        assertEquals(List.of(), scan.refused());
    }

    @Test
    void nothingMountedIsAnEmptyScanNotAnError() {
        Scan scan = scan(system());
        assertEquals(List.of(), scan.devices());
        assertEquals(List.of(), scan.refused(), "mounts outside the media roots are not even mentioned");
    }

    @Test
    void theWorkstationsOwnDisksAreRefusedWhereverTheyAreMounted() throws IOException {
        Path home = mountPoint("inspector/home-again");
        Path fixed = mountPoint("inspector/DATA");
        Path live = mountPoint("inspector/LIVE");
        String table = system()
                + line(41, "8:2", "/", home, "ext4", "/dev/sda2")            // the /home partition, mounted again
                + line(42, "259:1", "/", fixed, "ext4", "/dev/nvme0n1p1")    // an internal disk, not removable
                + "43 21 8:33 / /boot rw - vfat /dev/sdc1 rw\n"             // the removable sdc holds /boot
                + line(44, "8:33", "/", live, "vfat", "/dev/sdc1");
        Scan scan = scan(table);
        assertEquals(List.of(), scan.devices());
        assertEquals(Map.of("home-again", "own-disk", "DATA", "fixed", "LIVE", "own-disk"), reasons(scan));
    }

    @Test
    void aBindMountOfAFolderIsRefusedEvenFromAStick() throws IOException {
        Path bound = mountPoint("inspector/bound");
        Path etc = mountPoint("inspector/etc");
        Scan scan = scan(system()
                + line(45, "8:17", "/bundles", bound, "vfat", "/dev/sdb1")
                + line(46, "8:1", "/etc", etc, "ext4", "/dev/sda1"));
        assertEquals(List.of(), scan.devices());
        assertEquals(Map.of("bound", "bind", "etc", "bind"), reasons(scan));
    }

    @Test
    void aMountPointReachedThroughASymbolicLinkIsRefused() throws IOException {
        Path real = mountPoint("elsewhere");
        Files.createDirectories(media.resolve("inspector"));
        Path link = Files.createSymbolicLink(media.resolve("inspector/STICK"), real);
        Path linkedParent = Files.createSymbolicLink(media.resolve("other"), media.resolve("inspector"));
        Scan scan = scan(system()
                + line(47, "8:17", "/", link, "vfat", "/dev/sdb1")
                + line(48, "8:17", "/", linkedParent.resolve("STICK2"), "vfat", "/dev/sdb1"));
        assertEquals(List.of(), scan.devices());
        assertEquals(Map.of("STICK", "symlink", "STICK2", "symlink"), reasons(scan));
    }

    @Test
    void memoryAndNetworkFileSystemsAreNotSticks() throws IOException {
        Path tmp = mountPoint("inspector/tmp");
        Path fuse = mountPoint("inspector/remote");
        Scan scan = scan(system()
                + line(49, "0:45", "/", tmp, "tmpfs", "tmpfs")
                + line(50, "0:46", "/", fuse, "fuse.sshfs", "host:/"));
        assertEquals(Map.of("tmp", "not-a-disk", "remote", "not-a-disk"), reasons(scan));
    }

    @Test
    void aStackedMountCountsOnlyByTheOneOnTop() throws IOException {
        Path point = mountPoint("inspector/STICK");
        Scan fixedOnTop = scan(system()
                + line(51, "8:17", "/", point, "vfat", "/dev/sdb1")
                + line(52, "259:1", "/", point, "ext4", "/dev/nvme0n1p1"));
        assertEquals(List.of(), fixedOnTop.devices(), "the internal disk mounted over the stick is what the path reaches");
        assertEquals(List.of(new Refused(point, "fixed")), fixedOnTop.refused());
        Scan stickOnTop = scan(system()
                + line(52, "259:1", "/", point, "ext4", "/dev/nvme0n1p1")
                + line(51, "8:17", "/", point, "vfat", "/dev/sdb1"));
        assertEquals(1, stickOnTop.devices().size());
    }

    @Test
    void aMountThatVanishedFromDiskIsRefusedAsGone() {
        Path gone = media.resolve("inspector/PULLED");
        Scan scan = scan(system() + line(53, "8:17", "/", gone, "vfat", "/dev/sdb1"));
        assertEquals(List.of(new Refused(gone, "gone")), scan.refused());
    }

    @Test
    void hostileLinesAreSkippedAndTheGoodOnesStillCount() throws IOException {
        Path stick = mountPoint("inspector/GOOD");
        String longPath = "/" + "a".repeat(RemovableMedia.MAX_LINE);
        String hostile = String.join("\n",
                "",                                                         // empty
                "garbage",                                                  // one field
                "x 1 8:17 / " + media + "/inspector/GOOD rw - vfat /dev/sdb1 rw", // id not a number
                "54 1 8:17 / " + media + "/inspector/GOOD rw - vfat",        // no source after the separator
                "55 1 8:17 / " + media + "/inspector/GOOD rw vfat /dev/sdb1 rw", // no separator
                "56 1 sdb1 / " + media + "/inspector/GOOD rw - vfat /dev/sdb1 rw", // device not major:minor
                "57 1 8:17 / relative/GOOD rw - vfat /dev/sdb1 rw",         // relative mount point
                "58 1 8:17 / " + media + "/inspector/../inspector/GOOD rw - vfat /dev/sdb1 rw", // dot-dot
                "59 1 8:17 / " + media + "//inspector/GOOD rw - vfat /dev/sdb1 rw", // doubled slash
                "60 1 8:17 / " + longPath + " rw - vfat /dev/sdb1 rw",      // longer than any real line
                "61 1 8:17 / " + media + "/inspector/GOOD\\0 rw - vfat /dev/sdb1 rw", // broken escape kept as text
                "62 1 8:17 / " + media + "/inspector/\\000x rw - vfat /dev/sdb1 rw", // NUL by escape
                "\u0000\u202e 1 2 3 4 5 6 - 7 8 9",                          // control and bidi characters
                "- - - - - - - - - -");
        Scan scan = scan(system() + hostile + "\n" + line(63, "8:17", "/", stick, "vfat", "/dev/sdb1"));
        assertEquals(List.of(stick), scan.devices().stream().map(Device::mountPoint).toList(), scan.toString());
        assertEquals(1, RemovableMedia.parse(hostile + "\n" + "64 1 8:17 / " + stick + " rw - vfat /dev/sdb1 rw").stream()
                .filter(l -> l.mountPoint().equals(stick)).count(), "only the well-formed line is parsed");
    }

    @Test
    void escapedTabsNewlinesAndBackslashesInMountPointsAreDecoded() throws IOException {
        Path stick = mountPoint("inspector/a\tb\\c d");
        Scan scan = scan(system() + line(65, "8:17", "/", stick, "exfat", "/dev/sdb1"));
        assertEquals(List.of("a\tb\\c d"), scan.devices().stream().map(Device::label).toList());
    }

    @Test
    void aTableOfManyLinesIsReadOnlyUpToTheLimit() throws IOException {
        Path stick = mountPoint("inspector/LATE");
        StringBuilder table = new StringBuilder(system());
        for (int i = 0; i < RemovableMedia.MAX_LINES; i++) {
            table.append(100 + i).append(" 1 0:99 / /proc/x").append(i).append(" rw - proc proc rw\n");
        }
        table.append(line(66, "8:17", "/", stick, "vfat", "/dev/sdb1"));
        assertEquals(List.of(), scan(table.toString()).devices(), "lines past the limit are not read");
    }

    @Test
    void bogusSysfsEntriesMakeADiskUnknownNotRemovable() throws IOException {
        disk("sdz", "8:240", true, 1L);
        Files.writeString(sys.resolve("block/sdz/dev"), "not a number");
        disk("sdy", "8:224", true, 1L);
        Files.writeString(sys.resolve("block/sdy/size"), "9".repeat(100));
        Path z = mountPoint("inspector/Z");
        Path y = mountPoint("inspector/Y");
        Scan scan = scan(system() + line(67, "8:240", "/", z, "vfat", "/dev/sdz") + line(68, "8:224", "/", y, "vfat", "/dev/sdy"));
        assertEquals(Map.of("Z", "not-a-disk"), reasons(scan));
        assertEquals(List.of(y), scan.devices().stream().map(Device::mountPoint).toList(),
                "an unreadable size falls back to the file system's");
        assertTrue(scan.devices().get(0).size() > 0);
    }

    @Test
    void aDiskOnUsbIsRemovableEvenWhenItSaysItIsFixed() throws IOException {
        // /sys/block/sdx -> ../devices/pci0000:00/0000:00:14.0/usb2/2-1/.../block/sdx
        Path device = Files.createDirectories(sys.resolve("devices/pci0000:00/usb2/2-1/block/sdx"));
        Files.writeString(device.resolve("dev"), "8:48\n");
        Files.writeString(device.resolve("removable"), "0\n");
        Files.writeString(device.resolve("size"), "1000\n");
        Files.createSymbolicLink(sys.resolve("block/sdx"), device);
        Path ssd = mountPoint("inspector/SSD");
        Scan scan = scan(system() + line(69, "8:48", "/", ssd, "exfat", "/dev/sdx"));
        assertEquals(List.of(ssd), scan.devices().stream().map(Device::mountPoint).toList(), scan.toString());
    }

    @Test
    void mountsOutsideTheRootsAndTheRootItselfAreNotMedia() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("mnt/STICK"));
        Scan scan = scan(system() + line(70, "8:17", "/", outside, "vfat", "/dev/sdb1")
                + line(71, "8:17", "/", Files.createDirectories(media), "vfat", "/dev/sdb1"));
        assertEquals(List.of(), scan.devices());
        assertEquals(List.of(), scan.refused());
    }

    @Test
    void anUnreadableMountTableIsSaidSo() {
        Scan scan = new RemovableMedia(() -> {
            throw new IOException("no /proc");
        }, sys, List.of(media)).scan();
        assertEquals(List.of(), scan.devices());
        assertEquals("unreadable", scan.refused().get(0).reason());
    }

    @Test
    void theRealMachineCanBeScannedWithoutFailing() {
        Scan scan = RemovableMedia.system(List.of()).scan();
        // whatever this machine has mounted: nothing offered may be on the disk holding "/"
        for (Device d : scan.devices()) {
            assertTrue(d.mountPoint().startsWith("/media") || d.mountPoint().startsWith("/run/media"), d.toString());
        }
        assertEquals(RemovableMedia.DEFAULT_ROOTS, RemovableMedia.system(List.of()).roots());
    }
}
