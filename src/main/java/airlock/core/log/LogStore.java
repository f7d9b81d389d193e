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
    private static final String HIGH_WATER_KEPT = "highwater";
    private final Path file;
    private final Connection connection;
    private final StoreHealth health;
    private final HighWater highWater;
    private final boolean reader;
    private volatile String stopped;

    private LogStore(Path file, Connection connection, StoreHealth health, HighWater highWater, boolean reader) {
        this.file = file;
        this.connection = connection;
        this.health = health;
        this.highWater = highWater;
        this.reader = reader;
    }

    /**
     * Opens (creating if absent) the store at {@code file} and runs the start-up checks, including
     * the comparison with the high-water record kept next to it ({@link HighWater}): a database
     * below what was acknowledged, a missing database whose record exists, or a missing record the
     * database says is kept, leave the store read-only with the reason; nothing is re-initialised.
     */
    public static LogStore open(Path file) throws AirlockException {
        return open(file, false);
    }

    /**
     * Opens the store for reading only (tools that only read: listings, verification). The same
     * checks run; nothing is written: no crash marker is set or cleared, no high-water record is
     * created, no recovery entry is added. A missing database is reported, not created.
     */
    public static LogStore openForReading(Path file) throws AirlockException {
        return open(file, true);
    }

    private static LogStore open(Path file, boolean reader) throws AirlockException {
        airlock.core.sqlite.NativeSqlite.install();
        Path highWaterFile = HighWater.fileFor(file);
        HighWater.Record record = null;
        String highWaterProblem = null;
        try {
            record = HighWater.read(highWaterFile);
        } catch (IOException e) {
            highWaterProblem = "the high-water record " + highWaterFile + " cannot be used: " + e.getMessage();
        }
        boolean fresh = !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        boolean walPresent = Files.exists(file.resolveSibling(file.getFileName() + "-wal"), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (fresh) {
            String problem = missingDatabase(file, record, highWaterProblem);
            if (problem == null && reader) {
                problem = "there is no session log database at " + file;
            }
            if (problem != null) {
                LOG.warn("log store {} refused: {}", file, problem);
                return new LogStore(file, null, StoreHealth.readOnly(problem), null, reader);
            }
        } else {
            String problem = fileProblem(file);
            if (problem == null) {
                problem = checkReadOnly(file, record, highWaterFile, highWaterProblem, walPresent);
            }
            if (problem != null) {
                LOG.warn("log store {} is damaged: {}", file, problem);
                return new LogStore(file, null, StoreHealth.readOnly(problem), null, reader);
            }
        }
        if (reader) {
            Connection connection = connect(file, true);
            try {
                return new LogStore(file, connection, StoreHealth.ok(runningMarker(connection)), null, true);
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new AirlockException("log.store.open", "Cannot read the session log database " + file + ": "
                        + e.getMessage(), e);
            }
        }
        Connection connection = connect(file, false);
        try {
            checkDurability(connection);
            LogSchema.migrate(connection, fresh ? 0 : schemaVersion(connection));
            String storeId = storeId(connection);
            boolean unclean = markRunning(connection);
            HighWater highWater;
            if (record == null) {
                // a new store, or one from before the record existed: write it, then say in the
                // database (checkpointed into the main file) that it is kept
                highWater = HighWater.create(highWaterFile, connection, storeId);
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT OR REPLACE INTO log_meta(key, value) VALUES ('" + HIGH_WATER_KEPT + "', '1')");
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            } else {
                highWater = HighWater.attach(highWaterFile);
            }
            LogStore store = new LogStore(file, connection, StoreHealth.ok(unclean), highWater, false);
            store.acknowledged();
            return store;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new AirlockException("log.store.open", "Cannot prepare the session log database " + file + ": "
                    + e.getMessage(), e);
        } catch (AirlockException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Why a missing database must not be replaced by a new empty one; null when nothing says it existed. */
    private static String missingDatabase(Path file, HighWater.Record record, String highWaterProblem) {
        if (highWaterProblem != null) {
            return "the session log database " + file + " is missing and " + highWaterProblem;
        }
        if (record != null) {
            StringBuilder logs = new StringBuilder();
            for (HighWater.Mark mark : record.marks()) {
                logs.append(logs.length() == 0 ? "" : ", ").append('\'').append(mark.id()).append("' (")
                        .append(mark.size()).append(" entries acknowledged, ").append(mark.state()).append(')');
            }
            return "the session log database " + file + " is missing, but its high-water record " + HighWater.fileFor(file)
                    + " says it held " + (logs.length() == 0 ? "a store" : logs) + "; a new empty database is not created"
                    + " in its place (restore the file, or run 'airlock log recover' to start a new one that records the loss)";
        }
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(side, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return "the session log database " + file + " is missing but its " + side.getFileName()
                        + " file is there; a new empty database is not created in its place";
            }
        }
        return null;
    }

    private static String storeId(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM log_meta WHERE key = 'store'");
             ResultSet row = query.executeQuery()) {
            if (row.next()) {
                return row.getString(1);
            }
        }
        byte[] random = new byte[16];
        new java.security.SecureRandom().nextBytes(random);
        String id = java.util.HexFormat.of().formatHex(random);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_meta(key, value) VALUES ('store', ?)")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
        return id;
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

    /** True when opened by {@link #openForReading}: writes fail, and nothing marks the store as running. */
    public boolean isReader() {
        return reader;
    }

    /**
     * The logs the high-water record next to {@code database} says were acknowledged, one line
     * each ("'id': N entries, state, head HEX"); empty when there is no readable record.
     */
    public static List<String> acknowledgedLogs(Path database) {
        List<String> lines = new ArrayList<>();
        try {
            HighWater.Record record = HighWater.read(HighWater.fileFor(database));
            if (record != null) {
                for (HighWater.Mark mark : record.marks()) {
                    lines.add("'" + mark.id() + "': " + mark.size() + " entries, " + mark.state() + ", head "
                            + LogHashes.hex(mark.head()));
                }
            }
        } catch (IOException e) {
            LOG.warn("the high-water record of {} cannot be read: {}", database, e.toString());
        }
        return lines;
    }

    /** The high-water record's file next to the database. */
    public Path highWaterFile() {
        return HighWater.fileFor(file);
    }

    /**
     * Brings the high-water record up to the database after a COMMIT that recorded an entry; the
     * caller is told of the entry only after this returns. If the record cannot be written, the
     * store stops taking entries (the record must never fall below an acknowledged entry).
     */
    void acknowledged() throws AirlockException {
        if (highWater == null || connection == null) {
            return;
        }
        try {
            highWater.acknowledge(connection);
        } catch (AirlockException e) {
            stopped = e.getMessage();
            throw e;
        }
    }

    /** Whether an open log still owes the recovery entry of an unclean stop (kept until written). */
    boolean recoveryDue(String id) throws AirlockException {
        try (PreparedStatement query = connection().prepareStatement("SELECT 1 FROM log_unclean WHERE session = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new AirlockException("log.store.read", "Cannot read the session log database: " + e.getMessage(), e);
        }
    }

    void requireWritable() throws AirlockException {
        if (stopped != null) {
            throw new AirlockException("log.highwater.write", stopped);
        }
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
        if (highWater != null) {
            highWater.close();
        }
        if (reader) {
            closeQuietly(connection);
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

    /**
     * Sets the running marker; returns true if it was already set (the last run did not stop
     * cleanly). After an unclean stop every open log is noted in {@code log_unclean}, in the same
     * transaction: the note stays until that log's own recovery entry is written, so a tool that
     * opens and closes the store in between cannot make the crash look like a clean stop.
     */
    private static boolean markRunning(Connection connection) throws SQLException {
        boolean unclean = runningMarker(connection);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (unclean) {
                statement.executeUpdate("INSERT OR IGNORE INTO log_unclean(session, last_seq) SELECT s.id,"
                        + " (SELECT max(seq) FROM log_entry WHERE session = s.id) FROM log_session s WHERE s.state = 'open'");
            }
            statement.executeUpdate("UPDATE log_runtime SET running = 1 WHERE id = 1");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return unclean;
    }

    private static boolean runningMarker(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT running FROM log_runtime WHERE id = 1")) {
            return row.next() && row.getInt(1) != 0;
        }
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
    private static String checkReadOnly(Path file, HighWater.Record record, Path highWaterFile, String highWaterProblem,
                                        boolean walPresent) {
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
            return highWaterProblem != null ? highWaterProblem : compare(file, connection, record, highWaterFile, walPresent);
        } catch (SQLException e) {
            return "the database cannot be read (" + e.getMessage() + ")";
        } catch (AirlockException e) {
            return e.getMessage();
        }
    }

    /**
     * The database against its high-water record: same store, and every log the record names
     * reaches the acknowledged entry with the acknowledged hash and is not in an earlier state.
     */
    private static String compare(Path file, Connection connection, HighWater.Record record, Path highWaterFile,
                                  boolean walPresent) throws SQLException {
        String kept = meta(connection, HIGH_WATER_KEPT);
        String store = meta(connection, "store");
        if (record == null) {
            return kept == null ? null : "the high-water record " + highWaterFile + " is missing, but the database says it"
                    + " keeps one: what the store acknowledged can no longer be checked";
        }
        if (store == null || !store.equals(record.store())) {
            return "the database " + file + " is not the one its high-water record " + highWaterFile + " belongs to"
                    + " (store id " + (store == null ? "none: the database is older than the record" : store)
                    + ", record " + record.store() + "): the database was replaced";
        }
        String wal = walPresent ? ""
                : "; " + file.getFileName() + "-wal is absent: the write-ahead log was lost after an unclean stop, or the"
                        + " database was replaced by an older copy";
        for (HighWater.Mark mark : record.marks()) {
            long size;
            byte[] hash = null;
            String state;
            try (PreparedStatement query = connection.prepareStatement("SELECT state FROM log_session WHERE id = ?")) {
                query.setString(1, mark.id());
                try (ResultSet row = query.executeQuery()) {
                    state = row.next() ? row.getString(1) : null;
                }
            }
            if (state == null) {
                return "the log '" + mark.id() + "' is missing from the database, but " + mark.size() + " of its entries were"
                        + " acknowledged (high-water record " + highWaterFile.getFileName() + ")" + wal;
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT count(*), (SELECT hash FROM log_entry WHERE session = ? AND seq = ?) FROM log_entry WHERE session = ?")) {
                query.setString(1, mark.id());
                query.setLong(2, mark.size() - 1);
                query.setString(3, mark.id());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    size = row.getLong(1);
                    hash = row.getBytes(2);
                }
            }
            if (size < mark.size()) {
                return "the log '" + mark.id() + "' has " + size + " entries in the database, but " + mark.size()
                        + " were acknowledged: " + (size == mark.size() - 1 ? "entry " + size + " is gone"
                        : "entries " + size + " to " + (mark.size() - 1) + " are gone") + " (high-water record "
                        + highWaterFile.getFileName() + ")" + wal;
            }
            if (!Arrays.equals(hash, mark.head())) {
                return "entry " + (mark.size() - 1) + " of the log '" + mark.id() + "' differs from the one acknowledged"
                        + " (high-water record " + highWaterFile.getFileName() + "): the database is not the one that"
                        + " recorded it";
            }
            if (rank(state) < rank(mark.state())) {
                return "the log '" + mark.id() + "' is " + state + " in the database, but it was acknowledged as "
                        + mark.state() + " (high-water record " + highWaterFile.getFileName() + "): the database is older";
            }
        }
        return null;
    }

    private static int rank(String state) {
        return switch (state) {
            case "open" -> 0;
            case "ended" -> 1;
            case "sealed" -> 2;
            case "exported" -> 3;
            default -> -1;
        };
    }

    private static String meta(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM log_meta WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
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
