package airlock.bench;

import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.ImportResult;
import airlock.core.bundle.IntakeLimits;
import airlock.core.git.GitSource;
import airlock.core.home.AirlockHome;
import airlock.core.progress.ProgressMonitor;
import airlock.core.search.SearchIndex;
import airlock.core.search.SearchQuery;
import airlock.core.search.SearchSummary;
import airlock.core.search.Searcher;
import airlock.core.source.SourceEntry;
import airlock.core.symbols.SymbolIndex;
import airlock.ui.tree.FileTreeViewModel;
import airlock.ui.tree.PathIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Benchmark harness run by {@code bench/ready-bench.sh} (not a test): stick to ready (issue 20). Takes
 * a bundle folder from the medium through the product's own intake and index path, in the order the
 * keeper runs it ({@code KeeperIntake} then {@code KeeperIndexes}): {@link BundleIntake#importBundle}
 * (every check, then the import into the store), the trigram index over every ref with
 * {@code airlock.core.search.IndexBuilder} on the keeper's worker pool (one thread per core), then the
 * symbol index of the ref under review with {@code airlock.core.symbols.IndexBuilder}. Prints one
 * {@code key value...} line per measure: each phase's end since the start, the intake's own phases,
 * the process CPU and the heap's peak in each phase; then, outside the timed path, the file tree's
 * opening (listing the ref and building the tree model the window shows) and indexed query latency.
 *
 * <p>Arguments: {@code HOME BUNDLE_FOLDER RUNS query-spec...}; the home must trust the bundle's key.
 * {@code --tree HOME} times only the file tree's opening, for every bundle imported into HOME.
 * A spec is {@code F:text} (literal), {@code R:regex}, {@code I:text} (ignore case), {@code W:text}
 * (whole word).
 */
public final class ReadyBench {
    private ReadyBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--tree")) {
            // the file tree's opening alone, for every bundle already imported into the home
            BundleStore store = new BundleStore(AirlockHome.open(Path.of(args[1])));
            for (BundleStore.Imported b : store.list()) {
                fileTree(store, b.id());
            }
            return;
        }
        AirlockHome home = AirlockHome.open(Path.of(args[0]));
        BundleFiles folder = new BundleFiles(Path.of(args[1]));
        int runs = Integer.parseInt(args[2]);
        List<String> specs = Arrays.asList(args).subList(3, args.length);
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "keeper-search");
            t.setDaemon(true);
            return t;
        });
        // from the JVM's start, as the pipeline without Airlock counts its processes' start
        long start = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        try {
            Phases phases = new Phases(start);
            ImportResult imported = new BundleIntake(home, Clock.systemUTC(), IntakeLimits.defaults())
                    .importBundle(folder, Optional.empty(), phases);
            if (!imported.verification().accepted() || imported.alreadyImported()) {
                System.out.println("error the bundle was not imported afresh: " + imported.verification().summary()
                        + " (already imported: " + imported.alreadyImported() + ")");
                System.exit(1);
            }
            phases.mark("imported");
            BundleStore store = new BundleStore(home);
            String id = imported.storeFolder().orElseThrow().getFileName().toString();
            Path search;
            Path symbols;
            String ref;
            try (GitSource source = store.open(store.get(id))) {
                ref = source.reviewRef();
                search = home.databases().resolve("search").resolve(SearchIndex.keyOf(source));
                try (SearchIndex index = SearchIndex.open(search, 1)) {
                    var built = new airlock.core.search.IndexBuilder(workers).build(source, source.refs(), index, phases);
                    System.out.println("search_blobs " + built.blobsAdded() + " " + built.blobsTotal());
                }
                phases.mark("search_ready");
                symbols = SymbolIndex.fileFor(home.databases(), source.commitOf(ref));
                var state = new airlock.core.symbols.IndexBuilder(source, ref, symbols).build(List.of(), phases);
                System.out.println("symbol_files " + state.filesTotal());
                phases.mark("symbols_ready");
            }
            System.out.println("index_bytes search " + du(search) + " symbols " + du(symbols.getParent(), symbols.getFileName().toString()));
            fileTree(store, id);
            queries(store, id, search, ref, runs, specs, workers);
        } finally {
            workers.shutdownNow();
        }
    }

    /** The file tree's opening as the main window runs it: list the ref, then the model (PathIndex) and the top level. */
    private static void fileTree(BundleStore store, String id) throws Exception {
        for (int run = 1; run <= 3; run++) {
            resetPeaks();
            long t0 = System.nanoTime();
            try (GitSource source = store.open(store.get(id))) {
                List<SourceEntry> entries = source.list(source.reviewRef());
                long t1 = System.nanoTime();
                FileTreeViewModel model = new FileTreeViewModel();
                model.setEntries(entries);
                PathIndex index = model.indexProperty().get();
                int top = index.children("").size();
                long t2 = System.nanoTime();
                model.filterProperty().set("Makefile");
                int matches = model.indexProperty().get().fileCount();
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT, "tree_open %d list_ms %.0f model_ms %.0f total_ms %.0f files %d folders %d top %d"
                                + " filter_ms %.0f filter_files %d heap_peak_mib %d listing %s%n", run, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                        (t2 - t0) / 1e6, index.fileCount(), index.folderCount(), top, (t3 - t2) / 1e6, matches, heapPeakMib(),
                        source.listingNote(source.reviewRef()));
            }
        }
    }

    private static void queries(BundleStore store, String id, Path search, String ref, int runs, List<String> specs,
                                ExecutorService workers) throws Exception {
        try (GitSource source = store.open(store.get(id)); SearchIndex index = SearchIndex.open(search, 1)) {
            Searcher searcher = new Searcher(workers);
            for (int n = 1; n <= specs.size(); n++) {
                SearchQuery query = parse(specs.get(n - 1), ref);
                double[] ms = new double[runs];
                SearchSummary summary = null;
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    summary = searcher.search(source, index, query, file -> { }, ProgressMonitor.NONE);
                    ms[r] = (System.nanoTime() - t0) / 1e6;
                }
                double first = ms[0];
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "query %d first_ms %.0f median_ms %.0f lines %d files %d coverage %s spec %s%n", n, first,
                        ms[runs / 2], summary.linesMatched(), summary.filesMatched(), summary.coverage(), specs.get(n - 1));
            }
        }
    }

    private static SearchQuery parse(String spec, String ref) {
        String text = spec.substring(2);
        return switch (spec.charAt(0)) {
            case 'R' -> SearchQuery.regex(text, ref);
            case 'I' -> SearchQuery.literal(text, ref).withIgnoreCase(true);
            case 'W' -> SearchQuery.literal(text, ref).withWholeWord(true);
            default -> SearchQuery.literal(text, ref);
        };
    }

    private static long du(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(dir)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long du(Path dir, String prefix) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Forgets the heap pools' peaks, so the next {@link #heapPeakMib} covers one phase. */
    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the heap in use (the pools peak apart). */
    private static long heapPeakMib() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    private static double cpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : -1;
    }

    /** Prints each core phase as it ends ("task"), and the pipeline's milestones ("ready"), as seconds since the start. */
    private static final class Phases implements ProgressMonitor {
        private final long start;
        private long last;
        private String title;
        private long begun;

        Phases(long start) {
            this.start = start;
            this.last = start;
            resetPeaks();
        }

        @Override public void beginTask(String t, long totalWork) {
            title = t;
            begun = System.nanoTime();
        }

        @Override public void update(long completed) {
        }

        @Override public void endTask() {
            if (title != null) {
                System.out.printf(Locale.ROOT, "task %.2f %s%n", (System.nanoTime() - begun) / 1e9, title.replace(' ', '_'));
                title = null;
            }
        }

        @Override public boolean isCancelled() {
            return false;
        }

        void mark(String milestone) {
            long now = System.nanoTime();
            System.out.printf(Locale.ROOT, "ready %s at_s %.2f phase_s %.2f cpu_s %.1f heap_peak_mib %d%n", milestone,
                    (now - start) / 1e9, (now - last) / 1e9, cpuSeconds(), heapPeakMib());
            last = now;
            resetPeaks();
        }
    }
}
