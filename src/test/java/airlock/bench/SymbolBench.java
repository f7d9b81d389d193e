package airlock.bench;

import airlock.core.progress.ProgressMonitor;
import airlock.core.symbols.Definition;
import airlock.core.symbols.IndexBuilder;
import airlock.core.symbols.SymbolIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark harness run by bench/symbol-bench.sh (not a unit test): builds the symbol index of a folder
 * (timed), then times go to symbol as the workstation runs it (fuzzy name search, then the shown rows'
 * definitions) for each query given. Prints "key value" lines.
 * Usage: SymbolBench folder index.sqlite [build|nobuild] query...
 */
public final class SymbolBench {
    private static final int NAMES = 100;
    private static final int ROWS = 300;
    private static final int RUNS = 7;

    private SymbolBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path db = Path.of(args[1]);
        boolean build = args[2].equals("build");
        List<String> queries = Arrays.asList(args).subList(3, args.length);
        if (build) {
            for (String suffix : new String[] {"", "-wal", "-shm", ".refs", ".defs", ".names"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
            DirectorySource source = new DirectorySource(root);
            long t0 = System.nanoTime();
            var state = new IndexBuilder(source, source.reviewRef(), db).build(List.of(), ProgressMonitor.NONE);
            out("index_build_s", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                // CPU of the whole JVM so far (start-up, listing and build, all threads): the load-independent cost
                out("index_build_cpu_s", String.format(Locale.ROOT, "%.1f", os.getProcessCpuTime() / 1e9));
            }
            out("files_indexed", state.filesTotal());
        }
        long bytes = 0;
        for (String suffix : new String[] {"", "-wal", ".refs", ".defs", ".names"}) { // the files beside it
            Path p = Path.of(db + suffix);
            bytes += Files.exists(p) ? Files.size(p) : 0;
        }
        out("index_bytes", bytes);
        long o0 = System.nanoTime();
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            idx.preload();
            out("open_and_preload_ms", (System.nanoTime() - o0) / 1_000_000);
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (String q : queries) {
                double[] ms = new double[RUNS];
                double[] cpu = new double[RUNS];
                double[] names = new double[RUNS];
                double[] namesCpu = new double[RUNS];
                int shownHash = 0;
                int rows = 0;
                String top = "";
                double[] ownCpu = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long h0 = helperCpu(mx);
                    long c0 = mx.getCurrentThreadCpuTime();
                    long s0 = System.nanoTime();
                    List<Definition> shown = goToSymbol(idx, q);
                    ms[i] = (System.nanoTime() - s0) / 1e6;
                    ownCpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    cpu[i] = ownCpu[i] + (helperCpu(mx) - h0) / 1e6;
                    long nh0 = helperCpu(mx);
                    long nc0 = mx.getCurrentThreadCpuTime();
                    long n0 = System.nanoTime();
                    idx.searchSymbols(q, NAMES);
                    names[i] = (System.nanoTime() - n0) / 1e6;
                    long ncpu = mx.getCurrentThreadCpuTime() - nc0;
                    namesCpu[i] = (ncpu + helperCpu(mx) - nh0) / 1e6;
                    shownHash = shown.toString().hashCode();
                    rows = shown.size();
                    top = shown.isEmpty() ? "-" : shown.get(0).qualifiedName();
                }
                double first = ms[0];
                Arrays.sort(ms);
                Arrays.sort(cpu);
                Arrays.sort(names);
                // query, first wall, median wall, max wall, median CPU (querying thread + the name table's helper
                // thread, if any), median wall of the name scan alone
                out("goto_symbol", String.format(Locale.ROOT, "%s %.1f %.1f %.1f %.1f %.1f %d %s", q, first,
                        ms[RUNS / 2], ms[RUNS - 1], cpu[RUNS / 2], names[RUNS / 2], rows, top));
                // the name search alone in CPU (both threads), a hash of every row shown (to compare two runs), and the
                // go to symbol CPU of the querying thread alone
                Arrays.sort(namesCpu);
                Arrays.sort(ownCpu);
                out("goto_detail", String.format(Locale.ROOT, "%s %.1f %08x %.1f", q, namesCpu[RUNS / 2], shownHash,
                        ownCpu[RUNS / 2]));
            }
        }
    }

    /**
     * CPU time so far of the name table's helper thread for go to symbol ("go-to-symbol-scan", kept alive between
     * queries), in ns; 0 if there is none (a name table that scans on one thread).
     */
    private static long helperCpu(java.lang.management.ThreadMXBean mx) {
        long sum = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("go-to-symbol-scan")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** What NavigationFeature.searchSymbols does: the best names, then their definitions up to the row cap. */
    static List<Definition> goToSymbol(SymbolIndex idx, String typed) throws Exception {
        return idx.goToSymbol(typed, NAMES, ROWS);
    }

    private static void out(String key, Object value) {
        System.out.println(key + " " + value);
    }
}
