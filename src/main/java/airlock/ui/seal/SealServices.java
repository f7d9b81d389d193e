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
 * bundles (null when there is none) that names the bundle a session reviewed.
 */
public record SealServices(WorkstationLogs logs, AnnotationStore annotations, TrustStore trust, RoomPolicy policy,
                           ExportService exports, Clock clock, String toolVersion, airlock.core.bundle.BundleStore bundles) {
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
        if (bundles == null) {
            return airlock.core.quote.QuoteCheck.withoutTree(policy.quotes());
        }
        String manifest = SealReview.reviewedBundle(logs, annotations, bundles, session).id();
        for (airlock.core.bundle.BundleStore.Imported imported : bundles.list()) {
            if (imported.id().equals(manifest)) {
                try (airlock.core.git.GitSource source = bundles.open(imported)) {
                    airlock.core.quote.TreeTexts tree = new airlock.core.quote.TreeTexts(source, source.reviewRef());
                    // built once per bundle and rules, kept next to the search index; a damaged or stale file is rebuilt
                    airlock.core.quote.QuoteIndex index = airlock.core.quote.QuoteIndexFile.loadOrBuild(
                            airlock.core.quote.QuoteIndexFile.path(bundles.home().databases(), imported.id(), policy.quotes()),
                            imported.id() + " " + source.reviewRef(), tree, policy.quotes(), 1,
                            airlock.core.progress.ProgressMonitor.NONE);
                    // a hit reads the file again: from the bundle opened anew, as this source closes here
                    return new airlock.core.quote.QuoteCheck(index.withTexts(tree.reopening(() -> bundles.open(imported))),
                            policy.quotes());
                }
            }
        }
        return airlock.core.quote.QuoteCheck.withoutTree(policy.quotes());
    }

    /** Sessions that ended but have no verified copy on media yet (ended, or sealed and not exported). */
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
