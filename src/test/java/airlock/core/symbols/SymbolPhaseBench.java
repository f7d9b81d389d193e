package airlock.core.symbols;

import airlock.core.syntax.Language;
import airlock.core.text.ContentLimits;
import airlock.core.text.DecodedContent;
import airlock.core.text.Decoder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Benchmark harness (issue 20, not a unit test): where a symbol build's extraction CPU goes. Runs the
 * extraction threads' work over a folder in cumulative phases (read; + decode and marks; + tokens and
 * rules; + name resolution) on two threads and prints the process CPU of each pass, so the writer's share
 * is the full build's CPU minus the last pass. Usage: SymbolPhaseBench folder [passes]
 */
public final class SymbolPhaseBench {
    private SymbolPhaseBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        for (int pass = 0; pass < passes; pass++) {
            for (int phase = 1; phase <= 4; phase++) {
                long c0 = cpu();
                long n = run(root, files, phase);
                System.out.printf(Locale.ROOT, "pass %d phase %d cpu_s %.2f checksum %d%n", pass, phase,
                        (cpu() - c0) / 1e9, n);
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long run(Path root, List<Path> files, int phase) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Inserter ins = new Inserter(1, null, null, null);
        Decoder decoder = new Decoder(ContentLimits.DEFAULT);
        try {
            Future<Long>[] parts = new Future[2];
            for (int k = 0; k < 2; k++) {
                int start = k;
                parts[k] = pool.submit(() -> {
                    long sum = 0;
                    for (int i = start; i < files.size(); i += 2) {
                        byte[] b = Files.readAllBytes(files.get(i));
                        sum += b.length;
                        if (phase < 2) {
                            continue;
                        }
                        DecodedContent c = decoder.decode(b, b.length);
                        sum += FileMark.ofContent(c);
                        if (phase < 3 || !c.isText()) {
                            continue;
                        }
                        String rel = root.relativize(files.get(i)).toString();
                        FileSymbols fs = new TagsExtractor().extract(Language.detect(rel, c.text()), c.text());
                        sum += fs.definitions().size() + fs.occurrences().size();
                        if (phase < 4) {
                            continue;
                        }
                        sum += ins.resolve(i, fs).occurrenceIds().length;
                    }
                    return sum;
                });
            }
            return parts[0].get() + parts[1].get();
        } finally {
            pool.shutdown();
        }
    }
}
