package airlock.core.media;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes a file to removable media so that it is either complete and verified under its final
 * name or absent: temp file, {@code force(true)}, atomic move, directory fsync, read back past the
 * page cache where the file system allows ({@link ReadBack}) and compare SHA-256, all relative to
 * the folder's handle ({@link MediaFolder}), which is confirmed to be the same, still mounted
 * folder before the file and before success. Any failure deletes what it can and reports; a retry
 * always starts from scratch (after a failed fsync the kernel may have dropped the dirty pages).
 */
public final class SafeWriter {
    /** FAT32's largest file: 4 GiB − 1. */
    public static final long FAT32_MAX_FILE = 4L * 1024 * 1024 * 1024 - 1;
    private static final int CHUNK = 16 * 1024;
    private final WriteHooks hooks;

    public SafeWriter(WriteHooks hooks) {
        this.hooks = hooks;
    }

    /** Writes one file to {@code folder}, opened and bound for this one file. */
    public WrittenFile write(Path folder, String name, byte[] content) throws AirlockException {
        try (MediaFolder target = MediaFolder.open(folder)) {
            return write(target, name, content);
        }
    }

    /**
     * Writes one file into {@code target} (opened once for the whole export). The folder is
     * confirmed (same device and inode, still mounted) before the file is started and again after
     * it was read back; a file that cannot be confirmed is removed through the folder's handle and
     * reported as not written.
     */
    public WrittenFile write(MediaFolder target, String name, byte[] content) throws AirlockException {
        SafeName.check(name);
        if (content.length > FAT32_MAX_FILE) {
            throw new AirlockException("media.file.too-large", name + " is larger than 4 GiB − 1, the most a FAT32 stick holds in one file");
        }
        Path folder = target.path();
        try {
            hooks.beforeFile(name);
        } catch (IOException e) {
            throw failed(name, folder, e);
        }
        target.confirm(name);
        checkFolder(target, name, content.length);
        String expected = sha256(content);
        String temp = "tmp-" + UUID.randomUUID().toString().substring(0, 8) + ".part";
        try {
            writeTemp(target, temp, content);
            hooks.beforeMove();
            target.rename(temp, name);
            target.sync();
        } catch (IOException e) {
            target.removeQuietly(temp);
            throw failed(name, folder, e);
        }
        MessageDigest digest = digest();
        ReadBack how;
        try {
            hooks.afterSync(folder.resolve(name));
            how = target.read(name, digest::update);
        } catch (IOException e) {
            target.removeQuietly(name);
            throw new AirlockException("media.readback.failed", "Reading " + name + " back from " + folder + " failed: "
                    + describe(e) + ". The copy cannot be trusted and was removed; try again or use another stick.", e);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            target.removeQuietly(name);
            throw new AirlockException("media.readback.mismatch", "The copy of " + name + " on " + folder
                    + " differs from what was written (" + how.description() + ": SHA-256 " + actual + " instead of "
                    + expected + "). The stick may be faulty; the copy was removed. Use another stick.");
        }
        try {
            target.confirm(name);
        } catch (AirlockException e) {
            target.removeQuietly(name);
            throw e;
        }
        return new WrittenFile(folder.resolve(name), content.length, actual, how);
    }

    private static AirlockException failed(String name, Path folder, IOException e) {
        return new AirlockException("media.write.failed", "Writing " + name + " to " + folder + " failed: " + describe(e)
                + ". Nothing was written under that name; the session stays safe on this workstation."
                + " Check the stick (is it full, read-only or removed?) and try again, or use another stick.", e);
    }

    private void checkFolder(MediaFolder target, String name, long size) throws AirlockException {
        Path folder = target.path();
        try {
            for (String existing : target.names()) {
                if (existing.toLowerCase(Locale.ROOT).equals(name)) {
                    throw new AirlockException("media.file.exists", "The stick already holds " + existing
                            + "; Airlock never overwrites an earlier export. Use another folder or stick.");
                }
            }
            long usable = Files.getFileStore(folder).getUsableSpace();
            if (usable < size) {
                throw new AirlockException("media.full", "The stick has " + usable + " bytes free but " + name + " needs "
                        + size + ". Use a stick with more room.");
            }
        } catch (IOException e) {
            throw new AirlockException("media.folder.unreadable", "Cannot read the export folder " + folder + ": "
                    + describe(e) + " (was the stick removed?)", e);
        }
    }

    private void writeTemp(MediaFolder target, String temp, byte[] content) throws IOException {
        try (FileChannel channel = target.create(temp)) {
            int offset = 0;
            while (offset < content.length) {
                int length = Math.min(CHUNK, content.length - offset);
                ByteBuffer buffer = ByteBuffer.wrap(content, offset, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                offset += length;
                hooks.afterChunk(offset, content.length);
            }
            hooks.beforeForce();
            channel.force(true);
        }
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }
}
