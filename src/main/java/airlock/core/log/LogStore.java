package airlock.core.log;

import airlock.core.AirlockException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The durable store of session logs: one SQLite file in the workstation home, WAL with
 * synchronous=FULL (read back; the store refuses to run otherwise), one writer. On open the file is
 * checked (header, quick_check, schema, every chain) before anything is written; a damaged or
 * foreign file leaves the store read-only with the reason, and is never re-initialised.
 */
public final class LogStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogStore.class);
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final Path file;
    private final Connection connection;
    private final StoreHealth health;

    private LogStore(Path file, Connection connection, StoreHealth health) {
        this.file = file;
        this.connection = connection;
        this.health = health;
    }

    /** Opens (creating if absent) the store at {@code file} and runs the start-up checks. */
    public static LogStore open(Path file) throws AirlockException {
        airlock.core.sqlite.NativeSqlite.install();
        boolean fresh = !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!fresh) {
            String problem = fileProblem(file);
            if (problem == null) {
                problem = checkReadOnly(file);
            }
            if (problem != null) {
                LOG.warn("log store {} is damaged: {}", file, problem);
                return new LogStore(file, null, StoreHealth.readOnly(problem));
            }
        }
        Connection connection = connect(file, false);
        try {
            checkDurability(connection);
            LogSchema.migrate(connection, fresh ? 0 : schemaVersion(connection));
            boolean unclean = markRunning(connection);
            return new LogStore(file, connection, StoreHealth.ok(unclean));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new AirlockException("log.store.open", "Cannot prepare the session log database " + file + ": "
                    + e.getMessage(), e);
        } catch (AirlockException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public StoreHealth health() {
        return health;
    }

    /** The single writer connection; only the log package uses it, inside its own transactions. */
    Connection connection() throws AirlockException {
        requireWritable();
        return connection;
    }

    void requireWritable() throws AirlockException {
        if (!health.writable()) {
            throw new AirlockException("log.store.readonly", "The session log database is read-only because a check failed: "
                    + health.problem() + ". Nothing can be recorded, so no action that needs the log can run."
                    + " Recover into a new file (the damaged file is kept as it is).");
        }
    }

    /** Ids of every log in the store (sessions and the ledger). */
    public List<String> logIds() throws AirlockException {
        requireWritable();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM log_session ORDER BY id")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new AirlockException("log.store.read", "Cannot read the session log database: " + e.getMessage(), e);
        }
    }

    /** Ids of the session logs that are still open (not ended), for the one-session-at-a-time rule. */
    public List<String> openSessionIds() throws AirlockException {
        requireWritable();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM log_session WHERE state = 'open' AND id <> '"
                     + SessionHeader.LEDGER_SESSION + "' ORDER BY id")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new AirlockException("log.store.read", "Cannot read the session log database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws AirlockException {
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE log_runtime SET running = 0 WHERE id = 1");
        } catch (SQLException e) {
            throw new AirlockException("log.store.close", "Cannot record a clean stop in " + file + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(connection);
        }
    }

    static Connection connect(Path file, boolean readOnly) throws AirlockException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(5_000);
        if (!readOnly) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.enforceForeignKeys(true);
        }
        Properties properties = config.toProperties();
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
        } catch (SQLException e) {
            throw new AirlockException("log.store.open", "Cannot open the session log database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkDurability(Connection connection) throws SQLException, AirlockException {
        String journal = pragma(connection, "journal_mode");
        String synchronous = pragma(connection, "synchronous");
        if (!"wal".equalsIgnoreCase(journal) || !("2".equals(synchronous) || "3".equals(synchronous))) {
            throw new AirlockException("log.store.durability", "The session log database runs with journal_mode=" + journal
                    + " and synchronous=" + synchronous + "; Airlock needs WAL with synchronous=FULL so that an acknowledged"
                    + " action survives a power loss. Check that the workstation home is on a local disk.");
        }
    }

    static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static int schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT value FROM log_meta WHERE key = 'schema'")) {
            return row.next() ? Integer.parseInt(row.getString(1)) : 0;
        }
    }

    /** Sets the running marker; returns true if it was already set (the last run did not stop cleanly). */
    private static boolean markRunning(Connection connection) throws SQLException {
        boolean unclean;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT running FROM log_runtime WHERE id = 1")) {
            unclean = row.next() && row.getInt(1) != 0;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE log_runtime SET running = 1 WHERE id = 1");
        }
        return unclean;
    }

    private static String fileProblem(Path file) {
        try {
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return "the database path " + file + " is not a regular file";
            }
            if (Files.size(file) == 0) {
                return "the database file " + file + " is empty (zero bytes)";
            }
            byte[] header = new byte[SQLITE_MAGIC.length];
            try (InputStream in = Files.newInputStream(file)) {
                if (in.readNBytes(header, 0, header.length) != header.length || !Arrays.equals(header, SQLITE_MAGIC)) {
                    return "the file " + file + " is not an SQLite database";
                }
            }
            return null;
        } catch (IOException e) {
            return "the database file " + file + " cannot be read (" + e.getMessage() + ")";
        }
    }

    /** Integrity, schema and chain checks on a read-only connection; returns the first problem or null. */
    private static String checkReadOnly(Path file) {
        try (Connection connection = connect(file, true)) {
            String quick = pragma(connection, "quick_check");
            if (!"ok".equals(quick)) {
                return "SQLite's integrity check failed (" + quick + ")";
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='log_meta'")) {
                if (!row.next() || row.getInt(1) != 1) {
                    return "the file " + file + " is an SQLite database but not an Airlock session log database";
                }
            }
            for (String id : ids(connection)) {
                String problem = new ChainCheck(connection, id).run();
                if (problem != null) {
                    return "the log '" + id + "' is damaged: " + problem;
                }
            }
            return null;
        } catch (SQLException e) {
            return "the database cannot be read (" + e.getMessage() + ")";
        } catch (AirlockException e) {
            return e.getMessage();
        }
    }

    static List<String> ids(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM log_session ORDER BY id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the session log database failed", e);
        }
    }
}
