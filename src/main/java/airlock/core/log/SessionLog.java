package airlock.core.log;

import airlock.core.AirlockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to record an event: {@link #append} runs the caller's database work and writes the
 * log entry in the same transaction, and returns only after COMMIT. If the entry cannot be written
 * the caller's work is rolled back and an {@link AirlockException} says why (fail closed).
 * Every {@code checkpointInterval} entries a workstation-signed checkpoint entry is added in the
 * same transaction.
 */
public final class SessionLog {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLog.class);
    public static final int DEFAULT_CHECKPOINT_INTERVAL = 256;
    private final LogStore store;
    private final String id;
    private final SessionHeader header;
    private final WorkstationSigner signer;
    private final Clock clock;
    private final int checkpointInterval;
    private final EntryCodec codec = new EntryCodec();
    private LogState state;
    private boolean resumedAfterCrash;
    private FieldCommitter committer = FieldCommitter.NONE;
    private java.security.SecureRandom random = new java.security.SecureRandom();

    private SessionLog(LogStore store, String id, SessionHeader header, WorkstationSigner signer, Clock clock,
                       int checkpointInterval, LogState state) {
        this.store = store;
        this.id = id;
        this.header = header;
        this.signer = signer;
        this.clock = clock;
        this.checkpointInterval = checkpointInterval;
        this.state = state;
    }

    /** Starts a new log whose entry 0 is {@code header}; {@code actor} is who started it. */
    public static SessionLog start(LogStore store, SessionHeader header, String actor, WorkstationSigner signer, Clock clock,
                                   int checkpointInterval) throws AirlockException {
        if (!header.workstation().equals(signer.workstation())
                || !java.util.Arrays.equals(header.workstationKey().getEncoded(), signer.publicKey().getEncoded())) {
            throw new IllegalArgumentException("the header names another workstation or key than the signer");
        }
        String id = header.session();
        SessionLog log = new SessionLog(store, id, header, signer, clock, checkpointInterval, LogState.empty());
        Connection connection = store.connection();
        synchronized (store) {
            if (LogState.exists(connection, id)) {
                throw new AirlockException("log.session.exists", "A log named '" + id + "' already exists in this workstation;"
                        + " a session id is used once");
            }
            log.write(actor, header.startType(), header.toData(), c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO log_session(id, origin, state) VALUES (?, ?, 'open')")) {
                    insert.setString(1, id);
                    insert.setString(2, header.origin());
                    insert.executeUpdate();
                }
            });
        }
        return log;
    }

    /**
     * Re-opens an existing log. After an unclean stop (crash, kill, power loss) an open log gets a
     * recovery entry first, naming the last entry that survived.
     */
    public static SessionLog resume(LogStore store, String id, WorkstationSigner signer, Clock clock, int checkpointInterval)
            throws AirlockException {
        LogState state = LogState.load(store.connection(), id);
        SessionHeader header = SessionHeader.fromEntry(state.first());
        if (!header.workstation().equals(signer.workstation())
                || !java.util.Arrays.equals(header.workstationKey().getEncoded(), signer.publicKey().getEncoded())) {
            throw new AirlockException("log.session.workstation", "The log '" + id + "' was kept by workstation "
                    + header.workstation() + " with another key; it cannot be continued here");
        }
        SessionLog log = new SessionLog(store, id, header, signer, clock, checkpointInterval, state);
        if ("open".equals(state.status()) && store.recoveryDue(id)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reason", "the workstation did not stop cleanly; the log resumes after its last committed entry");
            data.put("lastSeq", state.size() - 1);
            data.put("lastTime", state.last().time());
            log.append("workstation", EntryType.RECOVERY, data, connection -> {
                try (PreparedStatement done = connection.prepareStatement("DELETE FROM log_unclean WHERE session = ?")) {
                    done.setString(1, id);
                    done.executeUpdate();
                }
            });
            log.resumedAfterCrash = true;
        }
        return log;
    }

    public String id() {
        return id;
    }

    /**
     * From now on, the members {@code committer} names go into entries as commitments and their
     * values, with their salts, into the room's disclosure table in the same transaction (see
     * {@link FieldCommitment}). Salts come from {@code random}, a {@link java.security.SecureRandom}.
     */
    public SessionLog committing(FieldCommitter committer, java.security.SecureRandom random) {
        this.committer = java.util.Objects.requireNonNull(committer, "committer");
        this.random = java.util.Objects.requireNonNull(random, "random");
        return this;
    }

    /** As {@link #committing(FieldCommitter, java.security.SecureRandom)} with a new SecureRandom. */
    public SessionLog committing(FieldCommitter committer) {
        return committing(committer, new java.security.SecureRandom());
    }

    /**
     * True when {@link #resume} wrote the recovery entry of an unclean stop (the store noted this
     * log as open at a crash, and no entry since has said so).
     */
    public boolean resumedAfterCrash() {
        return resumedAfterCrash;
    }

    public SessionHeader header() {
        return header;
    }

    public long size() {
        return state.size();
    }

    public String status() {
        return state.status();
    }

    /** The hash of the last entry (what the next entry will carry as its prev): the chain head. */
    public byte[] head() {
        return state.head().clone();
    }

    /** The time of entry 0, as written in it. */
    public String startTime() {
        return state.first().time();
    }

    /** Records an event by the session's first inspector. */
    public LogEntry append(EntryType type, Map<String, Object> data, SqlAction action) throws AirlockException {
        String actor = header.inspectors().isEmpty() ? "workstation" : header.inspectors().get(0);
        return append(actor, type, data, action);
    }

    /** Records an event; {@code action} runs in the same transaction. Returns after COMMIT. */
    public LogEntry append(String actor, EntryType type, Map<String, Object> data, SqlAction action) throws AirlockException {
        if (type == EntryType.SESSION_START || type == EntryType.LEDGER_START || type == EntryType.CHECKPOINT
                || type == EntryType.SESSION_END) {
            throw new IllegalArgumentException(type.wireName() + " entries are written by the log itself");
        }
        synchronized (store) {
            if (!"open".equals(state.status())) {
                throw new AirlockException("log.session.closed", "The session '" + id + "' has ended; nothing more can be"
                        + " recorded in it");
            }
            return write(actor, type, data, action);
        }
    }

    /**
     * Closes the session: appends the end entry and stores the final checkpoint, signed by the
     * workstation, in the same transaction. Returns the final checkpoint note (ready for the seal).
     */
    public SignedNote end(String actor, Map<String, Object> data) throws AirlockException {
        synchronized (store) {
            if (!"open".equals(state.status())) {
                throw new AirlockException("log.session.closed", "The session '" + id + "' has already ended");
            }
            SignedNote[] note = new SignedNote[1];
            write(actor, EntryType.SESSION_END, data, SqlAction.NONE, (connection, after) -> {
                note[0] = signer.sign(new Checkpoint(header.origin(), after.size(), after.tree().root(), after.last().hash()));
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE log_session SET state = 'ended', final_note = ? WHERE id = ? AND state = 'open'")) {
                    update.setString(1, note[0].text());
                    update.setString(2, id);
                    if (update.executeUpdate() != 1) {
                        throw new SQLException("the session row is missing or not open");
                    }
                }
                return after.withStatus("ended");
            });
            return note[0];
        }
    }

    /** Retries storing the final checkpoint of an ended-but-unsigned log, or returns the stored one. */
    public SignedNote finalCheckpoint() throws AirlockException {
        return LogState.finalNote(store.connection(), id);
    }

    private LogEntry write(String actor, EntryType type, Map<String, Object> data, SqlAction action) throws AirlockException {
        return write(actor, type, data, action, (connection, after) -> after);
    }

    /** Work done after the entry is inserted and before COMMIT, seeing the state the entry makes. */
    @FunctionalInterface
    private interface Finisher {
        LogState finish(Connection connection, LogState after) throws SQLException;
    }

    private LogEntry write(String actor, EntryType type, Map<String, Object> data, SqlAction action, Finisher finisher)
            throws AirlockException {
        Connection connection = store.connection();
        LogState before = state;
        LogEntry written;
        try {
            begin(connection);
            try {
                action.run(connection);
                java.time.Instant now = clock.instant();
                List<Disclosure> disclosures = new ArrayList<>();
                Map<String, Object> recorded = commit(type, data, now, actor, disclosures);
                LogEntry entry = codec.encode(state.size(), now, actor, type, recorded, state.head());
                LogState after = insert(connection, state, entry);
                Disclosures.insert(connection, disclosures);
                if (checkpointInterval > 0 && after.size() % checkpointInterval == 0 && type != EntryType.SESSION_END) {
                    Checkpoint checkpoint = new Checkpoint(header.origin(), after.size(), after.tree().root(), entry.hash());
                    Map<String, Object> note = new LinkedHashMap<>();
                    note.put("note", signer.sign(checkpoint).text());
                    after = insert(connection, after, codec.encode(after.size(), clock.instant(), "workstation",
                            EntryType.CHECKPOINT, note, entry.hash()));
                }
                after = finisher.finish(connection, after);
                connection.commit();
                state = after;
                written = entry;
            } catch (SQLException | AirlockException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            state = reload(before);
            throw new AirlockException("log.append.failed", "The action was not done: its " + type.wireName()
                    + " log entry could not be written (" + e.getMessage() + "). Nothing was changed."
                    + " Free disk space or close other programs using the workstation database, then try again.", e);
        }
        // committed; the caller hears of it only once the high-water record covers it
        store.acknowledged();
        return written;
    }

    /**
     * Starts the entry's transaction. sqlite-jdbc turns its auto-commit flag off before it runs the
     * BEGIN, so a BEGIN that fails (the database is locked by another program past the busy wait) left
     * the connection believing it was inside a transaction that did not exist: the next entry's rows
     * were then committed one statement at a time and its COMMIT failed, so an entry was kept while the
     * caller was told it was not, and the high-water record missed it. The flag is put back here.
     */
    private static void begin(Connection connection) throws SQLException {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            try {
                connection.setAutoCommit(true); // its COMMIT fails (no transaction), but the flag is on again
            } catch (SQLException expected) {
                e.addSuppressed(expected);
            }
            if (!connection.getAutoCommit()) {
                LOG.error("the log database connection is left outside auto-commit after a failed BEGIN");
            }
            throw e;
        }
    }

    /**
     * The data as the entry records it: each sensitive member replaced by its commitment, the
     * value and salt added to {@code disclosures}. The entry in clear must still fit the size
     * limit, so committing never lets a larger value in.
     */
    private Map<String, Object> commit(EntryType type, Map<String, Object> data, java.time.Instant now, String actor,
                                       List<Disclosure> disclosures) throws AirlockException {
        if (data == null || type == EntryType.SESSION_START || type == EntryType.LEDGER_START || type == EntryType.CHECKPOINT) {
            return data;
        }
        java.util.Set<String> names = new java.util.TreeSet<>(committer.sensitive(type, data));
        names.retainAll(data.keySet());
        if (names.isEmpty()) {
            return data;
        }
        codec.encode(state.size(), now, actor, type, data, state.head()); // the size and value checks of the clear entry
        Map<String, Object> recorded = new LinkedHashMap<>(data);
        for (String name : names) {
            byte[] salt = new byte[FieldCommitment.SALT_BYTES];
            random.nextBytes(salt);
            Disclosure d = new Disclosure(id, state.size(), name, salt, data.get(name));
            recorded.put(name, FieldCommitment.marker(d.commitment()));
            disclosures.add(d);
        }
        return recorded;
    }

    private LogState insert(Connection connection, LogState current, LogEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO log_entry(session, seq, bytes, hash) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setLong(2, entry.seq());
            insert.setBytes(3, entry.bytes());
            insert.setBytes(4, entry.hash());
            insert.executeUpdate();
        }
        return current.plus(entry);
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
            LOG.error("rollback of a failed log append failed", e);
        }
    }

    private LogState reload(LogState fallback) {
        try {
            return LogState.load(store.connection(), id);
        } catch (AirlockException e) {
            LOG.error("cannot re-read log {} after a failed append", id, e);
            return fallback;
        }
    }

    /** Reads entries of a stored log in order (for export and display). */
    public static void readEntries(LogStore store, String id, EntryConsumer consumer) throws AirlockException {
        try (PreparedStatement query = store.connection().prepareStatement(
                "SELECT bytes FROM log_entry WHERE session = ? ORDER BY seq")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw new AirlockException("log.store.read", "Cannot read the log '" + id + "': " + e.getMessage(), e);
        }
    }

    /** Receives one entry's canonical bytes. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(byte[] entry) throws AirlockException;
    }
}
