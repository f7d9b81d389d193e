package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.log.Disclosure;
import airlock.core.log.EntryType;
import airlock.core.media.MediaFolder;
import airlock.core.media.SafeWriter;
import airlock.core.media.WrittenFile;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.policy.ViolationKind;
import airlock.core.progress.ProgressMonitor;
import airlock.core.quote.Quota;
import airlock.core.seal.DisclosurePlan;
import airlock.core.seal.MediaProgress;
import airlock.core.seal.OutgoingFile;
import airlock.core.seal.SupervisorKey;
import airlock.core.seal.SupervisorReview;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One session's review as the keeper built it (issue 16, kseal). The keeper holds the log, the
 * decisions and the seal; this side shows them, reads the supervisor's key from their stick and
 * signs the exact statement the keeper sent (only the signature goes back), and writes the files to
 * the medium itself (the keeper's account cannot write the stick): each file's bytes are checked
 * against the keeper's SHA-256 when fetched, read back from the medium and checked again before the
 * keeper is told, and only the keeper's answer that it recorded the export makes the write a success.
 */
public final class KeeperSupervisorReview implements SupervisorReview {
    private final KeeperClient client;
    private final String session;
    private Answer.SealReviewed state;
    private List<OutgoingFile> files;
    private List<Violation> violations;

    private KeeperSupervisorReview(KeeperClient client, String session) {
        this.client = client;
        this.session = session;
    }

    /** Asks the keeper for the review of {@code session} and fetches every outgoing file's bytes. */
    public static KeeperSupervisorReview open(KeeperClient client, String session) throws AirlockException {
        KeeperSupervisorReview review = new KeeperSupervisorReview(client, session);
        review.take(client.call(new Request.ReviewSeal(session), Answer.SealReviewed.class));
        return review;
    }

    private synchronized void take(Answer.SealReviewed answer) throws AirlockException {
        if (!answer.session().equals(session)) {
            throw new KeeperException("keeper.protocol", "The keeper answered with the review of another session.");
        }
        List<Violation> list = new ArrayList<>();
        for (Answer.SealCheck c : answer.checks()) {
            list.add(new Violation(c.id(), kind(c.violationKind()), c.annotation(), c.path(), c.reason()));
        }
        List<OutgoingFile> fetched = new ArrayList<>();
        for (Answer.SealFileInfo info : answer.files()) {
            fetched.add(new OutgoingFile(info.name(), fileKind(info.fileKind()), fetch(info), info.pending()));
        }
        this.violations = List.copyOf(list);
        this.files = List.copyOf(fetched);
        this.state = answer;
    }

    /** One file's bytes, piece by piece, checked against the size and SHA-256 the review named. */
    private byte[] fetch(Answer.SealFileInfo info) throws AirlockException {
        return ChunkedFetch.fetch(info.name(), info.size(), info.sha256(), offset -> {
            Answer.SealFileData p = client.call(new Request.SealFile(session, info.name(), offset, Limits.MAX_SEAL_CHUNK),
                    Answer.SealFileData.class);
            return new ChunkedFetch.Piece(p.name(), p.offset(), p.data(), p.size(), p.sha256(), p.end());
        }, "its review named", new ChunkedFetch.Mismatch("seal.file.mismatch", "The bytes of " + info.name()
                + " received from the keeper do not have the SHA-256 the keeper named; nothing is shown or written."));
    }

    private static ViolationKind kind(String wire) throws KeeperException {
        for (ViolationKind k : ViolationKind.values()) {
            if (k.wire().equals(wire)) {
                return k;
            }
        }
        throw new KeeperException("keeper.protocol", "The keeper named an unknown kind of check.");
    }

    private static OutgoingFile.Kind fileKind(String wire) throws KeeperException {
        for (OutgoingFile.Kind k : OutgoingFile.Kind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return k;
            }
        }
        throw new KeeperException("keeper.protocol", "The keeper named an unknown kind of outgoing file.");
    }

    private static SupervisorAction action(String wire) throws KeeperException {
        for (SupervisorAction a : SupervisorAction.values()) {
            if (a.wire().equals(wire)) {
                return a;
            }
        }
        throw new KeeperException("keeper.protocol", "The keeper named an unknown decision.");
    }

    @Override
    public String session() {
        return session;
    }

    @Override
    public synchronized Summary summary() {
        Answer.SealReviewed s = state;
        return new Summary(s.inspector(), s.started(), s.ended(), s.findings(), s.policyName(), s.product(), s.release(),
                s.minRunTokens());
    }

    /** As the keeper last answered (each answer to this review carries it). */
    @Override
    public synchronized String status() {
        return state.status();
    }

    @Override
    public synchronized List<OutgoingFile> files() {
        return files;
    }

    @Override
    public synchronized List<Violation> violations() {
        return violations;
    }

    @Override
    public synchronized List<Violation> unresolved() {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < violations.size(); i++) {
            if (state.checks().get(i).open()) {
                out.add(violations.get(i));
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<SupervisorDecision> decisionOn(Violation violation) {
        for (int i = 0; i < violations.size(); i++) {
            Answer.SealDecision d = state.checks().get(i).decision();
            if (violations.get(i).id().equals(violation.id()) && d != null) {
                try {
                    return Optional.of(new SupervisorDecision(violations.get(i), action(d.action()), d.supervisor(), d.reason()));
                } catch (KeeperException | IllegalArgumentException e) {
                    return Optional.empty(); // shown as undecided; the keeper's record is what counts
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized boolean canSeal() {
        return state.canSeal();
    }

    @Override
    public synchronized List<DisclosurePlan.Field> logDisclosures() {
        List<DisclosurePlan.Field> out = new ArrayList<>();
        for (Answer.SealDisclosure d : state.disclosures()) {
            DisclosurePlan.Why why;
            try {
                why = DisclosurePlan.Why.valueOf(d.why().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                why = DisclosurePlan.Why.NO_RULE;
            }
            EntryType type = d.entryType() == null ? null : EntryType.fromWire(d.entryType()).orElse(null);
            SupervisorDecision decided = null;
            Disclosure disclosure = new Disclosure(session, d.entry(), d.field(), Base64.getDecoder().decode(d.salt()), d.value());
            java.util.Set<SupervisorAction> actions = new java.util.HashSet<>();
            d.actions().forEach(a -> SupervisorAction.fromWire(a).ifPresent(actions::add));
            DisclosurePlan.Field plain = new DisclosurePlan.Field(disclosure, type, d.time(), d.disclosed(), why, null, actions);
            if (d.decision() != null) {
                SupervisorAction action = SupervisorAction.fromWire(d.decision().action()).orElse(null);
                if (action != null) {
                    try {
                        decided = new SupervisorDecision(plain.violation(), action, d.decision().supervisor(), d.decision().reason());
                    } catch (IllegalArgumentException e) {
                        decided = null; // shown as undecided, as for a finding's check; the keeper's record is what counts
                    }
                }
            }
            out.add(new DisclosurePlan.Field(disclosure, type, d.time(), d.disclosed(), why, decided, actions));
        }
        return out;
    }

    @Override
    public synchronized List<Quota> quotas(int maxFiles) {
        List<Quota> out = new ArrayList<>();
        int perFile = 0;
        for (Answer.SealQuota q : state.quotas()) {
            if (q.perFile() && perFile++ >= maxFiles) {
                continue;
            }
            out.add(new Quota(q.perFile(), q.subject(), q.measure(), q.used(), q.allowed()));
        }
        return out;
    }

    @Override
    public synchronized boolean quotesComparedWithTree() {
        return state.comparedWithTree();
    }

    @Override
    public void decide(SupervisorDecision decision) throws AirlockException {
        Answer.SealReviewed answer = client.call(new Request.DecideSeal(session, decision.violation().id(),
                decision.action().wire(), decision.supervisor(), decision.reason()), Answer.SealReviewed.class);
        take(answer);
    }

    /** The keeper tells a field's decision from a finding's by the check's id, and records it as in this process. */
    @Override
    public void decideField(SupervisorDecision decision) throws AirlockException {
        decide(decision);
    }

    /**
     * Asks the keeper for the statement, reads the key from the stick with {@code passphrase} (cleared
     * here), signs the statement's bytes and sends only the signature; the keeper verifies it against
     * its pinned supervisor keys and writes the seal. The key object is dropped at once.
     */
    @Override
    public void seal(Path keyFile, char[] passphrase, ProgressMonitor monitor) throws AirlockException {
        try {
            if (!"ended".equals(status())) {
                return; // sealed by an earlier attempt whose write failed: only the write is left
            }
            Answer.SealStatement statement = client.call(new Request.SealStatement(session), Answer.SealStatement.class);
            if (!statement.session().equals(session)) {
                throw new KeeperException("keeper.protocol", "The keeper sent the statement of another session.");
            }
            PrivateKey key = SupervisorKey.readProtected(keyFile, passphrase);
            byte[] signature = Ed25519.sign(key, statement.statement().getBytes(StandardCharsets.UTF_8));
            client.call(new Request.SignSeal(session, Base64.getEncoder().encodeToString(signature)), Answer.SealSealed.class);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        take(client.call(new Request.ReviewSeal(session), Answer.SealReviewed.class));
    }

    /**
     * Writes each outgoing file to {@code folder} (the safe write: temporary name, forced, renamed,
     * read back and its SHA-256 compared), checks each read-back SHA-256 against the keeper's, then
     * reports the list to the keeper, which records the export only when it is exactly its own files.
     * On any failure the files of this attempt are removed and nothing is reported.
     */
    @Override
    public List<WrittenFile> write(Path folder, ProgressMonitor monitor) throws AirlockException {
        String status = status();
        if (!"sealed".equals(status) && !"exported".equals(status)) {
            throw new AirlockException("seal.write.unsealed", "Session '" + session + "' is not sealed yet; seal it first.");
        }
        List<OutgoingFile> outgoing = files();
        long total = outgoing.stream().mapToLong(OutgoingFile::size).sum();
        MediaProgress progress = new MediaProgress(monitor, airlock.core.media.WriteHooks.NONE);
        SafeWriter writer = new SafeWriter(progress);
        monitor.beginTask("Writing " + outgoing.size() + " files to " + folder, total);
        List<WrittenFile> written = new ArrayList<>();
        try (MediaFolder target = MediaFolder.open(folder)) {
            try {
                for (OutgoingFile f : outgoing) {
                    WrittenFile w = writer.write(target, f.name(), f.content());
                    written.add(w);
                    if (!w.sha256().equals(f.sha256()) || w.size() != f.size()) {
                        throw new AirlockException("media.verify.failed", f.name() + " as read back from " + folder
                                + " is not the keeper's file (SHA-256 or size differs); the copies were removed. Use another stick.");
                    }
                }
                target.confirm(null);
                List<Request.WrittenFile> report = new ArrayList<>();
                for (WrittenFile w : written) {
                    report.add(new Request.WrittenFile(w.path().getFileName().toString(), w.size(), w.sha256()));
                }
                client.call(new Request.SealExported(session, report), Answer.Recorded.class);
            } catch (AirlockException e) {
                for (WrittenFile file : written) {
                    target.removeQuietly(file.path().getFileName().toString());
                }
                if (progress.cancelled()) {
                    throw new airlock.core.progress.CancelledException();
                }
                throw e;
            }
        }
        take(client.call(new Request.ReviewSeal(session), Answer.SealReviewed.class));
        monitor.endTask();
        return written;
    }
}
