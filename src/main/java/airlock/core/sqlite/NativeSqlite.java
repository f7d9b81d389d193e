package airlock.core.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps sqlite-jdbc from starting a process. To pick its native library on Linux, sqlite-jdbc's
 * {@code OSInfo} runs {@code uname -o} (is this Android/Termux?) — found by the air-gap trace,
 * which forbids any child process. Here the library is chosen from {@code os.name}/{@code os.arch}
 * alone, extracted from the jar into a fresh owner-only temporary folder and named through
 * {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name}, which sqlite-jdbc loads before asking
 * {@code OSInfo} anything. Other systems and architectures are left to sqlite-jdbc (they do not
 * run {@code uname -o}). Called before every first SQLite connection; idempotent.
 */
public final class NativeSqlite {
    private static final Logger LOG = LoggerFactory.getLogger(NativeSqlite.class);
    private static final String LIBRARY = "libsqlitejdbc.so";
    private static boolean done;

    private NativeSqlite() {
    }

    public static synchronized void install() {
        if (done || System.getProperty("org.sqlite.lib.path") != null) {
            done = true;
            return;
        }
        done = true;
        String os = System.getProperty("os.name", "");
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (!os.contains("Linux") || arch == null) {
            return;
        }
        String folder = Files.exists(Path.of("/lib/ld-musl-" + (arch.equals("x86_64") ? "x86_64" : "aarch64") + ".so.1"))
                ? "Linux-Musl" : "Linux";
        String resource = "/org/sqlite/native/" + folder + "/" + arch + "/" + LIBRARY;
        try (InputStream in = NativeSqlite.class.getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warn("sqlite-jdbc has no {}; it will choose its library itself (and may run 'uname -o')", resource);
                return;
            }
            Path dir = Files.createTempDirectory("airlock-sqlite-");
            Path lib = dir.resolve(LIBRARY);
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            lib.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", LIBRARY);
        } catch (IOException e) {
            LOG.warn("cannot extract the SQLite native library ({}); sqlite-jdbc will choose it itself", e.toString());
        }
    }
}
