package airlock.ui.seal;

import airlock.core.AirlockException;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.export.ExportService;
import airlock.core.policy.RoomPolicy;
import airlock.core.seal.SealReview;
import airlock.core.session.WorkstationLogs;
import airlock.core.trust.TrustStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the supervisor's screen needs from the workstation, handed in by the composition root: the
 * session logs, the annotation tables (same database), the supervisor trust list, the room policy
 * in force, the exporters, the clock, the version written into exports, and the store of imported
 * bundles (null when there is none) that names the bundle a session reviewed, and the session
 * manager's lockout (null: none), on which a seal refused for the supervisor's key counts (issue 16).
 */
public record SealServices(WorkstationLogs logs, AnnotationStore annotations, TrustStore trust, RoomPolicy policy,
                           ExportService exports, Clock clock, String toolVersion, airlock.core.bundle.BundleStore bundles,
                           airlock.core.session.SupervisorLockout lockout)
        implements airlock.core.seal.SealDesk {
    /** Without a lockout: a refused key is the answer only (tests of the screen). */
    public SealServices(WorkstationLogs logs, AnnotationStore annotations, TrustStore trust, RoomPolicy policy,
                        ExportService exports, Clock clock, String toolVersion, airlock.core.bundle.BundleStore bundles) {
        this(logs, annotations, trust, policy, exports, clock, toolVersion, bundles, null);
    }

    public SealServices {
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(annotations, "annotations");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(exports, "exports");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /**
     * Opens the review of {@code session} (blocking: reads the log, fingerprints the reviewed tree
     * for the quote check when the bundle is in the store, and renders the exports).
     */
    public SealReview review(String session) throws AirlockException {
        return SealReview.open(logs, annotations, bundles, session, policy, exports, clock, toolVersion, quotes(session));
    }

    /** The quote check over the bundle the session reviewed, or without a tree when it is not in the store. */
    private airlock.core.quote.QuoteCheck quotes(String session) throws AirlockException {
        return airlock.core.seal.SealQuotes.forSession(logs, annotations, bundles, session, policy);
    }

    /** The seal screen's review in this process (issue 16's seam), the key checked against this trust list. */
    @Override
    public airlock.core.seal.SupervisorReview open(String session) throws AirlockException {
        return new airlock.core.seal.LocalSupervisorReview(review(session), trust,
                lockout == null ? null : new airlock.core.seal.SealAttempts(lockout, clock));
    }

    @Override
    public String status(String session) throws AirlockException {
        return logs.status(session);
    }

    /** Sessions that ended but have no verified copy on media yet (ended, or sealed and not exported). */
    @Override
    public List<String> awaitingSupervisor() throws AirlockException {
        List<String> out = new ArrayList<>();
        for (String id : logs.store().logIds()) {
            String status = logs.status(id);
            if ("ended".equals(status) || "sealed".equals(status)) {
                out.add(id);
            }
        }
        return out;
    }
}
