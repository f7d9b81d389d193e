package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.crypto.CanonicalJsonCheck;
import airlock.core.crypto.SignatureCheck;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Verifies an exported log (entries file plus seal note) and names the first failure. Streams the
 * entries with one line of look-ahead and bounded memory (lines are read and hashed a few batches
 * ahead on a second thread, {@link HashedLines}; checkpoint signatures are checked on a third,
 * {@link SignatureBatch}): sequence numbers, the hash chain,
 * every embedded checkpoint against the Merkle tree of the entries before it, then the seal.
 */
public final class LogVerifier {
    private final PinnedKeys trust;

    /**
     * A verifier applying every rule of docs/formats/session-log.md to every entry: there is one
     * mode (the former {@code --strict} checks are always made).
     */
    public LogVerifier(PinnedKeys trust) {
        this.trust = trust;
    }

    /**
     * @param entries the entries file
     * @param seal the seal note's bytes, or null when there is none
     * @param requireSeal false for a workstation ledger or a log still open
     */
    public LogVerification verify(InputStream entries, byte[] seal, boolean requireSeal, ProgressMonitor monitor)
            throws IOException, CancelledException {
        try (HashedLines lines = new HashedLines(entries)) {
            return new Run(trust, lines, seal, requireSeal, monitor).execute();
        }
    }

    /** One verification; holds the running state so the checks read as a sequence. */
    private static final class Run {
        private final PinnedKeys trust;
        private final HashedLines reader;
        private final byte[] sealBytes;
        private final boolean requireSeal;
        private final ProgressMonitor monitor;
        private final EntryCodec codec = new EntryCodec();
        private final MerkleAccumulator tree = new MerkleAccumulator(new LogHashes());
        private SignedNote sealNote;
        private Checkpoint sealCheckpoint;
        private SessionHeader header;
        private final EntryTail tail = new EntryTail();
        private final CanonicalJsonCheck canonical = new CanonicalJsonCheck();
        private byte[] prevHash = LogHashes.genesisPrev();
        /** The entry being checked: its chain fields from its tail, or from a full decode ({@code full} set). */
        private long seq;
        private EntryType type;
        private byte[] hash = new byte[LogHashes.LENGTH];
        private LogEntry full;
        /** The last entry checked: its type and time (24 ASCII characters, or the decoded text). */
        private EntryType lastType;
        private final byte[] lastTime = new byte[24];
        private String lastTimeText;
        private String firstTime;
        private int checkpoints;
        private String sealedBy;
        private SignatureBatch batch;

        Run(PinnedKeys trust, HashedLines reader, byte[] sealBytes, boolean requireSeal, ProgressMonitor monitor) {
            this.trust = trust;
            this.reader = reader;
            this.sealBytes = sealBytes;
            this.requireSeal = requireSeal;
            this.monitor = monitor;
        }

        LogVerification execute() throws IOException, CancelledException {
            monitor.beginTask("Verifying log entries", ProgressMonitor.UNKNOWN);
            try {
                String sealProblem = readSeal();
                LogVerification failure = entries();
                // a checkpoint signature fails on the line that holds it; it comes first when that line
                // precedes the line where the other failure was found (which may name the entry before it)
                LogVerification earlier = batchFailure(failure == null ? Long.MAX_VALUE : failedAtLine);
                if (earlier != null) {
                    return earlier;
                }
                if (failure != null) {
                    return failure;
                }
                if (tree.size() == 0) {
                    return fail(FailureKind.MALFORMED, null, "the log has no entries");
                }
                return sealProblem != null ? fail(FailureKind.MALFORMED, null, sealProblem) : seal();
            } finally {
                if (batch != null) {
                    batch.close();
                }
                monitor.endTask();
            }
        }

        private LogVerification batchFailure(long limit) throws CancelledException {
            if (batch == null) {
                return null;
            }
            try {
                SignatureBatch.Failure failure = batch.firstFailureBefore(limit);
                return failure == null ? null : fail(FailureKind.SIGNATURE_INVALID, failure.entry(),
                        "the checkpoint in entry " + failure.entry() + ": " + failure.reason());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }

        private String readSeal() {
            if (sealBytes == null || sealBytes.length == 0) {
                return null;
            }
            try {
                sealNote = SignedNote.parse(sealBytes);
                sealCheckpoint = Checkpoint.parse(sealNote.body());
                return null;
            } catch (AirlockException e) {
                sealNote = null;
                return "the seal file cannot be read: " + e.getMessage();
            }
        }

        /** The line at which {@link #entries()} found its failure. */
        private long failedAtLine;

        private LogVerification entries() throws IOException, CancelledException {
            while (reader.advance()) {
                long i = tree.size();
                failedAtLine = i;
                if ((i & 0xfff) == 0) {
                    monitor.update(0x1000);
                    monitor.checkCancelled();
                }
                if (reader.tooLong()) {
                    return fail(FailureKind.MALFORMED, i, "entry " + i + " is longer than " + EntryCodec.MAX_ENTRY_BYTES + " bytes");
                }
                if (!reader.terminated()) {
                    return fail(FailureKind.TRUNCATED, i, "entry " + i + " is cut off (the file ends without a line feed)");
                }
                try {
                    read(i, reader);
                } catch (AirlockException e) {
                    return fail(FailureKind.MALFORMED, i, "entry " + i + ": " + e.getMessage());
                }
                LogVerification failure = checkEntry(i);
                if (failure != null) {
                    return failure;
                }
                if (i == 0) {
                    firstTime = full.time();
                }
                tree.add(hash);
                byte[] swap = prevHash;
                prevHash = hash;
                hash = swap;
                lastType = type;
                if (full != null) {
                    lastTimeText = full.time();
                } else {
                    tail.copyTime(lastTime);
                    lastTimeText = null;
                }
            }
            return null;
        }

        /**
         * Checks entry i's syntax (every rule of the format, on every entry) and reads its chain
         * fields. Entry 0 and checkpoints are decoded in full, as their data is interpreted; any
         * other entry is checked in place without building its value ({@link CanonicalJsonCheck},
         * {@link EntryTail}), which accepts exactly what {@link EntryCodec#decode} accepts.
         */
        private void read(long i, HashedLines line) throws AirlockException {
            if (i > 0) {
                checkInPlace(line.buffer(), line.offset(), line.length());
                if (tail.type() != EntryType.CHECKPOINT) {
                    seq = tail.seq();
                    type = tail.type();
                    line.copyHash(hash);
                    full = null;
                    return;
                }
            }
            full = codec.decode(line.bytes());
            seq = full.seq();
            type = full.type();
            System.arraycopy(full.hash(), 0, hash, 0, LogHashes.LENGTH);
        }

        private static final byte[] DATA_KEY = "\"data\":{".getBytes(StandardCharsets.US_ASCII);

        /** The rules of {@link EntryCodec#decode}, on the bytes where they lie; fills {@link #tail}. */
        private void checkInPlace(byte[] buffer, int offset, int length) throws AirlockException {
            if (!canonical.check(buffer, offset, length)) {
                throw EntryCodec.malformed("is not canonical JSON: " + canonical.problem());
            }
            tail.parse(buffer, offset, length);
            int dataKey = canonical.secondKeyStart();
            if (canonical.topMembers() != 6 || dataKey < 0
                    || !Arrays.equals(buffer, dataKey, dataKey + DATA_KEY.length, DATA_KEY, 0, DATA_KEY.length)) {
                throw EntryCodec.malformed("must be an object with exactly the members [actor, data, prev, seq, time, type]"
                        + " and an object as data");
            }
            if (!EntryCodec.validActorLength(canonical.firstStringCodePoints())) {
                throw EntryCodec.malformed(EntryCodec.ACTOR_RULE);
            }
            if (!tail.timeValid()) {
                throw EntryCodec.malformed(EntryCodec.TIME_RULE);
            }
        }

        private boolean linksToPrevious() {
            return full == null ? tail.prevEquals(prevHash) : Arrays.equals(full.prev(), prevHash);
        }

        private String lastTime() {
            if (lastType == null) {
                return null;
            }
            return lastTimeText != null ? lastTimeText : new String(lastTime, StandardCharsets.US_ASCII);
        }

        /** The prev of the next line when that line is a well-formed entry (every syntax rule), else null. */
        private byte[] prevOf(HashedLines.Line line) {
            try {
                return codec.decode(line.bytes()).prev();
            } catch (AirlockException e) {
                return null;
            }
        }

        private LogVerification checkEntry(long i) throws IOException {
            if (seq != i) {
                return fail(FailureKind.SEQUENCE_GAP, i, "line " + (i + 1) + " holds entry " + seq + " where entry " + i
                        + " belongs: an entry is missing, duplicated or out of order");
            }
            if (!linksToPrevious()) {
                return linkBroken(i);
            }
            if (lastType == EntryType.SESSION_END) {
                return fail(FailureKind.MALFORMED, i, "entry " + i + " follows the session's end entry");
            }
            if (i == 0) {
                try {
                    header = SessionHeader.fromEntry(full);
                } catch (AirlockException e) {
                    return fail(FailureKind.MALFORMED, 0L, e.getMessage());
                }
                if (!trust.workstation().isEmpty() && trust.findWorkstation(header.workstationKey()).isEmpty()) {
                    return fail(FailureKind.UNKNOWN_KEY, 0L, "the workstation key named in entry 0 is not on the workstation trust list");
                }
                // made now, not at the first checkpoint: it readies the key on its thread while entries are hashed
                batch = new SignatureBatch(header.workstationKey());
                return null;
            }
            if (type == EntryType.SESSION_START || type == EntryType.LEDGER_START) {
                return fail(FailureKind.MALFORMED, i, "entry " + i + " is a second start entry");
            }
            return type == EntryType.CHECKPOINT ? checkpoint(i, full) : null;
        }

        /** Entry i does not link to entry i-1: decide which of the two was altered by looking one ahead. */
        private LogVerification linkBroken(long i) throws IOException {
            if (i == 0) {
                return fail(FailureKind.HASH_MISMATCH, 0L, "entry 0 must link to 64 zeros but names another prev hash");
            }
            boolean entryIntact;
            HashedLines.Line next = reader.peek();
            if (next != null && next.terminated() && !next.tooLong()) {
                entryIntact = Arrays.equals(prevOf(next), hash);
            } else {
                entryIntact = next == null && sealCheckpoint != null && Arrays.equals(sealCheckpoint.head(), hash);
            }
            if (entryIntact) {
                return fail(FailureKind.HASH_MISMATCH, i - 1, "entry " + (i - 1)
                        + " was altered: its hash no longer matches the one entry " + i + " recorded for it");
            }
            return fail(FailureKind.HASH_MISMATCH, i, "entry " + i + " does not link to entry " + (i - 1)
                    + " (its prev hash differs from entry " + (i - 1) + "'s hash)");
        }

        private LogVerification checkpoint(long i, LogEntry entry) {
            SignedNote note;
            Checkpoint checkpoint;
            try {
                if (!(entry.data().get("note") instanceof String text) || entry.data().size() != 1) {
                    throw new AirlockException("log.checkpoint.malformed", "the checkpoint entry's data is not exactly a note (string)");
                }
                note = SignedNote.parse(text);
                checkpoint = Checkpoint.parse(note.body());
            } catch (AirlockException e) {
                return fail(FailureKind.MALFORMED, i, "entry " + i + ": " + e.getMessage());
            }
            String problem = treeProblem(checkpoint, i, prevHash, tree.root());
            if (problem != null) {
                return fail(FailureKind.CHECKPOINT_INCONSISTENT, i, "the checkpoint in entry " + i + " " + problem);
            }
            checkpoints++;
            return workstationSignature(note, i, "the checkpoint in entry " + i);
        }

        private String treeProblem(Checkpoint checkpoint, long size, byte[] head, byte[] root) {
            if (!checkpoint.origin().equals(header.origin())) {
                return "names origin " + checkpoint.origin() + ", not " + header.origin();
            }
            if (checkpoint.size() != size) {
                return "claims " + checkpoint.size() + " entries where " + size + " precede it";
            }
            if (!Arrays.equals(checkpoint.head(), head)) {
                return "names a last-entry hash that differs from entry " + (size - 1) + "'s";
            }
            if (!Arrays.equals(checkpoint.root(), root)) {
                return "has a Merkle root that differs from the tree of the entries it covers";
            }
            return null;
        }

        private LogVerification workstationSignature(SignedNote note, Long entry, String what) {
            List<NoteSignature> lines = note.signedAs(SignaturePurpose.CHECKPOINT);
            if (lines.size() != 1) {
                return fail(FailureKind.SIGNATURE_INVALID, entry, what + " carries " + lines.size()
                        + " workstation signatures; exactly one is required");
            }
            if (!NoteKeys.matches(lines.get(0), header.workstationKey())) {
                return fail(FailureKind.UNKNOWN_KEY, entry, what + " is signed by a key other than the workstation key of entry 0");
            }
            if (entry != null) {
                batch.submit(entry, SignaturePurpose.CHECKPOINT.signedBytes(note.body()), lines.get(0).signature());
                return null;
            }
            SignatureCheck check = NoteKeys.verify(SignaturePurpose.CHECKPOINT, note.body(), lines.get(0), header.workstationKey());
            return check.isValid() ? null
                    : fail(FailureKind.SIGNATURE_INVALID, entry, what + ": workstation signature invalid (" + check.reason() + ")");
        }

        private LogVerification seal() {
            if (sealNote == null) {
                return requireSeal ? fail(FailureKind.SEAL_MISSING, null, "there is no seal: the session was not sealed by a supervisor")
                        : LogVerification.valid(summary()).withReason("chain valid; not sealed");
            }
            if (requireSeal && sealNote.signedAs(SignaturePurpose.SEAL).isEmpty()) {
                return fail(FailureKind.SEAL_MISSING, null, "the final checkpoint carries no supervisor seal"
                        + " (it is a workstation checkpoint, not a seal)");
            }
            if (!sealCheckpoint.origin().equals(header.origin())) {
                return fail(FailureKind.SESSION_MISMATCH, null, "the seal is for " + sealCheckpoint.origin()
                        + ", but this log is " + header.origin());
            }
            long n = tree.size();
            if (sealCheckpoint.size() > n) {
                return fail(FailureKind.TRUNCATED, n, "the seal covers " + sealCheckpoint.size() + " entries but the log ends after "
                        + n + ": entries " + n + " to " + (sealCheckpoint.size() - 1) + " are missing");
            }
            if (sealCheckpoint.size() < n) {
                return fail(FailureKind.CHECKPOINT_INCONSISTENT, sealCheckpoint.size(), "the seal covers " + sealCheckpoint.size()
                        + " entries but the log holds " + n + ": entries from " + sealCheckpoint.size() + " on were added after sealing");
            }
            if (!Arrays.equals(sealCheckpoint.head(), prevHash)) {
                return fail(FailureKind.HASH_MISMATCH, n - 1, "entry " + (n - 1)
                        + " was altered: its hash differs from the last-entry hash in the seal");
            }
            String problem = treeProblem(sealCheckpoint, n, prevHash, tree.root());
            if (problem != null) {
                return fail(FailureKind.CHECKPOINT_INCONSISTENT, null, "the final checkpoint " + problem);
            }
            LogVerification signature = workstationSignature(sealNote, null, "the final checkpoint");
            if (signature != null) {
                return signature;
            }
            LogVerification supervisor = supervisorSeal();
            if (supervisor != null) {
                return supervisor;
            }
            if (!header.isLedger() && lastType != EntryType.SESSION_END) {
                return fail(FailureKind.MALFORMED, n - 1, "the sealed log does not end with a session end entry");
            }
            return LogVerification.valid(summary());
        }

        private LogVerification supervisorSeal() {
            List<NoteSignature> lines = sealNote.signedAs(SignaturePurpose.SEAL);
            if (lines.isEmpty()) {
                return requireSeal ? fail(FailureKind.SEAL_MISSING, null, "the final checkpoint carries no supervisor seal") : null;
            }
            for (NoteSignature line : lines) {
                List<PinnedKeys.Pinned> candidates = trust.supervisorsMatching(line);
                if (candidates.isEmpty()) {
                    return fail(FailureKind.UNKNOWN_KEY, null, "the seal is by a key that is not on the supervisor trust list (key hash "
                            + LogHashes.hex(line.keyHash()) + ")");
                }
                String reason = "no candidate key";
                for (PinnedKeys.Pinned candidate : candidates) {
                    SignatureCheck check = NoteKeys.verify(SignaturePurpose.SEAL, sealNote.body(), line, candidate.key());
                    if (check.isValid()) {
                        sealedBy = sealedBy == null ? candidate.label() : sealedBy + ", " + candidate.label();
                        reason = null;
                        break;
                    }
                    reason = check.reason();
                }
                if (reason != null) {
                    return fail(FailureKind.SIGNATURE_INVALID, null, "the supervisor's seal does not verify over this final checkpoint ("
                            + reason + ")");
                }
            }
            return null;
        }

        private LogVerification fail(FailureKind kind, Long entry, String reason) {
            return LogVerification.invalid(kind, entry, reason, summary());
        }

        private LogSummary summary() {
            return new LogSummary(header == null ? null : header.session(), header == null ? null : header.workstation(),
                    header == null ? List.of() : header.inspectors(), header == null ? null : header.bundleManifestSha256(),
                    tree.size(), firstTime, lastTime(), checkpoints, sealedBy,
                    Base64.getEncoder().encodeToString(tree.root()));
        }
    }
}
