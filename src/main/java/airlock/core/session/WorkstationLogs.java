package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.home.AirlockHome;
import airlock.core.log.Checkpoint;
import airlock.core.log.LedgerCheck;
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
import java.security.PublicKey;
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
        List<LedgerCheck.Finding> findings = new LedgerCheck(store, home.archive(), signer.publicKey(), null).run();
        boolean onlyUnwritten = !findings.isEmpty() && findings.stream().allMatch(LedgerCheck.Finding::unwrittenArchive);
        if (!findings.isEmpty() && !onlyUnwritten) {
            // nothing is written, not even the ledger's own recovery entry: the store is not the one the ledger vouches for
            return new WorkstationLogs(home, store, signer, clock, null, describe(findings));
        }
        SessionLog ledger = store.logIds().contains(SessionHeader.LEDGER_SESSION)
                ? SessionLog.resume(store, SessionHeader.LEDGER_SESSION, signer, clock, 1)
                : SessionLog.start(store, new SessionHeader(SessionHeader.LEDGER_FORMAT, SessionHeader.LEDGER_SESSION,
                        signer.workstation(), signer.publicKey(), List.of(), null, null), "workstation", signer, clock, 1);
        WorkstationLogs logs = new WorkstationLogs(home, store, signer, clock, ledger, null);
        if (onlyUnwritten) {
            // a seal whose archive copy failed to write (disk full, ...): write it now, then check again
            try {
                for (LedgerCheck.Finding finding : findings) {
                    logs.archive(finding.subject());
                }
                logs.writeLedgerCheckpoint();
            } catch (AirlockException e) {
                return new WorkstationLogs(home, store, signer, clock, null, describe(findings) + "; writing it now failed: "
                        + e.getMessage());
            }
            List<LedgerCheck.Finding> again = new LedgerCheck(store, home.archive(), signer.publicKey(), null).run();
            if (!again.isEmpty()) {
                return new WorkstationLogs(home, store, signer, clock, null, describe(again));
            }
        }
        return logs;
    }

    private static String describe(List<LedgerCheck.Finding> findings) {
        StringBuilder text = new StringBuilder("the ledger's claims do not hold: ");
        for (int i = 0; i < findings.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(findings.get(i).describe());
        }
        return text.toString();
    }

    /**
     * Null, or why the database and archive do not agree with the ledger (a database older than
     * the ledger checkpoint, a sealed session's rows or archive copy missing or different).
     */
    public String rollbackProblem() {
        return rollbackProblem;
    }

    public LogStore store() {
        return store;
    }

    /**
     * Throws the refusal when the store or the ledger check refused this home; callers open
     * anything else on the database (the annotation tables) only after this, so that a missing
     * database is never created empty by a side door.
     */
    public void checkUsable() throws AirlockException {
        requireUsable();
    }

    private void requireUsable() throws AirlockException {
        if (rollbackProblem != null) {
            throw new AirlockException("log.store.rollback", rollbackProblem);
        }
        if (ledger == null) {
            throw new AirlockException("log.store.readonly", "The session log database is read-only: " + store.health().problem());
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
        archive(id);
        writeLedgerCheckpoint();
        return sealed;
    }

    /**
     * Seals an ended session with a supervisor's signature made in another process over
     * {@link #sealStatement} (issue 16: the keeper never holds the supervisor's key); then as
     * {@link #seal}: the archive copy and the ledger checkpoint.
     */
    public SignedNote sealWithSignature(String id, byte[] signature, List<PinnedKeys.Pinned> supervisors) throws AirlockException {
        requireUsable();
        SignedNote sealed = new Sealer(store, ledger, supervisors).sealWithSignature(id, signature);
        archive(id);
        writeLedgerCheckpoint();
        return sealed;
    }

    /** The exact bytes a supervisor signs to seal ended session {@code id}. */
    public byte[] sealStatement(String id) throws AirlockException {
        requireUsable();
        return new Sealer(store, ledger, List.of()).statement(id);
    }

    /**
     * Records in the ledger that another process (the workstation, issue 16) wrote sealed session
     * {@code id}'s files to media and read each back with these names, sizes and SHA-256 — the caller
     * has compared them with its own copies first — and marks the session exported.
     */
    public airlock.core.log.LogEntry recordMediaExport(String id, List<java.util.Map<String, Object>> files) throws AirlockException {
        requireUsable();
        airlock.core.log.LogEntry entry = new LogExport(store, ledger, null).recordWritten(id, files);
        writeLedgerCheckpoint();
        return entry;
    }

    /** Writes the local archive copy of a sealed session (recorded in the ledger with target archive). */
    private void archive(String id) throws AirlockException {
        Path folder = home.archive().resolve(LogExport.stem(id));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new AirlockException("log.archive.write", "Cannot create the archive folder " + folder + ": " + e.getMessage(), e);
        }
        // the room's archive keeps every disclosure; the stick gets only those the seal lets out
        List<airlock.core.log.Disclosure> all = airlock.core.log.Disclosures.list(store, id);
        List<LogExport.Extra> extras = all.isEmpty() ? List.of()
                : List.of(new LogExport.Extra(LogExport.stem(id) + LogExport.DISCLOSURES, airlock.core.log.Disclosures.file(all)));
        new LogExport(store, ledger, new SafeWriter(WriteHooks.NONE)).export(id, folder, true, extras);
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
        writeLedgerCheckpoint(home, store, signer);
    }

    /** Writes {@code archive/ledger.checkpoint} for the ledger as the store holds it now (temp, fsync, rename). */
    static void writeLedgerCheckpoint(AirlockHome home, LogStore store, WorkstationSigner signer) throws AirlockException {
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

    /**
     * The check behind {@code airlock log verify --home}: opens the home's store for reading only
     * (nothing is written, the crash marker is left as it is) and runs {@link LedgerCheck} with the
     * pinned keys, so the ledger and every archive copy are also verified as an auditor would.
     */
    public static List<LedgerCheck.Finding> checkHome(AirlockHome home, PinnedKeys trust) throws AirlockException {
        Path key = home.keys().resolve(WorkstationKey.PUBLIC_FILE);
        try (LogStore store = LogStore.openForReading(home.databases().resolve(DATABASE))) {
            if (!store.health().writable()) {
                return List.of(new LedgerCheck.Finding("store", store.health().problem()));
            }
            if (!Files.isRegularFile(key)) {
                return List.of(new LedgerCheck.Finding("store", "the home has a session log database but no workstation"
                        + " public key " + key + ", so the ledger checkpoint cannot be checked"));
            }
            PublicKey workstationKey = airlock.core.crypto.Ed25519.readPublicPem(key);
            return new LedgerCheck(store, home.archive(), workstationKey, trust).run();
        }
    }

    /** As {@link #checkHome(AirlockHome, PinnedKeys)} with the workstation's key given. */
    static List<LedgerCheck.Finding> checkHome(AirlockHome home, PinnedKeys trust, PublicKey workstationKey) throws AirlockException {
        try (LogStore store = LogStore.openForReading(home.databases().resolve(DATABASE))) {
            if (!store.health().writable()) {
                return List.of(new LedgerCheck.Finding("store", store.health().problem()));
            }
            return new LedgerCheck(store, home.archive(), workstationKey, trust).run();
        }
    }

    static Path ledgerCheckpoint(AirlockHome home) {
        return home.archive().resolve(LedgerCheck.CHECKPOINT_FILE);
    }

    @Override
    public void close() throws AirlockException {
        store.close();
    }
}
