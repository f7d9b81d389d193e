package airlock.core.annotate.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered migrations of the annotation tables (never edited after they land). They live in the
 * workstation database next to the log's tables, which only the log writes.
 */
final class AnnotationSchema {
    static final List<List<String>> MIGRATIONS = List.of(
            List.of("CREATE TABLE annot_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    "CREATE TABLE annot_annotation(session TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL,"
                            + " json TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(session, id))",
                    "CREATE TABLE annot_review_mark(session TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,"
                            + " PRIMARY KEY(session, id))",
                    "CREATE TABLE annot_session(session TEXT PRIMARY KEY, bundle_json TEXT NOT NULL)"),
            // 2: reviewed marks can be taken back (kept, flagged), and bookmarks
            List.of("ALTER TABLE annot_review_mark ADD COLUMN removed INTEGER NOT NULL DEFAULT 0",
                    "CREATE TABLE annot_bookmark(session TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,"
                            + " PRIMARY KEY(session, id))"));

    private AnnotationSchema() {
    }

    static void migrate(Connection connection) throws SQLException {
        int current = version(connection);
        for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(version - 1)) {
                    statement.executeUpdate(sql);
                }
                statement.executeUpdate("INSERT OR REPLACE INTO annot_meta(key, value) VALUES ('schema', '" + version + "')");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='annot_meta'")) {
            if (!row.next() || row.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT value FROM annot_meta WHERE key = 'schema'")) {
            return row.next() ? Integer.parseInt(row.getString(1)) : 0;
        }
    }
}
