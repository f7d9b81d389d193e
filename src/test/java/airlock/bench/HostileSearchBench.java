package airlock.bench;

import airlock.core.progress.ProgressMonitor;
import airlock.core.search.SearchQuery;
import airlock.core.search.SearchSummary;
import airlock.core.search.Searcher;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Benchmark harness run by {@code bench/search-hostile-bench.sh} (not a test): searches folders of
 * pathological files (written by the script, the input doubling from one folder to the next) in one
 * warm process, with the scan path the workstation uses when a query has no usable trigram (byte
 * filter, then java.util.regex or the literal look-up on the lines it names, every core).
 *
 * <p>Arguments: {@code RUNS item...}, an item being {@code DIR<TAB>SPEC} with SPEC as in
 * {@link SearchBench} ({@code F:}, {@code R:}, {@code I:}, {@code W:}). Prints per item
 * {@code n median_ms lines_matched files_not_fully_searched median_cpu_ms}, the last being the
 * process's CPU time over the search (every thread, the collector's included): on a machine
 * shared with other work, wall time mostly measures the others, CPU time the work done.
 */
public final class HostileSearchBench {
    private HostileSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Searcher searcher = new Searcher(pool);
            for (int n = 1; n < args.length; n++) {
                String[] item = args[n].split("\t", 2);
                DirectorySource source = new DirectorySource(Path.of(item[0]));
                SearchQuery query = parse(item[1], source.reviewRef());
                long[] ms = new long[runs];
                long[] cpu = new long[runs];
                SearchSummary summary = null;
                for (int r = 0; r < runs; r++) {
                    long cpu0 = os.getProcessCpuTime();
                    long start = System.nanoTime();
                    summary = searcher.search(source, null, query, file -> { }, ProgressMonitor.NONE);
                    ms[r] = (System.nanoTime() - start) / 1_000_000;
                    cpu[r] = (os.getProcessCpuTime() - cpu0) / 1_000_000;
                }
                Arrays.sort(ms);
                Arrays.sort(cpu);
                System.out.printf("%d %d %d %d %d%n", n, ms[runs / 2], summary.linesMatched(), summary.incomplete().size(),
                        cpu[runs / 2]);
            }
        } finally {
            pool.shutdownNow();
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
}
