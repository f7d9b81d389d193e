package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.home.AirlockHome;
import airlock.core.log.Checkpoint;
import airlock.core.log.LogExport;
import airlock.core.log.LogHashes;
import airlock.core.log.LogStore;
import airlock.core.log.MerkleAccumulator;
import airlock.core.log.NoteKeys;
import airlock.core.log.PinnedKeys;
import airlock.core.log.Sealer;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.SignaturePurpose;
import airlock.core.log.SignedNote;
import airlock.core.log.WorkstationSigner;
import airlock.core.media.SafeWriter;
import airlock.core.media.WriteHooks;
import airlock.core.media.WrittenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The session logs of one workstation: the store in {@code db/airlock.db}, the workstation ledger,
 * the local archive of sealed logs and the ledger checkpoint kept outside the database
 * ({@code archive/ledger.checkpoint}), against which a database replaced by an older copy is
 * detected on start.
 */
public final class WorkstationLogs implements AutoCloseable {
    public static final String DATABASE = "airlock.db";
    private final AirlockHome home;
    private final LogStore store;
    private final WorkstationSigner signer;
    private final Clock clock;
    private final SessionLog ledger;
    private final String rollbackProblem;

    private WorkstationLogs(AirlockHome home, LogStore store, WorkstationSigner signer, Clock clock, SessionLog ledger,
                            String rollbackProblem) {
        this.home = home;
        this.store = store;
        this.signer = signer;
        this.clock = clock;
        this.ledger = ledger;
        this.rollbackProblem = rollbackProblem;
    }

    public static WorkstationLogs open(AirlockHome home, WorkstationSigner signer, Clock clock) throws AirlockException {
        LogStore store = LogStore.open(home.databases().resolve(DATABASE));
        if (!store.health().writable()) {
            return new WorkstationLogs(home, store, signer, clock, null, null);
        }
        SessionLog ledger = store.logIds().contains(SessionHeader.LEDGER_SESSION)
                ? SessionLog.resume(store, SessionHeader.LEDGER_SESSION, signer, clock, 1)
                : SessionLog.start(store, new SessionHeader(SessionHeader.LEDGER_FORMAT, SessionHeader.LEDGER_SESSION,
                        signer.workstation(), signer.publicKey(), List.of(), null, null), "workstation", signer, clock, 1);
        return new WorkstationLogs(home, store, signer, clock, ledger, rollbackProblem(home, store, signer, ledger));
    }

    /** Null, or why the database looks older than the ledger checkpoint kept in the archive. */
    public String rollbackProblem() {
        return rollbackProblem;
    }

    public LogStore store() {
        return store;
    }

    private void requireUsable() throws AirlockException {
        if (ledger == null) {
            throw new AirlockException("log.store.readonly", "The session log database is read-only: " + store.health().problem());
        }
        if (rollbackProblem != null) {
            throw new AirlockException("log.store.rollback", rollbackProblem);
        }
    }

    public SessionLog startSession(SessionHeader header, String actor) throws AirlockException {
        requireUsable();
        return SessionLog.start(store, header, actor, signer, clock, SessionLog.DEFAULT_CHECKPOINT_INTERVAL);
    }

    public SessionLog resumeSession(String id) throws AirlockException {
        requireUsable();
        return SessionLog.resume(store, id, signer, clock, SessionLog.DEFAULT_CHECKPOINT_INTERVAL);
    }

    /** Seals an ended session, keeps a copy in the local archive and refreshes the ledger checkpoint. */
    public SignedNote seal(String id, PrivateKey supervisorKey, List<PinnedKeys.Pinned> supervisors) throws AirlockException {
        requireUsable();
        SignedNote sealed = new Sealer(store, ledger, supervisors).seal(id, supervisorKey);
        Path folder = home.archive().resolve(LogExport.stem(id));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new AirlockException("log.archive.write", "Cannot create the archive folder " + folder + ": " + e.getMessage(), e);
        }
        new LogExport(store, ledger, new SafeWriter(WriteHooks.NONE)).export(id, folder, true);
        writeLedgerCheckpoint();
        return sealed;
    }

    /**
     * Writes the sealed log and seal to a stick; the session stays sealed locally unless both copies
     * verify, read back from the stick, against this workstation's pinned keys (the ones
     * {@code airlock log verify --home} uses).
     */
    public List<WrittenFile> export(String id, Path folder, WriteHooks hooks) throws AirlockException {
        return export(id, folder, hooks, List.of());
    }

    /**
     * Writes an ended, sealed session's files to a stick: {@code extras} (the annotation exports the
     * supervisor approved) first, then log and seal, all recorded in one ledger entry once the log
     * and seal read back from the stick verify against this workstation's pinned keys.
     */
    public List<WrittenFile> export(String id, Path folder, WriteHooks hooks, List<LogExport.Extra> extras) throws AirlockException {
        requireUsable();
        List<WrittenFile> written = new LogExport(store, ledger, new SafeWriter(hooks)).export(id, folder, false, extras,
                PinnedKeys.load(home.trustRoot()));
        writeLedgerCheckpoint();
        return written;
    }

    /**
     * Records a supervisor's act about a session that has already ended (an export decision) in the
     * workstation ledger: the session's own log is closed by its end entry, the ledger is not.
     */
    public airlock.core.log.LogEntry recordInLedger(String actor, airlock.core.log.EntryType type,
                                                    java.util.Map<String, Object> data) throws AirlockException {
        requireUsable();
        airlock.core.log.LogEntry entry = ledger.append(actor, type, data, airlock.core.log.SqlAction.NONE);
        writeLedgerCheckpoint();
        return entry;
    }

    /** The stored state of a log: open, ended, sealed or exported (null when there is no such log). */
    public String status(String id) throws AirlockException {
        return LogExport.status(store, id);
    }

    private void writeLedgerCheckpoint() throws AirlockException {
        byte[] entries = LogExport.entriesFile(store, SessionHeader.LEDGER_SESSION);
        MerkleAccumulator tree = new MerkleAccumulator(new LogHashes());
        byte[] last = null;
        LogHashes hashes = new LogHashes();
        int start = 0;
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] == '\n') {
                last = hashes.entryHash(entries, start, i - start);
                tree.add(last);
                start = i + 1;
            }
        }
        SignedNote note = signer.sign(new Checkpoint(Checkpoint.ledgerOrigin(signer.workstation()), tree.size(), tree.root(), last));
        Path target = ledgerCheckpoint(home);
        Path temp = target.resolveSibling("ledger.checkpoint.tmp");
        try {
            Files.writeString(temp, note.text(), StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AirlockException("log.archive.write", "Cannot write the ledger checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    static Path ledgerCheckpoint(AirlockHome home) {
        return home.archive().resolve("ledger.checkpoint");
    }

    private static String rollbackProblem(AirlockHome home, LogStore store, WorkstationSigner signer, SessionLog ledger)
            throws AirlockException {
        Path file = ledgerCheckpoint(home);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(Files.readAllBytes(file));
            checkpoint = Checkpoint.parse(note.body());
        } catch (IOException e) {
            return "the ledger checkpoint " + file + " cannot be read (" + e.getMessage() + ")";
        }
        var lines = note.signedAs(SignaturePurpose.CHECKPOINT);
        if (lines.size() != 1 || !NoteKeys.verify(SignaturePurpose.CHECKPOINT, note.body(), lines.get(0), signer.publicKey()).isValid()) {
            return "the ledger checkpoint " + file + " is not signed by this workstation's key";
        }
        if (checkpoint.size() > ledger.size()) {
            return "the database's ledger has " + ledger.size() + " entries but the archive's ledger checkpoint covers "
                    + checkpoint.size() + ": the database was replaced by an older copy or entries were removed";
        }
        byte[] entries = LogExport.entriesFile(store, SessionHeader.LEDGER_SESSION);
        MerkleAccumulator tree = new MerkleAccumulator(new LogHashes());
        LogHashes hashes = new LogHashes();
        int start = 0;
        for (int i = 0; i < entries.length && tree.size() < checkpoint.size(); i++) {
            if (entries[i] == '\n') {
                tree.add(hashes.entryHash(entries, start, i - start));
                start = i + 1;
            }
        }
        if (!Arrays.equals(tree.root(), checkpoint.root())) {
            return "the database's ledger differs from the archive's ledger checkpoint: the database is not the one"
                    + " this workstation wrote";
        }
        return null;
    }

    @Override
    public void close() throws AirlockException {
        store.close();
    }
}
