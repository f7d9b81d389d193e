package airlock.core.media;

import airlock.core.AirlockException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file to removable media so that it is either complete and verified under its final
 * name or absent: temp file, {@code force(true)}, atomic move, directory fsync, read back and
 * compare SHA-256. Any failure deletes what it can and reports; a retry always starts from
 * scratch (after a failed fsync the kernel may have dropped the dirty pages).
 */
public final class SafeWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SafeWriter.class);
    /** FAT32's largest file: 4 GiB − 1. */
    public static final long FAT32_MAX_FILE = 4L * 1024 * 1024 * 1024 - 1;
    private static final int CHUNK = 16 * 1024;
    private final WriteHooks hooks;

    public SafeWriter(WriteHooks hooks) {
        this.hooks = hooks;
    }

    public WrittenFile write(Path folder, String name, byte[] content) throws AirlockException {
        SafeName.check(name);
        if (content.length > FAT32_MAX_FILE) {
            throw new AirlockException("media.file.too-large", name + " is larger than 4 GiB − 1, the most a FAT32 stick holds in one file");
        }
        Path target = folder.resolve(name);
        checkFolder(folder, name, content.length);
        String expected = sha256(content);
        Path temp = folder.resolve("tmp-" + UUID.randomUUID().toString().substring(0, 8) + ".part");
        try {
            writeTemp(temp, content);
            hooks.beforeMove();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(folder);
        } catch (IOException e) {
            discard(temp);
            throw new AirlockException("media.write.failed", "Writing " + name + " to " + folder + " failed: " + describe(e)
                    + ". Nothing was written under that name; the session stays safe on this workstation."
                    + " Check the stick (is it full, read-only or removed?) and try again, or use another stick.", e);
        }
        String actual;
        try (InputStream in = Files.newInputStream(target)) {
            actual = sha256(in);
        } catch (IOException e) {
            discard(target);
            throw new AirlockException("media.readback.failed", "Reading " + name + " back from " + folder + " failed: "
                    + describe(e) + ". The copy cannot be trusted; try again or use another stick.", e);
        }
        if (!actual.equals(expected)) {
            discard(target);
            throw new AirlockException("media.readback.mismatch", "The copy of " + name + " on " + folder
                    + " differs from what was written (SHA-256 " + actual + " instead of " + expected
                    + "). The stick may be faulty; the copy was removed. Use another stick.");
        }
        return new WrittenFile(target, content.length, actual);
    }

    private void checkFolder(Path folder, String name, long size) throws AirlockException {
        if (!Files.isDirectory(folder)) {
            throw new AirlockException("media.folder.missing", "The export folder " + folder
                    + " does not exist (was the stick removed?)");
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
            for (Path existing : listing) {
                if (existing.getFileName().toString().toLowerCase(Locale.ROOT).equals(name)) {
                    throw new AirlockException("media.file.exists", "The stick already holds " + existing.getFileName()
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

    private void writeTemp(Path temp, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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

    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not remove the unfinished file {} (the stick may be gone): {}", file, e.toString());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }
}
