package airlock.core.sqlite;

import airlock.core.syntax.PrivateNatives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Loads sqlite-jdbc's native library only from the application's own jar, and keeps sqlite-jdbc from
 * starting a process. To pick its library on Linux, sqlite-jdbc's {@code OSInfo} runs {@code uname -o}
 * (is this Android/Termux?) — found by the air-gap trace, which forbids any child process — and, left to
 * itself, extracts the library into the shared temporary folder. Here the library is chosen from
 * {@code os.name}/{@code os.arch} alone, copied into a private owner-only folder, verified (SHA-256 against
 * the jar's bytes) by {@link PrivateNatives}, named through {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name}
 * (a value set from outside, e.g. {@code AIRLOCK_JAVA_OPTS}, is replaced: no library from elsewhere is
 * loaded) and loaded at once with {@link SQLiteJDBCLoader#initialize()}; the folder is then deleted. Other
 * systems and architectures are left to sqlite-jdbc (they do not run {@code uname -o}). Called before every
 * first SQLite connection; idempotent.
 */
public final class NativeSqlite {
    private static final Logger LOG = LoggerFactory.getLogger(NativeSqlite.class);
    private static final String LIBRARY = "libsqlitejdbc.so";
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private static boolean done;

    private NativeSqlite() {
    }

    public static synchronized void install() {
        if (done) {
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
        if (System.getProperty(PATH) != null) {
            LOG.warn("ignoring {}={}: the SQLite library is loaded only from the application", PATH,
                    System.getProperty(PATH));
        }
        String folder = Files.exists(Path.of("/lib/ld-musl-" + arch + ".so.1")) ? "Linux-Musl" : "Linux";
        String resource = "/org/sqlite/native/" + folder + "/" + arch + "/" + LIBRARY;
        Path dir = null;
        try {
            dir = PrivateNatives.newFolder();
            Path lib = PrivateNatives.extract(SQLiteJDBCLoader.class, resource, dir, LIBRARY);
            System.load(lib.toString());
            System.setProperty(PATH, dir.toString());
            System.setProperty(NAME, LIBRARY);
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            LOG.warn("cannot load the application's SQLite native library: {}", e.toString());
        } finally {
            if (dir != null) {
                PrivateNatives.deleteFolder(dir);
            }
        }
    }
}
