package airlock.bench;

import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.core.progress.ProgressMonitor;
import airlock.core.search.IndexBuilder;
import airlock.core.search.LineMatch;
import airlock.core.search.SearchIndex;
import airlock.core.search.SearchQuery;
import airlock.core.search.SearchSummary;
import airlock.core.search.Searcher;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Benchmark harness run by {@code bench/search-bench.sh} (not a test): builds the index of a git
 * repository, then runs each query a few times in one warm process, writing the results of the
 * last run to {@code OUT/airlock-<n>.txt} as {@code path:line:text} and a timing line per query
 * to standard output: {@code n build|query ms first_ms lines files coverage files_read cpu_ms}.
 *
 * <p>Arguments: {@code GITDIR REF OUT RUNS query-spec...} where a spec is {@code F:text} (literal),
 * {@code R:regex}, {@code I:text} (literal, ignore case) or {@code W:text} (literal, whole word).
 */
public final class SearchBench {
    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        IsolatedGit.install();
        Path gitDir = Path.of(args[0]);
        String ref = args[1];
        Path out = Path.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        List<String> specs = Arrays.asList(args).subList(4, args.length);
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try (GitSource source = GitSource.ofAllRefs(new FileRepositoryBuilder().setGitDir(gitDir.toFile())
                .setMustExist(true).build(), "bench", ref)) {
            long t0 = System.nanoTime();
            SearchIndex index = SearchIndex.open(out.resolve("airlock-index"), cores);
            new IndexBuilder(pool).build(source, List.of(ref), index, ProgressMonitor.NONE);
            System.out.printf("0 build %d 0 %d 0 -%n", (System.nanoTime() - t0) / 1_000_000, index.size());
            index.close();
            long t1 = System.nanoTime();
            index = SearchIndex.open(out.resolve("airlock-index"), cores);
            source.list(ref);
            System.out.printf("0 open %d 0 0 0 -%n", (System.nanoTime() - t1) / 1_000_000);
            Searcher searcher = new Searcher(pool);
            for (int n = 1; n <= specs.size(); n++) {
                SearchQuery query = parse(specs.get(n - 1), ref);
                for (int r = 1; r <= runs; r++) {
                    List<String> lines = new ArrayList<>();
                    long[] first = {-1};
                    long cpu0 = processCpuNanos();
                    long start = System.nanoTime();
                    SearchSummary summary = searcher.search(source, index, query, file -> {
                        if (first[0] < 0) {
                            first[0] = System.nanoTime() - start;
                        }
                        for (LineMatch line : file.lines()) {
                            lines.add(file.path() + ":" + line.number() + ":" + line.text());
                        }
                    }, ProgressMonitor.NONE);
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    long cpuMs = (processCpuNanos() - cpu0) / 1_000_000;
                    System.out.printf("%d query %d %d %d %d %s %d %d%n", n, ms, Math.max(0, first[0]) / 1_000_000,
                            summary.linesMatched(), summary.filesMatched(), summary.coverage(), summary.filesRead(), cpuMs);
                    if (r == runs) {
                        write(out.resolve("airlock-" + n + ".txt"), lines);
                    }
                }
            }
            index.close();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The process's CPU time, user and system, of every thread (the search runs on the pool's two). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
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

    private static void write(Path file, List<String> lines) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
    }

}
