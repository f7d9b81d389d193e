package airlock.bench;

import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.core.progress.ProgressMonitor;
import airlock.core.quote.QuoteCheck;
import airlock.core.quote.QuoteIndex;
import airlock.core.quote.QuoteReport;
import airlock.core.quote.QuoteRules;
import airlock.core.quote.TreeTexts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Benchmark harness run by {@code bench/quote-check-bench.sh} (not a test): fingerprints every
 * file of a one-commit repository, then runs the content check over FINDINGS generated findings
 * (title and body each; one in ten quotes 5–20 lines of a random file of the tree, plain,
 * re-indented, upper-cased or as Base64) RUNS times in one warm process. Prints {@code key value}
 * lines: build ms, fingerprints, files, and per run the check ms, texts, flagged and expected.
 *
 * <p>Arguments: {@code GITDIR REF FINDINGS RUNS [CACHE]}; with CACHE the index is built and written
 * there (cold), then read back from it (warm, printed as load ms) and the runs use the loaded index.
 */
public final class QuoteBench {
    private QuoteBench() {
    }

    public static void main(String[] args) throws Exception {
        IsolatedGit.install();
        int count = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        QuoteRules rules = QuoteRules.defaults();
        try (GitSource source = GitSource.ofAllRefs(new FileRepositoryBuilder().setGitDir(new java.io.File(args[0]))
                .setMustExist(true).build(), "bench", args[1])) {
            long t0 = System.nanoTime();
            TreeTexts tree = new TreeTexts(source, args[1]);
            QuoteIndex index;
            if (args.length > 4) {
                // the index kept on disk (QuoteIndexFile): cold = built and written, warm = read back and checked
                java.nio.file.Path cache = java.nio.file.Path.of(args[4]);
                String key = "bench " + args[1];
                if ("reuse".equals(System.getProperty("quote.bench.cache"))) {
                    // the cold build was measured before: a file whose header fits is kept (only its header is read here,
                    // so the timed read below is still the process's first); another format or key is built again
                    if (airlock.core.quote.QuoteIndexFile.ensure(cache, key, tree, rules, Runtime.getRuntime().availableProcessors(),
                            ProgressMonitor.NONE)) {
                        System.out.printf("build_ms %d%ncache_bytes %d%n", (System.nanoTime() - t0) / 1_000_000,
                                java.nio.file.Files.size(cache));
                        System.gc();
                    }
                } else {
                    java.nio.file.Files.deleteIfExists(cache);
                    QuoteIndex cold = airlock.core.quote.QuoteIndexFile.loadOrBuild(cache, key, tree, rules,
                            Runtime.getRuntime().availableProcessors(), ProgressMonitor.NONE);
                    System.out.printf("build_ms %d%ncache_bytes %d%n", (System.nanoTime() - t0) / 1_000_000,
                            java.nio.file.Files.size(cache));
                    cold = null;
                    System.gc();
                }
                long t1 = System.nanoTime();
                airlock.core.quote.QuoteIndexFile.Read warm = airlock.core.quote.QuoteIndexFile.read(cache, key, rules, tree.texts());
                if (warm.index() == null) {
                    throw new IllegalStateException("the index just written was not read back: " + warm.refused());
                }
                index = warm.index();
                System.out.printf("load_ms %d%n", (System.nanoTime() - t1) / 1_000_000);
            } else {
                index = QuoteIndex.build(tree, rules, Runtime.getRuntime().availableProcessors(), ProgressMonitor.NONE);
                System.out.printf("build_ms %d%n", (System.nanoTime() - t0) / 1_000_000);
            }
            System.out.printf("files %d%nfingerprints %d%nheap_mb %d%n", index.files(), index.fingerprints(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            List<String[]> findings = new ArrayList<>();
            int expected = generate(tree, count, findings);
            System.out.printf("findings %d%nexpected_quoting %d%n", findings.size(), expected);
            for (int run = 1; run <= runs; run++) {
                java.util.concurrent.atomic.LongAdder readNanos = new java.util.concurrent.atomic.LongAdder();
                java.util.concurrent.atomic.LongAdder reads = new java.util.concurrent.atomic.LongAdder();
                java.util.concurrent.atomic.LongAdder readTokens = new java.util.concurrent.atomic.LongAdder();
                java.util.Set<Integer> distinct = java.util.concurrent.ConcurrentHashMap.newKeySet();
                QuoteIndex.FileTexts plain = tree.texts();
                QuoteCheck check = new QuoteCheck(index.withTexts(new QuoteIndex.FileTexts() { // a fresh cache each run; reads timed
                    @Override
                    public String text(int id) throws airlock.core.AirlockException {
                        return plain.text(id);
                    }

                    @Override
                    public airlock.core.quote.CodeTokens tokens(int id) throws airlock.core.AirlockException {
                        long r0 = System.nanoTime();
                        try {
                            airlock.core.quote.CodeTokens t = plain.tokens(id); // as the seal screen's TreeTexts: read and tokenised
                            readTokens.add(t.size());
                            return t;
                        } finally {
                            readNanos.add(System.nanoTime() - r0);
                            reads.increment();
                            distinct.add(id);
                        }
                    }
                }), rules);
                long cpu0 = processCpuNanos();
                long gc0 = gcMillis();
                long t = System.nanoTime();
                QuoteReport.Builder report = new QuoteReport.Builder(check);
                for (int i = 0; i < findings.size(); i++) {
                    report.add("f" + i, "title", findings.get(i)[0], false);
                    report.add("f" + i, "body", findings.get(i)[1], false);
                }
                QuoteReport done = report.build();
                long ms = (System.nanoTime() - t) / 1_000_000;
                long cpuMs = (processCpuNanos() - cpu0) / 1_000_000;
                long flagged = done.scanned().stream().filter(s -> s.scan() != null && !s.scan().files().isEmpty())
                        .map(QuoteReport.Scanned::owner).distinct().count();
                long chars = findings.stream().mapToLong(f -> f[0].length() + f[1].length()).sum();
                System.out.printf("run %d check_ms %d texts %d chars %d flagged %d quoted_lines %d encoded_bytes %d cpu_ms %d"
                        + " file_reads %d distinct_files %d read_ms %d threads %d read_tokens %d gc_ms %d%n", run, ms, done.scanned().size(), chars, flagged,
                        done.linesTotal(), done.encodedBytes(), cpuMs, reads.sum(), distinct.size(), readNanos.sum() / 1_000_000,
                        Runtime.getRuntime().availableProcessors(), readTokens.sum(), gcMillis() - gc0);
            }
        }
    }

    /** CPU time of the whole process (every thread, GC and JIT included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Time the collectors report (pauses and concurrent work), summed. */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static final String[] PROSE = {"The length field is read from the device and used without a bound check.",
        "A reference is dropped twice on the error path when the allocation fails.",
        "Locking order differs from the one documented in the header; a deadlock is possible under load.",
        "The value returned by the helper is ignored, so a failed copy goes unnoticed.",
        "Integer overflow when the count is multiplied by the element size on 32-bit builds."};

    /** Findings: prose with an identifier or two, and every tenth one quotes a random file (several dresses). */
    private static int generate(TreeTexts tree, int count, List<String[]> out) throws Exception {
        Random r = new Random(18);
        List<String> paths = tree.paths();
        int quoting = 0;
        for (int i = 0; i < count; i++) {
            String title = PROSE[r.nextInt(PROSE.length)].substring(0, 40) + " #" + i;
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < 2 + r.nextInt(4); p++) {
                body.append(PROSE[r.nextInt(PROSE.length)]).append(' ');
            }
            body.append("See ").append(paths.get(r.nextInt(paths.size()))).append(".\n");
            if (i % 10 == 0) {
                String[] lines = tree.texts().text(r.nextInt(paths.size())).split("\n");
                if (lines.length > 30) {
                    int from = r.nextInt(lines.length - 25);
                    String quote = String.join("\n", java.util.Arrays.copyOfRange(lines, from, from + 5 + r.nextInt(16)));
                    if (quote.replaceAll("\\s", "").length() > 80) {
                        quoting++;
                        quote = switch (i / 10 % 4) {
                            case 1 -> quote.lines().map(l -> "    " + l.strip()).reduce((a, b) -> a + "\n" + b).orElse("");
                            case 2 -> quote.toUpperCase(Locale.ROOT);
                            case 3 -> Base64.getMimeEncoder(40, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(quote.getBytes(StandardCharsets.UTF_8));
                            default -> quote;
                        };
                        body.append('\n').append(quote).append('\n');
                    }
                }
            }
            out.add(new String[] {title, body.toString()});
        }
        return quoting;
    }
}
