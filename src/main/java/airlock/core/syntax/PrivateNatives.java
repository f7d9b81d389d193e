package airlock.core.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native libraries from the application's own jars, and from nowhere else. Each library is copied into a
 * folder created owner-only (0700) for this one load, its bytes read back and compared (SHA-256) with the
 * bytes in the jar, loaded by absolute path, and the folder is deleted right after loading (Linux keeps
 * the mapping of a deleted file), so nothing is left in the temporary folder even if the JVM is killed
 * later. Shared by the tree-sitter and SQLite loaders; see docs/airgap.md, "Native libraries".
 */
public final class PrivateNatives {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateNatives.class);
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("r--------");

    private PrivateNatives() {
    }

    /** A new, empty folder only this account can enter (fails on file systems without POSIX permissions). */
    public static Path newFolder() throws IOException {
        Path dir = Files.createTempDirectory("airlock-natives-", PosixFilePermissions.asFileAttribute(FOLDER));
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (!actual.equals(FOLDER) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            deleteFolder(dir);
            throw new IOException("the private folder " + dir + " is not owner-only ("
                    + PosixFilePermissions.toString(actual) + ")");
        }
        return dir;
    }

    /** A sub-folder of a private folder, also owner-only. */
    public static Path subFolder(Path parent, String name) throws IOException {
        return Files.createDirectory(parent.resolve(name), PosixFilePermissions.asFileAttribute(FOLDER));
    }

    /**
     * Copies the resource {@code resource} of {@code owner}'s jar to {@code folder/fileName} (a new file,
     * owner read-only) and returns its absolute path once the bytes on disk match the jar's.
     */
    public static Path extract(Class<?> owner, String resource, Path folder, String fileName) throws IOException {
        byte[] bytes;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the application has no " + resource);
            }
            bytes = in.readAllBytes();
        }
        Path target = folder.resolve(fileName).toAbsolutePath();
        try (SeekableByteChannel out = Files.newByteChannel(target,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(FILE))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
        verify(target, sha256(bytes));
        return target;
    }

    /** Throws unless {@code file} (not a link) holds bytes whose SHA-256 is {@code expected}. */
    static void verify(Path file, byte[] expected) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file");
        }
        byte[] actual = sha256(Files.readAllBytes(file));
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new IOException("the extracted " + file.getFileName() + " differs from the application's copy (SHA-256 "
                    + HexFormat.of().formatHex(actual) + ", expected " + HexFormat.of().formatHex(expected) + ")");
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Deletes the folder and everything in it; a failure is logged (the caller has already loaded). */
    public static void deleteFolder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete the private native-library folder {}: {}", folder, e.toString());
        }
    }
}
