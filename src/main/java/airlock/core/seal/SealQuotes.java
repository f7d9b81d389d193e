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
                    // built once per bundle and rules, kept next to the search index; a damaged or stale file is rebuilt
                    QuoteIndex index = airlock.core.quote.QuoteIndexFile.loadOrBuild(
                            airlock.core.quote.QuoteIndexFile.path(bundles.home().databases(), imported.id(), policy.quotes()),
                            imported.id() + " " + source.reviewRef(), tree, policy.quotes(), 1,
                            airlock.core.progress.ProgressMonitor.NONE);
                    // a hit reads the file again: from the bundle opened anew, as this source closes here
                    return new QuoteCheck(index.withTexts(tree.reopening(() -> bundles.open(imported))), policy.quotes());
                }
            }
        }
        return QuoteCheck.withoutTree(policy.quotes());
    }
}
