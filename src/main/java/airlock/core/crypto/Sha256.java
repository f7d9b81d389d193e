package airlock.core.crypto;

import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of bytes and of files (streamed, never loaded whole). */
public final class Sha256 {
    private static final int BUFFER = 1 << 20;

    private Sha256() {
    }

    /** A fresh SHA-256 digest; every JDK provides it. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }

    public static byte[] digest(byte[] data) {
        return newDigest().digest(data);
    }

    /** Lower-case hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** SHA-256 of a file's content, read in 1 MiB chunks. */
    public static byte[] digest(Path file) throws IOException {
        try {
            return digest(file, ProgressMonitor.NONE);
        } catch (CancelledException e) {
            throw new IllegalStateException("a monitor that never cancels cancelled", e);
        }
    }

    /** SHA-256 of a file's content, reporting bytes read to {@code monitor} and honouring cancellation. */
    public static byte[] digest(Path file, ProgressMonitor monitor) throws IOException, CancelledException {
        MessageDigest md = newDigest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
                monitor.update(n);
                monitor.checkCancelled();
            }
        }
        return md.digest();
    }
}
