package airlock.keeper;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleStore;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.search.SearchIndex;
import airlock.core.source.SourceTree;
import airlock.core.symbols.SymbolIndex;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keeper builds its own search and symbol indexes (issue 16: nothing outside the keeper writes
 * into its home): for every bundle of its store at start-up, and for each bundle it imports. One
 * bundle at a time, on one background thread, with the core's public build entry points (the trigram
 * {@link airlock.core.search.IndexBuilder} and the lexer-level {@link airlock.core.symbols.IndexBuilder});
 * the search index covers every ref of the bundle, the symbol index the ref under review; both
 * resume what an earlier run left, so a bundle already indexed costs a check only. A session
 * meanwhile answers from what is there (a search scans the files the index lacks; definitions say
 * {@code partial}) and is handed the finished indexes when the build ends ({@code onReady}).
 */
final class KeeperIndexes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeeperIndexes.class);
    private final BundleStore bundles;
    private final Path databases;
    private final ExecutorService workers;
    private final ExecutorService builder;
    private final Consumer<String> onReady;
    private final Map<String, Answer.IndexInfo> states = new LinkedHashMap<>();
    private volatile boolean closed;
    /** The room policy's quote rules: the quote index (issue 18) is built with the others, not when the seal screen opens. */
    private volatile airlock.core.quote.QuoteRules quoteRules;
    private volatile airlock.core.quote.KeptQuoteIndexes keptQuotes;

    /**
     * @param workers the keeper's search threads (the trigram build reads files on them)
     * @param onReady told the bundle id when its indexes are built, on the build thread
     */
    KeeperIndexes(BundleStore bundles, Path databases, ExecutorService workers, Consumer<String> onReady) {
        this.bundles = bundles;
        this.databases = databases;
        this.workers = workers;
        this.onReady = onReady;
        this.builder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keeper-index");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** What the keeper keeps for its own work beside a background quote build (log, sessions, searches, pages). */
    static final long KEEPER_RESERVE = 512L << 20;
    /**
     * The heap the keeper can give a background quote build: its maximum less {@link #KEEPER_RESERVE}. Not the
     * heap free at this moment: that counts garbage not yet collected as used, and a busy keeper (or a test JVM)
     * then skipped a build it had room for (CI: "55 MB free" in a 2 GB heap). Tests inject a figure.
     */
    private volatile java.util.function.LongSupplier freeHeap = () -> Runtime.getRuntime().maxMemory() - KEEPER_RESERVE;
    /** Bundles whose background quote build was skipped for want of heap (for tests and the log). */
    final java.util.Set<String> quotesSkipped = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void freeHeap(java.util.function.LongSupplier figure) {
        this.freeHeap = figure;
    }

    /** Also builds each bundle's quote index with {@code rules} (the room policy's), after its search and symbol indexes. */
    void alsoQuotes(airlock.core.quote.QuoteRules rules) {
        alsoQuotes(rules, null);
    }

    /** As above, and keeps each index read and checked in {@code kept} (the seal screen's, {@link KeeperSeal}), or none when null. */
    void alsoQuotes(airlock.core.quote.QuoteRules rules, airlock.core.quote.KeptQuoteIndexes kept) {
        this.keptQuotes = kept;
        this.quoteRules = rules;
    }

    /** Queues every bundle of the store (start-up). */
    void queueAll() throws AirlockException {
        for (BundleStore.Imported b : bundles.list()) {
            queue(b.id());
        }
    }

    /** Queues one bundle; a bundle already queued or building is not queued twice. */
    synchronized void queue(String bundleId) {
        Answer.IndexInfo now = states.get(bundleId);
        if (closed || now != null && (now.state().equals("queued") || now.state().equals("building"))) {
            return;
        }
        set(bundleId, "queued", "");
        builder.submit(() -> build(bundleId));
    }

    /** The state of every bundle's indexes the keeper has been asked to build. */
    synchronized List<Answer.IndexInfo> states() {
        List<Answer.IndexInfo> out = new ArrayList<>(states.values());
        return out.size() > Limits.MAX_BUNDLES ? out.subList(0, Limits.MAX_BUNDLES) : out;
    }

    private synchronized void set(String bundleId, String state, String message) {
        String m = message == null ? "" : message.replace('\0', '\uFFFD');
        states.put(bundleId, new Answer.IndexInfo(bundleId, state, m.length() > Limits.MAX_MESSAGE
                ? m.substring(0, Limits.MAX_MESSAGE) : m));
    }

    private void build(String bundleId) {
        if (closed) {
            return;
        }
        set(bundleId, "building", "");
        ProgressMonitor monitor = ProgressMonitor.cancelledWhen(() -> closed);
        long started = System.nanoTime();
        try (SourceTree source = bundles.open(bundles.get(bundleId))) {
            String ref = source.reviewRef();
            try (SearchIndex index = SearchIndex.open(databases.resolve("search").resolve(SearchIndex.keyOf(source)), 1)) {
                // every ref, as 'airlock search-index' does: a search may ask for any ref, or all of them
                new airlock.core.search.IndexBuilder(workers).build(source, source.refs(), index, monitor);
            }
            Path symbols = SymbolIndex.fileFor(databases, source.commitOf(ref));
            new airlock.core.symbols.IndexBuilder(source, ref, symbols).build(List.of(), monitor);
            set(bundleId, "ready", "");
            LOG.info("indexes of bundle {} ready in {} ms", bundleId, (System.nanoTime() - started) / 1_000_000);
            onReady.accept(bundleId);
            quotes(bundleId, source, ref, monitor);
        } catch (CancelledException e) {
            set(bundleId, "failed", "stopped with the keeper; the next start resumes the build");
        } catch (AirlockException | RuntimeException e) {
            if (closed) {
                LOG.info("the build of bundle {}'s indexes stopped with the keeper; the next start resumes it", bundleId);
                set(bundleId, "failed", "stopped with the keeper; the next start resumes the build");
                return;
            }
            LOG.warn("indexes of bundle {} could not be built", bundleId, e);
            set(bundleId, "failed", e.getMessage());
        }
    }

    /**
     * The bundle's quote index (issue 18), after search and symbols are handed over (a session needs
     * those first; the seal screen needs this one only at the end). A failure here leaves the bundle
     * ready: the seal screen builds the index itself then.
     */
    private void quotes(String bundleId, SourceTree source, String ref, ProgressMonitor monitor) {
        airlock.core.quote.QuoteRules rules = quoteRules;
        if (rules == null || closed) {
            return;
        }
        // the build sorts the fingerprints in runs of bounded size and merges them on disk (QuoteIndexFile.build):
        // its heap need no longer grows with the tree (the kernel's 1.2 GB of text once ran a 2 GB keeper out of
        // memory beside the threads writing the log). A keeper whose heap cannot give that need beside its own
        // reserve does not build here; the seal screen builds the index when it opens
        long need = airlock.core.quote.QuoteIndexFile.buildHeap(1) + 4 * airlock.core.quote.TreeTexts.MAX_BYTES;
        long free = freeHeap.getAsLong();
        if (free < need) {
            LOG.warn("the quote index of bundle {} is not built in the background: the build needs about {} MB of heap"
                    + " and the keeper can give it {} MB beside its own work (start it with a larger -Xmx); the seal screen builds it",
                    bundleId, need >> 20, free >> 20);
            quotesSkipped.add(bundleId);
            return;
        }
        long started = System.nanoTime();
        try {
            if (airlock.core.seal.SealQuotes.prepare(bundles, bundles.get(bundleId), rules, 1, monitor, keptQuotes)) {
                LOG.info("quote index of bundle {} built in {} ms", bundleId, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (CancelledException e) {
            LOG.info("the quote index of bundle {} stopped with the keeper; the next start builds it", bundleId);
        } catch (AirlockException | RuntimeException e) {
            if (closed) { // whatever the stop made the build throw, it stopped with the keeper
                LOG.info("the quote index of bundle {} stopped with the keeper; the next start builds it", bundleId);
                return;
            }
            LOG.warn("the quote index of bundle {} could not be built; the seal screen builds it", bundleId, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        builder.shutdownNow();
        try {
            builder.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
