package airlock.core.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import airlock.core.syntax.NativeMaps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeSqliteTest {

    @Test
    void theLibraryComesFromAPrivateFolderThatIsGoneAndTempIsClean(@TempDir Path sqliteTmp) throws Exception {
        assumeTrue(System.getProperty("os.name").contains("Linux") && Files.isReadable(Path.of("/proc/self/maps")));
        List<String> before = NativeMaps.privateFolders();
        String previous = System.setProperty("org.sqlite.tmpdir", sqliteTmp.toString());
        try {
            NativeSqlite.install();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                    ResultSet rs = c.createStatement().executeQuery("select 6 * 7")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
        } finally {
            if (previous == null) {
                System.clearProperty("org.sqlite.tmpdir");
            } else {
                System.setProperty("org.sqlite.tmpdir", previous);
            }
        }
        try (var left = Files.list(sqliteTmp)) {
            assertEquals(List.of(), left.toList(), "sqlite-jdbc extracted nothing itself");
        }
        List<String> mapped = NativeMaps.mapped("sqlitejdbc");
        assertEquals(1, mapped.size(), "one SQLite library: " + mapped);
        String path = mapped.get(0);
        assertTrue(path.contains("/airlock-natives-") && path.endsWith("/libsqlitejdbc.so (deleted)"), path);
        assertFalse(Files.exists(Path.of(path.replace(" (deleted)", "")).getParent()), "the private folder is gone");
        List<String> after = NativeMaps.privateFolders();
        assertTrue(before.containsAll(after), "new in java.io.tmpdir: " + after);
    }
}
