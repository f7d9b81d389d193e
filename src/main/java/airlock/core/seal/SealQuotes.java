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
        return forSession(logs, annotations, bundles, session, policy, null);
    }

    /**
     * As above; with {@code kept} (the keeper's), an index it already read and checked, and whose
     * file is unchanged since, is used without reading the file again, and one read here is kept.
     */
    public static QuoteCheck forSession(WorkstationLogs logs, AnnotationStore annotations, BundleStore bundles, String session,
                                        RoomPolicy policy, airlock.core.quote.KeptQuoteIndexes kept) throws AirlockException {
        if (bundles == null) {
            return QuoteCheck.withoutTree(policy.quotes());
        }
        String manifest = SealReview.reviewedBundle(logs, annotations, bundles, session).id();
        for (BundleStore.Imported imported : bundles.list()) {
            if (imported.id().equals(manifest)) {
                try (airlock.core.git.GitSource source = bundles.open(imported)) {
                    TreeTexts tree = new TreeTexts(source, source.reviewRef());
                    // built at intake (prepare) and kept next to the search index: read here (or held by the keeper since
                    // it read it); a missing, damaged or stale file is built again now, on every core
                    java.nio.file.Path file = airlock.core.quote.QuoteIndexFile.path(bundles.home().databases(), imported.id(),
                            policy.quotes());
                    String key = key(imported, source);
                    QuoteIndex index = kept == null ? null : kept.readOrKept(file, key, policy.quotes(), NO_TEXTS).orElse(null);
                    if (index == null) {
                        index = airlock.core.quote.QuoteIndexFile.loadOrBuild(file, key, tree, policy.quotes(),
                                Runtime.getRuntime().availableProcessors(), airlock.core.progress.ProgressMonitor.NONE);
                    }
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
        return prepare(bundles, imported, rules, threads, monitor, null);
    }

    /**
     * As above; with {@code kept} (the keeper's), the file is then also read and checked once and the
     * index kept, so the seal screen the keeper serves pays only the check ({@link airlock.core.quote.KeptQuoteIndexes}).
     */
    public static boolean prepare(BundleStore bundles, BundleStore.Imported imported, airlock.core.quote.QuoteRules rules,
                                  int threads, airlock.core.progress.ProgressMonitor monitor,
                                  airlock.core.quote.KeptQuoteIndexes kept) throws AirlockException {
        try (airlock.core.git.GitSource source = bundles.open(imported)) {
            java.nio.file.Path file = airlock.core.quote.QuoteIndexFile.path(bundles.home().databases(), imported.id(), rules);
            String key = key(imported, source);
            boolean built = airlock.core.quote.QuoteIndexFile.ensure(file, key, new TreeTexts(source, source.reviewRef()), rules,
                    threads, monitor);
            if (kept != null && !monitor.isCancelled()) {
                kept.readOrKept(file, key, rules, NO_TEXTS); // a file refused here is built again by the seal screen
            }
            return built;
        }
    }

    /** The texts of a kept index: never read (a check always reads through a bundle opened anew, {@code withTexts}). */
    private static final QuoteIndex.FileTexts NO_TEXTS = id -> {
        throw new AirlockException("quote.index.texts", "A kept quote index is read only through the bundle opened again.");
    };
}
