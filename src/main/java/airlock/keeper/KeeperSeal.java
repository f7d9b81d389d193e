package airlock.keeper;

import airlock.core.AirlockException;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.bundle.BundleStore;
import airlock.core.crypto.Ed25519;
import airlock.core.export.ExportService;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SignedNote;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.quote.Quota;
import airlock.core.seal.DisclosurePlan;
import airlock.core.seal.OutgoingFile;
import airlock.core.seal.SealQuotes;
import airlock.core.seal.SealAttempts;
import airlock.core.seal.SealReview;
import airlock.core.seal.SupervisorKey;
import airlock.core.session.SupervisorLockout;
import airlock.core.session.WorkstationLogs;
import airlock.core.trust.TrustStore;
import airlock.protocol.Answer;
import airlock.protocol.Errors;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The supervisor's seal screen on the keeper's side (issue 16, kseal): the keeper builds the review
 * of an ended session from its own log, store and policy, records each decision in its ledger, hands
 * out the exact statement to sign, verifies the supervisor's signature against its own pinned
 * supervisor keys before it writes the seal (and its archive copy) — a signature that does not hold
 * is a {@code confirmation.failed} ledger entry under the workstation's lockout — gives the outgoing files' bytes,
 * and records a media export only when the files the workstation reports written are exactly its own.
 * The supervisor's key never reaches this process. One review is kept per session, so decisions
 * taken on the screen hold until the seal.
 */
final class KeeperSeal {
    /** Per-file quota rows sent (the screen shows at most 20). */
    static final int QUOTA_FILES = 100;

    private final WorkstationLogs logs;
    private final AnnotationStore annotations;
    private final BundleStore bundles;
    private final TrustStore trust;
    private final RoomPolicy policy;
    private final ExportService exports;
    private final Clock clock;
    private final String toolVersion;
    private final airlock.core.quote.KeptQuoteIndexes keptQuotes;
    private final Map<String, SealReview> reviews = new HashMap<>();
    private final SealAttempts attempts;

    /** {@code lockout}: the session manager's, so a refused seal signature counts with refused starts and unlocks. */
    KeeperSeal(WorkstationLogs logs, AnnotationStore annotations, BundleStore bundles, TrustStore trust, RoomPolicy policy,
               ExportService exports, Clock clock, String toolVersion, SupervisorLockout lockout) {
        this(logs, annotations, bundles, trust, policy, exports, clock, toolVersion, lockout, null);
    }

    /** With {@code keptQuotes}: the quote indexes the keeper's index thread read and checked (null: each seal screen reads the file). */
    KeeperSeal(WorkstationLogs logs, AnnotationStore annotations, BundleStore bundles, TrustStore trust, RoomPolicy policy,
               ExportService exports, Clock clock, String toolVersion, SupervisorLockout lockout,
               airlock.core.quote.KeptQuoteIndexes keptQuotes) {
        this.keptQuotes = keptQuotes;
        this.attempts = new SealAttempts(lockout, clock);
        this.logs = logs;
        this.annotations = annotations;
        this.bundles = bundles;
        this.trust = trust;
        this.policy = policy;
        this.exports = exports;
        this.clock = clock;
        this.toolVersion = toolVersion;
    }

    Answer handle(Request request) throws AirlockException {
        if (request instanceof Request.SealSessions) {
            return sessions();
        } else if (request instanceof Request.ReviewSeal r) {
            return reviewed(review(r.session()));
        } else if (request instanceof Request.DecideSeal d) {
            return decide(d);
        } else if (request instanceof Request.SealStatement t) {
            byte[] statement = review(t.session()).statement();
            return new Answer.SealStatement(t.session(), new String(statement, StandardCharsets.UTF_8));
        } else if (request instanceof Request.SignSeal g) {
            return sign(g);
        } else if (request instanceof Request.SealFile f) {
            return file(f);
        } else if (request instanceof Request.SealExported x) {
            return exported(x);
        }
        throw new AirlockException(Errors.UNKNOWN_OP, "unknown seal request " + request.op());
    }

    private Answer sessions() throws AirlockException {
        List<Answer.SealWaiting> out = new ArrayList<>();
        for (String id : logs.store().logIds()) {
            String status = logs.status(id);
            if (("ended".equals(status) || "sealed".equals(status)) && id.length() <= Limits.MAX_ID && out.size() < Limits.MAX_LIST) {
                out.add(new Answer.SealWaiting(id, status));
            }
        }
        return new Answer.SealSessions(out);
    }

    /** The review the keeper holds for {@code session}, opened (from the keeper's own log) on first use. */
    private SealReview review(String session) throws AirlockException {
        SealReview held = reviews.get(session);
        if (held != null) {
            return held;
        }
        SealReview opened = SealReview.open(logs, annotations, bundles, session, policy, exports, clock, toolVersion,
                SealQuotes.forSession(logs, annotations, bundles, session, policy, keptQuotes));
        reviews.put(session, opened);
        return opened;
    }

    private Answer decide(Request.DecideSeal d) throws AirlockException {
        SealReview review = review(d.session());
        SupervisorAction action = switch (d.action()) {
            case "redact" -> SupervisorAction.REDACT;
            case "refuse" -> SupervisorAction.REFUSE;
            default -> SupervisorAction.OVERRIDE;
        };
        Violation violation = review.violations().stream().filter(v -> v.id().equals(d.violation())).findFirst().orElse(null);
        if (violation != null) {
            review.decide(new SupervisorDecision(violation, action, d.supervisor().strip(), d.reason()));
            return reviewed(review);
        }
        // a committed log field (issue 18): the same ledger entry as in this process, checked by SealReview
        Violation field = review.logDisclosures().stream().map(DisclosurePlan.Field::violation)
                .filter(v -> v.id().equals(d.violation())).findFirst()
                .orElseThrow(() -> new AirlockException("seal.decision.unknown", "This export has no check '"
                        + KeeperService.clip(d.violation(), 200) + "'."));
        review.decideField(new SupervisorDecision(field, action, d.supervisor().strip(), d.reason()));
        return reviewed(review);
    }

    private Answer sign(Request.SignSeal g) throws AirlockException {
        SealReview review = review(g.session());
        byte[] signature = Base64.getDecoder().decode(g.signature());
        List<PinnedKeys.Pinned> supervisors = SupervisorKey.pinned(trust);
        byte[] statement = review.statement();
        SignedNote sealed = attempts.withSignature(review, signature, supervisors); // a refused signature: ledger, lockout
        String by = "";
        for (PinnedKeys.Pinned p : supervisors) {
            if (Ed25519.verify(p.key(), statement, signature).isValid()) {
                by = p.label();
                break;
            }
        }
        return new Answer.SealSealed(g.session(), KeeperService.clip(by, Limits.MAX_MESSAGE), sealed.text());
    }

    private OutgoingFile outgoing(SealReview review, String name) throws AirlockException {
        return review.files().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AirlockException("seal.file.unknown", "The review of session '" + review.session()
                        + "' has no outgoing file '" + KeeperService.clip(name, 200) + "'."));
    }

    private Answer file(Request.SealFile f) throws AirlockException {
        SealReview review = review(f.session());
        OutgoingFile file = outgoing(review, f.name());
        byte[] all = file.content();
        int from = (int) Math.min(f.offset(), all.length);
        int to = (int) Math.min(all.length, (long) from + f.length());
        return new Answer.SealFileData(f.session(), f.name(), from, java.util.Arrays.copyOfRange(all, from, to), all.length,
                file.sha256(), to == all.length);
    }

    /**
     * The workstation wrote the files and read each back: recorded only when the list is exactly the
     * keeper's own outgoing files of the sealed session (every one, same size and SHA-256); the ledger
     * entry is made from the keeper's copies.
     */
    private Answer exported(Request.SealExported x) throws AirlockException {
        SealReview review = review(x.session());
        String status = review.status();
        if (!"sealed".equals(status) && !"exported".equals(status)) {
            throw new AirlockException("seal.write.unsealed", "Session '" + x.session() + "' is not sealed; nothing was recorded.");
        }
        List<OutgoingFile> own = review.files();
        Map<String, Request.WrittenFile> reported = new LinkedHashMap<>();
        for (Request.WrittenFile w : x.files()) {
            if (reported.put(w.name(), w) != null) {
                throw new AirlockException("seal.export.mismatch", "The file " + KeeperService.clip(w.name(), 200)
                        + " is reported twice; nothing was recorded.");
            }
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (OutgoingFile f : own) {
            Request.WrittenFile w = reported.remove(f.name());
            if (w == null || w.size() != f.size() || !w.sha256().equals(f.sha256()) || f.pending()) {
                throw new AirlockException("seal.export.mismatch", "The files reported written are not the keeper's: "
                        + f.name() + (w == null ? " is missing" : " differs (size or SHA-256)") + "; nothing was recorded.");
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", f.name());
            item.put("size", f.size());
            item.put("sha256", f.sha256());
            files.add(item);
        }
        if (!reported.isEmpty()) {
            throw new AirlockException("seal.export.mismatch", "The files reported written include "
                    + KeeperService.clip(reported.keySet().iterator().next(), 200) + ", which is not one of the keeper's;"
                    + " nothing was recorded.");
        }
        var entry = logs.recordMediaExport(x.session(), files);
        return new Answer.Recorded("export", review.status(), entry.seq());
    }

    private Answer reviewed(SealReview review) throws AirlockException {
        var doc = review.document();
        List<Answer.SealFileInfo> files = new ArrayList<>();
        for (OutgoingFile f : review.files()) {
            files.add(new Answer.SealFileInfo(f.name(), f.kind().name().toLowerCase(Locale.ROOT), f.size(), f.sha256(), f.pending()));
        }
        List<Answer.SealCheck> checks = new ArrayList<>();
        var unresolved = review.resolution().unresolved();
        for (Violation v : review.violations()) {
            boolean open = unresolved.stream().anyMatch(u -> u.id().equals(v.id()));
            Answer.SealDecision decision = review.decisionOn(v).map(d -> new Answer.SealDecision(d.action().wire(),
                    KeeperService.clip(d.supervisor(), Limits.MAX_NAME), KeeperService.clip(d.reason(), Limits.MAX_MESSAGE)))
                    .orElse(null);
            checks.add(new Answer.SealCheck(v.id(), v.kind().wire(), v.annotationId(), v.path(),
                    KeeperService.clip(v.reason(), Limits.MAX_MESSAGE), open, decision));
        }
        List<Answer.SealDisclosure> disclosures = new ArrayList<>();
        for (DisclosurePlan.Field f : review.logDisclosures()) {
            disclosures.add(new Answer.SealDisclosure(f.disclosure().entry(), f.disclosure().field(),
                    f.type() == null ? null : f.type().wireName(), KeeperService.clip(f.time(), 64), f.disclosed(),
                    f.why().name().toLowerCase(Locale.ROOT), Base64.getEncoder().encodeToString(f.disclosure().salt()),
                    f.disclosure().value(),
                    f.decision() == null ? null : new Answer.SealDecision(f.decision().action().wire(),
                            KeeperService.clip(f.decision().supervisor(), Limits.MAX_NAME),
                            KeeperService.clip(f.decision().reason(), Limits.MAX_MESSAGE)),
                    f.actions().stream().map(SupervisorAction::wire).sorted().toList()));
        }
        List<Answer.SealQuota> quotas = new ArrayList<>();
        for (Quota q : review.quotas(QUOTA_FILES)) {
            quotas.add(new Answer.SealQuota(q.perFile(), KeeperService.clip(q.subject(), Limits.MAX_PATH), q.measure(),
                    Math.max(0, q.used()), Math.max(0, q.allowed())));
        }
        return new Answer.SealReviewed(review.session(), review.status(), KeeperService.clip(doc.session().inspector(), Limits.MAX_NAME),
                KeeperService.clip(String.valueOf(doc.session().started()), 64), KeeperService.clip(String.valueOf(doc.session().ended()), 64),
                doc.annotations().size(), KeeperService.clip(policy.name(), Limits.MAX_MESSAGE),
                KeeperService.clip(doc.bundle().product(), Limits.MAX_MESSAGE), KeeperService.clip(doc.bundle().release(), Limits.MAX_MESSAGE),
                policy.quotes().minRunTokens(), review.canSeal(), review.quotesComparedWithTree(), files, checks, disclosures, quotas);
    }
}
