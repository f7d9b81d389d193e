package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.progress.ProgressMonitor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the workstation ledger to what it claims. The ledger itself: an intact chain (and, given
 * the pinned keys, the same verification an auditor runs); {@code archive/ledger.checkpoint}
 * present once any seal is recorded, signed by this workstation, and a prefix of the ledger.
 * Every session the ledger says was sealed: its rows are in the database, in the sealed (or
 * exported) state, with the seal the ledger recorded and entries whose Merkle tree is the sealed
 * final checkpoint; its archive copy is there with the files the ledger recorded (same SHA-256),
 * entries matching the same checkpoint and the same seal. Every disagreement is one finding
 * naming the session (or "ledger") and what is missing or different.
 */
public final class LedgerCheck {
    /** The file the ledger checkpoint is kept in, inside the archive folder. */
    public static final String CHECKPOINT_FILE = "ledger.checkpoint";

    /**
     * One disagreement: {@code subject} is a session id, "ledger" or "ledger.checkpoint".
     * {@code unwrittenArchive}: the only problem is that the session's archive copy was never
     * written (a seal whose archive write failed); the workstation writes it at the next start.
     */
    public record Finding(String subject, String problem, boolean unwrittenArchive) {
        public Finding(String subject, String problem) {
            this(subject, problem, false);
        }

        public String describe() {
            return subject + ": " + problem;
        }
    }

    private final LogStore store;
    private final Path archive;
    private final PublicKey workstationKey;
    private final PinnedKeys trust;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param trust the pinned keys to verify the ledger and each archive copy as an auditor would;
     *              null to compare bytes, trees and the ledger checkpoint's signature only (start-up)
     */
    public LedgerCheck(LogStore store, Path archive, PublicKey workstationKey, PinnedKeys trust) {
        this.store = store;
        this.archive = archive;
        this.workstationKey = workstationKey;
        this.trust = trust;
    }

    /** Runs every check; an empty list means the ledger's claims all hold. */
    public List<Finding> run() throws AirlockException {
        findings.clear();
        if (!store.health().writable()) {
            findings.add(new Finding("store", store.health().problem()));
            return List.copyOf(findings);
        }
        Path checkpointFile = archive.resolve(CHECKPOINT_FILE);
        boolean checkpointPresent = Files.exists(checkpointFile, LinkOption.NOFOLLOW_LINKS);
        String ledgerState;
        synchronized (store) {
            ledgerState = LogState.status(store.connection(), SessionHeader.LEDGER_SESSION);
        }
        if (ledgerState == null) {
            if (checkpointPresent) {
                findings.add(new Finding(SessionHeader.LEDGER_SESSION, "the ledger is missing from the database, but "
                        + checkpointFile + " exists: the database is not the one that recorded the seals"));
            }
            return List.copyOf(findings);
        }
        byte[] entries = LogExport.entriesFile(store, SessionHeader.LEDGER_SESSION);
        checkLedgerItself(entries);
        List<LogEntry> ledger = decode(entries);
        Map<String, LogEntry> seals = new LinkedHashMap<>();
        Map<String, LogEntry> archived = new LinkedHashMap<>();
        for (LogEntry entry : ledger) {
            Object session = entry.data().get("session");
            if (!(session instanceof String id)) {
                continue;
            }
            if (entry.type() == EntryType.SEAL) {
                if (seals.put(id, entry) != null) {
                    findings.add(new Finding(id, "the ledger records two seals for this session (entry " + entry.seq() + ")"));
                }
            } else if (entry.type() == EntryType.EXPORT_WRITTEN && "archive".equals(entry.data().get("target"))) {
                archived.put(id, entry);
            }
        }
        checkCheckpointFile(checkpointFile, checkpointPresent, entries, seals.size());
        for (Map.Entry<String, LogEntry> seal : seals.entrySet()) {
            checkSealed(seal.getKey(), seal.getValue(), archived.get(seal.getKey()));
        }
        return List.copyOf(findings);
    }

    private void checkLedgerItself(byte[] entries) throws AirlockException {
        String problem;
        synchronized (store) {
            try {
                problem = new ChainCheck(store.connection(), SessionHeader.LEDGER_SESSION).run();
            } catch (SQLException e) {
                throw new AirlockException("log.store.read", "Cannot read the ledger: " + e.getMessage(), e);
            }
        }
        if (problem != null) {
            findings.add(new Finding(SessionHeader.LEDGER_SESSION, "its chain is broken: " + problem));
            return;
        }
        if (trust != null) {
            try {
                LogVerification result = new LogVerifier(trust).verify(new ByteArrayInputStream(entries), null, false,
                        ProgressMonitor.NONE);
                if (!result.isValid()) {
                    findings.add(new Finding(SessionHeader.LEDGER_SESSION, "it does not verify: " + result.describe()));
                }
            } catch (airlock.core.progress.CancelledException e) {
                throw new IllegalStateException("a check without a cancel button was cancelled", e);
            } catch (IOException e) {
                throw new AirlockException("log.store.read", "Cannot read the ledger: " + e.getMessage(), e);
            }
        }
    }

    private void checkCheckpointFile(Path file, boolean present, byte[] entries, int sealCount) {
        if (!present) {
            if (sealCount > 0) {
                findings.add(new Finding(CHECKPOINT_FILE, "it is missing from " + archive + ", but the ledger records "
                        + sealCount + (sealCount == 1 ? " seal" : " seals") + ": it was deleted, or the database is not the"
                        + " one that belongs to this archive"));
            }
            return;
        }
        SignedNote note;
        Checkpoint checkpoint;
        try {
            byte[] bytes = Files.readAllBytes(file);
            note = SignedNote.parse(bytes);
            checkpoint = Checkpoint.parse(note.body());
        } catch (IOException | AirlockException e) {
            findings.add(new Finding(CHECKPOINT_FILE, "it cannot be read (" + e.getMessage() + ")"));
            return;
        }
        var lines = note.signedAs(SignaturePurpose.CHECKPOINT);
        if (lines.size() != 1 || !NoteKeys.verify(SignaturePurpose.CHECKPOINT, note.body(), lines.get(0), workstationKey).isValid()) {
            findings.add(new Finding(CHECKPOINT_FILE, "it is not signed by this workstation's key"));
            return;
        }
        MerkleAccumulator tree = new MerkleAccumulator(new LogHashes());
        LogHashes hashes = new LogHashes();
        int start = 0;
        long size = 0;
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] == '\n') {
                size++;
                if (tree.size() < checkpoint.size()) {
                    tree.add(hashes.entryHash(entries, start, i - start));
                }
                start = i + 1;
            }
        }
        if (checkpoint.size() > size) {
            findings.add(new Finding(SessionHeader.LEDGER_SESSION, "the database's ledger has " + size + " entries but "
                    + CHECKPOINT_FILE + " covers " + checkpoint.size() + ": the database was replaced by an older copy or"
                    + " entries were removed"));
        } else if (!Arrays.equals(tree.root(), checkpoint.root())) {
            findings.add(new Finding(SessionHeader.LEDGER_SESSION, "its first " + checkpoint.size() + " entries differ from "
                    + CHECKPOINT_FILE + ": the database is not the one this workstation wrote"));
        }
    }

    private void checkSealed(String id, LogEntry sealEntry, LogEntry archiveEntry) throws AirlockException {
        Object sealText = sealEntry.data().get("seal");
        Checkpoint sealed;
        try {
            sealed = Checkpoint.parse(SignedNote.parse(String.valueOf(sealText)).body());
        } catch (AirlockException e) {
            findings.add(new Finding(id, "the seal recorded in ledger entry " + sealEntry.seq() + " cannot be read ("
                    + e.getMessage() + ")"));
            return;
        }
        checkRows(id, String.valueOf(sealText), sealed);
        checkArchive(id, String.valueOf(sealText), sealed, archiveEntry);
    }

    private void checkRows(String id, String sealText, Checkpoint sealed) throws AirlockException {
        synchronized (store) {
            Connection connection = store.connection();
            String state = LogState.status(connection, id);
            if (state == null) {
                findings.add(new Finding(id, "the ledger records its seal, but its rows are missing from the database"));
                return;
            }
            if (!"sealed".equals(state) && !"exported".equals(state)) {
                findings.add(new Finding(id, "the ledger records its seal, but the database has it " + state));
                return;
            }
            SignedNote stored;
            try {
                stored = LogState.sealNote(connection, id);
            } catch (AirlockException e) {
                findings.add(new Finding(id, "its stored seal cannot be read (" + e.getMessage() + ")"));
                return;
            }
            if (!stored.text().equals(sealText)) {
                findings.add(new Finding(id, "the seal stored in the database differs from the one the ledger recorded"));
            }
            LogState rows;
            try {
                rows = LogState.load(connection, id);
            } catch (AirlockException e) {
                findings.add(new Finding(id, "its rows cannot be read (" + e.getMessage() + ")"));
                return;
            }
            if (rows.size() != sealed.size() || !Arrays.equals(rows.tree().root(), sealed.root())
                    || !Arrays.equals(rows.last().hash(), sealed.head())) {
                findings.add(new Finding(id, "its " + rows.size() + " entries in the database do not match the sealed final"
                        + " checkpoint (" + sealed.size() + " entries, root " + LogHashes.hex(sealed.root()) + ")"));
            }
        }
    }

    private void checkArchive(String id, String sealText, Checkpoint sealed, LogEntry archiveEntry) throws AirlockException {
        String stem = LogExport.stem(id);
        Path folder = archive.resolve(stem);
        if (archiveEntry == null) {
            // never recorded as written: a seal whose archive write failed; only files left by that attempt may be there
            findings.add(new Finding(id, "the ledger records its seal but no archive copy (no export.written entry with"
                    + " target archive)", true));
            return;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            findings.add(new Finding(id, "its archive folder " + folder + " is missing"));
            return;
        }
        Path log = folder.resolve(stem + ".log");
        Path seal = folder.resolve(stem + ".seal");
        Map<String, String> recorded = recordedFiles(archiveEntry);
        for (Path file : List.of(log, seal)) {
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                findings.add(new Finding(id, "its archive copy " + file + " is missing"));
                continue;
            }
            String expected = recorded.get(name);
            String actual = sha256(file);
            if (expected == null) {
                findings.add(new Finding(id, "the ledger's archive record (entry " + archiveEntry.seq() + ") does not list " + name));
            } else if (!expected.equals(actual)) {
                findings.add(new Finding(id, "its archive copy " + file + " has SHA-256 " + actual + ", the ledger recorded "
                        + expected));
            }
        }
        if (Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = read(log);
            if (bytes != null) {
                MerkleAccumulator tree = new MerkleAccumulator(new LogHashes());
                LogHashes hashes = new LogHashes();
                byte[] last = null;
                int start = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        last = hashes.entryHash(bytes, start, i - start);
                        tree.add(last);
                        start = i + 1;
                    }
                }
                if (start != bytes.length || tree.size() != sealed.size() || !Arrays.equals(tree.root(), sealed.root())
                        || !Arrays.equals(last, sealed.head())) {
                    findings.add(new Finding(id, "its archive copy " + log + " does not match the sealed final checkpoint ("
                            + sealed.size() + " entries, root " + LogHashes.hex(sealed.root()) + "); it holds "
                            + tree.size() + " entries with root " + LogHashes.hex(tree.root())));
                }
            }
        }
        if (Files.isRegularFile(seal, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = read(seal);
            if (bytes != null && !new String(bytes, StandardCharsets.UTF_8).equals(sealText)) {
                findings.add(new Finding(id, "its archive seal " + seal + " differs from the seal the ledger recorded"));
            }
        }
        if (trust != null && Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            try {
                LogVerification result = LogFiles.verify(log, seal, trust, ProgressMonitor.NONE);
                if (!result.isValid()) {
                    findings.add(new Finding(id, "its archive copy does not verify: " + result.describe()));
                } else if (result.summary() == null || !id.equals(result.summary().session())) {
                    findings.add(new Finding(id, "its archive copy " + log + " is the log of session '"
                            + (result.summary() == null ? "?" : result.summary().session()) + "'"));
                }
            } catch (airlock.core.progress.CancelledException e) {
                throw new IllegalStateException("a check without a cancel button was cancelled", e);
            }
        }
    }

    private byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            findings.add(new Finding(file.getFileName().toString(), "cannot be read (" + e.getMessage() + ")"));
            return null;
        }
    }

    private static Map<String, String> recordedFiles(LogEntry archiveEntry) {
        Map<String, String> files = new LinkedHashMap<>();
        if (archiveEntry != null && archiveEntry.data().get("files") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> file && file.get("name") instanceof String name
                        && file.get("sha256") instanceof String sha) {
                    files.put(name, sha);
                }
            }
        }
        return files;
    }

    private static List<LogEntry> decode(byte[] entries) throws AirlockException {
        EntryCodec codec = new EntryCodec();
        List<LogEntry> decoded = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] == '\n') {
                decoded.add(codec.decode(Arrays.copyOfRange(entries, start, i)));
                start = i + 1;
            }
        }
        return decoded;
    }

    private String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }
}
