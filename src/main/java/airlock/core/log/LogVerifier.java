package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.crypto.SignatureCheck;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InputStream;
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
    private final boolean strict;

    /** A verifier that decodes in full entry 0, checkpoints and the entries it must interpret. */
    public LogVerifier(PinnedKeys trust) {
        this(trust, false);
    }

    /** {@code strict}: also decode every entry in full (canonical JSON, every field), slower. */
    public LogVerifier(PinnedKeys trust, boolean strict) {
        this.trust = trust;
        this.strict = strict;
    }

    /**
     * @param entries the entries file
     * @param seal the seal note's bytes, or null when there is none
     * @param requireSeal false for a workstation ledger or a log still open
     */
    public LogVerification verify(InputStream entries, byte[] seal, boolean requireSeal, ProgressMonitor monitor)
            throws IOException, CancelledException {
        try (HashedLines lines = new HashedLines(entries)) {
            return new Run(trust, strict, lines, seal, requireSeal, monitor).execute();
        }
    }

    /** One verification; holds the running state so the checks read as a sequence. */
    /** The fields the chain checks need, from a full decode ({@code full} set) or from the entry's tail. */
    private record Head(long seq, byte[] prev, String time, EntryType type, byte[] hash, LogEntry full) {
    }

    private static final class Run {
        private final PinnedKeys trust;
        private final boolean strict;
        private final HashedLines reader;
        private final byte[] sealBytes;
        private final boolean requireSeal;
        private final ProgressMonitor monitor;
        private final EntryCodec codec = new EntryCodec();
        private final MerkleAccumulator tree = new MerkleAccumulator(new LogHashes());
        private SignedNote sealNote;
        private Checkpoint sealCheckpoint;
        private SessionHeader header;
        private byte[] prevHash = LogHashes.genesisPrev();
        private Head last;
        private String firstTime;
        private int checkpoints;
        private String sealedBy;
        private SignatureBatch batch;

        Run(PinnedKeys trust, boolean strict, HashedLines reader, byte[] sealBytes, boolean requireSeal, ProgressMonitor monitor) {
            this.trust = trust;
            this.strict = strict;
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
                LogVerification earlier = batchFailure(failure == null || failure.entry() == null ? Long.MAX_VALUE : failure.entry());
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

        private LogVerification entries() throws IOException, CancelledException {
            HashedLines.Item item;
            while ((item = reader.next()) != null) {
                LineReader.Line line = item.line();
                long i = tree.size();
                if ((i & 0xfff) == 0) {
                    monitor.update(0x1000);
                    monitor.checkCancelled();
                }
                if (line.tooLong()) {
                    return fail(FailureKind.MALFORMED, i, "entry " + i + " is longer than " + EntryCodec.MAX_ENTRY_BYTES + " bytes");
                }
                if (!line.terminated()) {
                    return fail(FailureKind.TRUNCATED, i, "entry " + i + " is cut off (the file ends without a line feed)");
                }
                Head entry;
                try {
                    entry = head(i, line.bytes(), item.hash());
                } catch (AirlockException e) {
                    return fail(FailureKind.MALFORMED, i, "entry " + i + ": " + e.getMessage());
                }
                LogVerification failure = checkEntry(i, entry);
                if (failure != null) {
                    return failure;
                }
                if (i == 0) {
                    firstTime = entry.time();
                }
                tree.add(entry.hash());
                prevHash = entry.hash();
                last = entry;
            }
            return null;
        }

        private Head head(long i, byte[] bytes, byte[] hash) throws AirlockException {
            if (!strict && i > 0) {
                EntryTail tail = EntryTail.parse(bytes);
                if (tail.type() != EntryType.CHECKPOINT) {
                    return new Head(tail.seq(), tail.prev(), tail.time(), tail.type(), hash, null);
                }
            }
            LogEntry entry = codec.decode(bytes);
            return new Head(entry.seq(), entry.prev(), entry.time(), entry.type(), entry.hash(), entry);
        }

        private byte[] prevOf(byte[] bytes) {
            try {
                return EntryTail.parse(bytes).prev();
            } catch (AirlockException e) {
                try {
                    return codec.decode(bytes).prev();
                } catch (AirlockException again) {
                    return null;
                }
            }
        }

        private LogVerification checkEntry(long i, Head entry) throws IOException {
            if (entry.seq() != i) {
                return fail(FailureKind.SEQUENCE_GAP, i, "line " + (i + 1) + " holds entry " + entry.seq() + " where entry " + i
                        + " belongs: an entry is missing, duplicated or out of order");
            }
            if (!Arrays.equals(entry.prev(), prevHash)) {
                return linkBroken(i, entry);
            }
            if (last != null && last.type() == EntryType.SESSION_END) {
                return fail(FailureKind.MALFORMED, i, "entry " + i + " follows the session's end entry");
            }
            if (i == 0) {
                try {
                    header = SessionHeader.fromEntry(entry.full());
                } catch (AirlockException e) {
                    return fail(FailureKind.MALFORMED, 0L, e.getMessage());
                }
                if (!trust.workstation().isEmpty() && trust.findWorkstation(header.workstationKey()).isEmpty()) {
                    return fail(FailureKind.UNKNOWN_KEY, 0L, "the workstation key named in entry 0 is not on the workstation trust list");
                }
                return null;
            }
            if (entry.type() == EntryType.SESSION_START || entry.type() == EntryType.LEDGER_START) {
                return fail(FailureKind.MALFORMED, i, "entry " + i + " is a second start entry");
            }
            return entry.type() == EntryType.CHECKPOINT ? checkpoint(i, entry.full()) : null;
        }

        /** Entry i does not link to entry i-1: decide which of the two was altered by looking one ahead. */
        private LogVerification linkBroken(long i, Head entry) throws IOException {
            if (i == 0) {
                return fail(FailureKind.HASH_MISMATCH, 0L, "entry 0 must link to 64 zeros but names another prev hash");
            }
            boolean entryIntact;
            HashedLines.Item peeked = reader.peek();
            LineReader.Line next = peeked == null ? null : peeked.line();
            if (next != null && next.terminated() && !next.tooLong()) {
                entryIntact = Arrays.equals(prevOf(next.bytes()), entry.hash());
            } else {
                entryIntact = next == null && sealCheckpoint != null && Arrays.equals(sealCheckpoint.head(), entry.hash());
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
                if (!(entry.data().get("note") instanceof String text)) {
                    throw new AirlockException("log.checkpoint.malformed", "the checkpoint entry has no note");
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
                if (batch == null) {
                    batch = new SignatureBatch(header.workstationKey());
                }
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
            if (!header.isLedger() && last.type() != EntryType.SESSION_END) {
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
                    tree.size(), firstTime, last == null ? null : last.time(), checkpoints, sealedBy,
                    Base64.getEncoder().encodeToString(tree.root()));
        }
    }
}
