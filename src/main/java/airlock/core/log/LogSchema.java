package airlock.core.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered migrations of the log's tables; a migration is never edited after it lands. The log
 * owns the workstation database file, and only the log writes these tables.
 */
final class LogSchema {
    static final List<List<String>> MIGRATIONS = List.of(
            List.of("CREATE TABLE log_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    "CREATE TABLE log_session(id TEXT PRIMARY KEY, origin TEXT NOT NULL, state TEXT NOT NULL"
                            + " CHECK(state IN ('open','ended','sealed','exported')), final_note TEXT, seal_note TEXT)",
                    "CREATE TABLE log_entry(session TEXT NOT NULL REFERENCES log_session(id), seq INTEGER NOT NULL,"
                            + " bytes BLOB NOT NULL, hash BLOB NOT NULL, PRIMARY KEY(session, seq)) WITHOUT ROWID",
                    "CREATE TABLE log_runtime(id INTEGER PRIMARY KEY CHECK(id = 1), running INTEGER NOT NULL)",
                    "INSERT INTO log_runtime(id, running) VALUES (1, 0)"),
            // open logs that still owe the recovery entry of an unclean stop (see LogStore.markRunning)
            List.of("CREATE TABLE log_unclean(session TEXT PRIMARY KEY REFERENCES log_session(id), last_seq INTEGER)"),
            // the values and salts of committed fields (see Disclosures); a salt is never used twice
            List.of("CREATE TABLE log_disclosure(session TEXT NOT NULL REFERENCES log_session(id), seq INTEGER NOT NULL,"
                    + " field TEXT NOT NULL, salt BLOB NOT NULL UNIQUE CHECK(length(salt) = 32), value BLOB NOT NULL,"
                    + " PRIMARY KEY(session, seq, field)) WITHOUT ROWID"));

    private LogSchema() {
    }

    /** Applies every migration above the recorded version, each in its own transaction. */
    static void migrate(Connection connection, int current) throws SQLException {
        for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(version - 1)) {
                    statement.executeUpdate(sql);
                }
                statement.executeUpdate("INSERT OR REPLACE INTO log_meta(key, value) VALUES ('schema', '" + version + "')");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
