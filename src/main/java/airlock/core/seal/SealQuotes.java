package airlock.core.seal;

import airlock.core.AirlockException;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.bundle.BundleStore;
import airlock.core.policy.RoomPolicy;
import airlock.core.quote.QuoteCheck;
import airlock.core.quote.QuoteIndex;
import airlock.core.quote.TreeTexts;
import airlock.core.session.WorkstationLogs;

/**
 * The quote check of a session's review over the bundle it reviewed (issue 18), shared by the
 * in-process seal screen and the keeper (issue 16): fingerprints the reviewed tree when the bundle
 * is in the store, else a check without a tree (only encoded text counted, and the screen says so).
 */
public final class SealQuotes {
    private SealQuotes() {
    }

    public static QuoteCheck forSession(WorkstationLogs logs, AnnotationStore annotations, BundleStore bundles, String session,
                                        RoomPolicy policy) throws AirlockException {
        if (bundles == null) {
            return QuoteCheck.withoutTree(policy.quotes());
        }
        String manifest = SealReview.reviewedBundle(logs, annotations, bundles, session).id();
        for (BundleStore.Imported imported : bundles.list()) {
            if (imported.id().equals(manifest)) {
                try (airlock.core.git.GitSource source = bundles.open(imported)) {
                    TreeTexts tree = new TreeTexts(source, source.reviewRef());
                    // built at intake (prepare) and kept next to the search index: read here; a missing, damaged or
                    // stale file is built again now, on every core
                    QuoteIndex index = airlock.core.quote.QuoteIndexFile.loadOrBuild(
                            airlock.core.quote.QuoteIndexFile.path(bundles.home().databases(), imported.id(), policy.quotes()),
                            key(imported, source), tree, policy.quotes(), Runtime.getRuntime().availableProcessors(),
                            airlock.core.progress.ProgressMonitor.NONE);
                    // a hit reads the file again: from the bundle opened anew, as this source closes here
                    return new QuoteCheck(index.withTexts(tree.reopening(() -> bundles.open(imported))), policy.quotes());
                }
            }
        }
        return QuoteCheck.withoutTree(policy.quotes());
    }

    private static String key(BundleStore.Imported imported, airlock.core.git.GitSource source) {
        return imported.id() + " " + source.reviewRef();
    }

    /**
     * Builds the quote index of {@code imported} for {@code rules} when its file is missing or
     * stale (intake, start-up: in the background, so the seal screen only reads it); returns
     * whether it built. Cancelled through {@code monitor}.
     */
    public static boolean prepare(BundleStore bundles, BundleStore.Imported imported, airlock.core.quote.QuoteRules rules,
                                  int threads, airlock.core.progress.ProgressMonitor monitor) throws AirlockException {
        try (airlock.core.git.GitSource source = bundles.open(imported)) {
            return airlock.core.quote.QuoteIndexFile.ensure(
                    airlock.core.quote.QuoteIndexFile.path(bundles.home().databases(), imported.id(), rules),
                    key(imported, source), new TreeTexts(source, source.reviewRef()), rules, threads, monitor);
        }
    }
}
