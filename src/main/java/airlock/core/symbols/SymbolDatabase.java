package airlock.core.symbols;

import airlock.core.AirlockException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the SQLite file of one symbol index and applies the numbered migrations. WAL lets queries run
 * while the builder writes. {@code synchronous=NORMAL} is deliberate: the index is derived data that
 * can be rebuilt, and each file's rows commit atomically with its "done" mark, so a crash loses at most
 * the last batch and never leaves a file half-indexed.
 */
final class SymbolDatabase {
    private static final String[] MIGRATIONS = {"V1__symbols.sql", "V2__file_marks.sql",
            "V3__definition_conditions.sql", "V4__names_index_built_last.sql",
            "V5__definitions_in_files.sql"};

    private SymbolDatabase() {
    }

    static Connection open(Path file) throws AirlockException {
        airlock.core.sqlite.NativeSqlite.install();
        try {
            Files.createDirectories(file.getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA cache_size=-65536");
                s.execute("PRAGMA temp_store=MEMORY");
                s.execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
                int version = 0;
                try (ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                    if (rs.next()) {
                        version = rs.getInt(1);
                    }
                }
                for (int v = version; v < MIGRATIONS.length; v++) {
                    migrate(c, v + 1, MIGRATIONS[v]);
                }
            }
            return c;
        } catch (SQLException | IOException e) {
            throw new AirlockException("symbols.db.open", "Cannot open the symbol index " + file + " ("
                    + e.getMessage() + "). Delete the file to rebuild the index.", e);
        }
    }

    private static void migrate(Connection c, int version, String name) throws SQLException, IOException {
        String sql;
        try (InputStream in = SymbolDatabase.class.getResourceAsStream("/airlock/db/symbols/" + name)) {
            if (in == null) {
                throw new IOException("missing migration " + name);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            String code = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
            for (String body : code.split(";")) {
                if (!body.isBlank()) {
                    s.execute(body);
                }
            }
            s.execute("INSERT INTO schema_version(version) VALUES (" + version + ")");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
