package airlock.core.media;

import airlock.core.AirlockException;
import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A media folder opened once and held by a directory handle for the whole export: every file is
 * created, renamed, synced, read back and removed relative to that handle ({@code openat} and
 * friends, through {@link SecureDirectoryStream}), never by resolving the path again. The folder's
 * device and inode and the mount that holds it are recorded when it is opened; {@link #confirm}
 * checks that the path still leads to that same folder and that the mount is still there (a stick
 * unmounted with {@code umount -l} leaves the path leading to the empty folder underneath, on
 * another device, while the handle still reaches the detached stick).
 */
public final class MediaFolder implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MediaFolder.class);
    /** Read-back buffer: 1 MiB, aligned to 1 MiB, so it suits any direct-I/O block size up to that. */
    private static final int READ_BUFFER = 1 << 20;
    private static final Set<String> MEMORY_FILE_SYSTEMS = Set.of("tmpfs", "ramfs");
    private final Path path;
    private final Path real;
    private final SecureDirectoryStream<Path> dir;
    private final Object key;
    private final long device;
    private final long inode;
    private final MountTable mounts;
    private final MountTable.Mount mount;

    private MediaFolder(Path path, Path real, SecureDirectoryStream<Path> dir, Object key, long device, long inode,
                        MountTable mounts, MountTable.Mount mount) {
        this.path = path;
        this.real = real;
        this.dir = dir;
        this.key = key;
        this.device = device;
        this.inode = inode;
        this.mounts = mounts;
        this.mount = mount;
    }

    /** Opens {@code folder} with this process's mount table. */
    public static MediaFolder open(Path folder) throws AirlockException {
        return open(folder, MountTable.PROC);
    }

    /**
     * Opens {@code folder}: refused when it is missing, not a folder, or a symbolic link (a link
     * could lead the files anywhere), and when the path changed while it was being opened.
     */
    public static MediaFolder open(Path folder, MountTable mounts) throws AirlockException {
        Path path = folder.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(path)) {
            throw new AirlockException("media.folder.symlink", "The export folder " + path + " is a symbolic link; give the"
                    + " stick's folder itself (a link could lead the files elsewhere).");
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new AirlockException("media.folder.missing", "The export folder " + path
                    + (Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? " is not a folder" : " does not exist (was the stick removed?)"));
        }
        DirectoryStream<Path> stream = null;
        try {
            stream = Files.newDirectoryStream(path);
            if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
                throw new AirlockException("media.folder.unbound", "This system cannot hold the folder " + path
                        + " open while writing to it (no openat); Airlock writes media only on Linux.");
            }
            Object key = secure.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
            BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (key == null || !key.equals(now.fileKey())) {
                throw new AirlockException("media.folder.changed", "The export folder " + path
                        + " changed while it was being opened (was the stick just inserted or removed?); try again.");
            }
            long device = ((Number) Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS)).longValue();
            long inode = ((Number) Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
            Path real = path.toRealPath();
            MountTable.Mount mount = null;
            try {
                mount = MountTable.holding(MountTable.parse(mounts.read()), real);
            } catch (IOException e) {
                LOG.warn("no mount table ({}); {} is checked by device and inode only", e.toString(), path);
            }
            if (mount != null && !mount.device().equals(MountTable.device(device))) {
                LOG.info("{} is on device {} inside mount {} of device {} (a subvolume?)", path, MountTable.device(device),
                        mount.mountPoint(), mount.device());
            }
            MediaFolder opened = new MediaFolder(path, real, secure, key, device, inode, mounts, mount);
            stream = null;
            return opened;
        } catch (IOException e) {
            throw new AirlockException("media.folder.unreadable", "Cannot open the export folder " + path + ": "
                    + SafeWriter.describe(e) + " (was the stick removed?)", e);
        } finally {
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException e) {
                    LOG.debug("closing {}", path, e);
                }
            }
        }
    }

    /** The folder as given (absolute). */
    public Path path() {
        return path;
    }

    /** The file-system type of the mount that holds the folder, or "unknown". */
    public String fileSystem() {
        return mount == null ? "unknown" : mount.type();
    }

    /**
     * Checks that the path still leads to the folder opened (same device and inode) and that the
     * mount that held it is still mounted there. {@code file} names the file the check is for
     * (null: the export as a whole); a failure says it was not written and why.
     */
    public void confirm(String file) throws AirlockException {
        String what = file == null ? "The export" : file;
        Object now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            now = null;
        }
        if (!key.equals(now)) {
            throw new AirlockException("media.folder.changed", what + " was not written: " + path
                    + (now == null ? " is gone" : " now leads to another device or folder")
                    + " (the export opened device " + MountTable.device(device) + " inode " + inode
                    + "; was the stick pulled or unmounted?). Nothing was recorded as exported.");
        }
        if (mount == null) {
            return;
        }
        MountTable.Mount holding;
        try {
            holding = MountTable.holding(MountTable.parse(mounts.read()), real);
        } catch (IOException e) {
            throw new AirlockException("media.folder.unmounted", what + " was not written: the mount table cannot be read ("
                    + SafeWriter.describe(e) + "), so it is not known that " + mount.mountPoint()
                    + " is still mounted. Nothing was recorded as exported.", e);
        }
        if (holding == null || holding.id() != mount.id()) {
            throw new AirlockException("media.folder.unmounted", what + " was not written: " + mount.mountPoint() + " ("
                    + mount.type() + ", device " + mount.device() + ") is no longer mounted there (was the stick pulled or"
                    + " unmounted?). Nothing was recorded as exported.");
        }
    }

    /** Names in the folder, through the handle. */
    List<String> names() throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> listing = dir.newDirectoryStream(Path.of("."))) {
            for (Path p : listing) {
                out.add(p.getFileName().toString());
            }
        }
        return out;
    }

    FileChannel create(String name) throws IOException {
        return (FileChannel) dir.newByteChannel(Path.of(name), Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** Renames within the folder (atomic on every file system Airlock writes to). */
    void rename(String from, String to) throws IOException {
        dir.move(Path.of(from), dir, Path.of(to));
    }

    /** fsync of the folder itself, so that the rename is on the medium. */
    void sync() throws IOException {
        try (FileChannel self = (FileChannel) dir.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ))) {
            self.force(true);
        }
    }

    /** Removes {@code name} from the folder opened (never from whatever the path leads to now); false when absent. */
    public boolean remove(String name) throws IOException {
        try {
            dir.deleteFile(Path.of(name));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** As {@link #remove}, logging instead of failing (the stick may be gone). */
    public void removeQuietly(String name) {
        try {
            remove(name);
        } catch (IOException e) {
            LOG.warn("could not remove {} from {} (the stick may be gone): {}", name, path, e.toString());
        }
    }

    /**
     * Reads {@code name} back, handing each chunk to {@code sink}, from the device itself where it
     * can: with {@code O_DIRECT}, which bypasses the page cache. A file system that refuses direct
     * reads is read through the cache, and a memory file system (tmpfs) has no device below the
     * cache; the result says which.
     */
    public ReadBack read(String name, Consumer<ByteBuffer> sink) throws IOException {
        if (MEMORY_FILE_SYSTEMS.contains(fileSystem())) {
            readCached(name, sink);
            return ReadBack.MEMORY;
        }
        FileChannel direct;
        try {
            direct = (FileChannel) dir.newByteChannel(Path.of(name), Set.<OpenOption>of(StandardOpenOption.READ,
                    ExtendedOpenOption.DIRECT));
        } catch (IOException | UnsupportedOperationException e) {
            // EINVAL: the file system does not support O_DIRECT (or its block size is unknown)
            LOG.info("{} on {} refuses direct reads ({}); reading back through the page cache", name, path, e.toString());
            readCached(name, sink);
            return ReadBack.CACHED;
        }
        try (FileChannel channel = direct) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocateDirect(2 * READ_BUFFER).alignedSlice(READ_BUFFER);
            long total = 0;
            while (total < size) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n <= 0) {
                    break;
                }
                total += n;
                buffer.flip();
                sink.accept(buffer);
                if (n < READ_BUFFER && total < size) {
                    throw new IOException("short direct read of " + name + " at " + total + " of " + size + " bytes");
                }
            }
            return ReadBack.DIRECT;
        }
    }

    /** The whole file, read back as {@link #read} does. */
    public byte[] readAll(String name) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        read(name, buffer -> {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.writeBytes(chunk);
        });
        return out.toByteArray();
    }

    private void readCached(String name, Consumer<ByteBuffer> sink) throws IOException {
        try (FileChannel channel = (FileChannel) dir.newByteChannel(Path.of(name), Set.of(StandardOpenOption.READ))) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (true) {
                buffer.clear();
                if (channel.read(buffer) < 0) {
                    return;
                }
                buffer.flip();
                sink.accept(buffer);
            }
        }
    }

    @Override
    public void close() {
        try {
            dir.close();
        } catch (IOException e) {
            LOG.debug("closing {}", path, e);
        }
    }
}
