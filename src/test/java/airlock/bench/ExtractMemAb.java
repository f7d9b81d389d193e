package airlock.bench;

import airlock.core.symbols.FileSymbols;
import airlock.core.symbols.TagsExtractor;
import airlock.core.syntax.Language;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A/B harness (not a unit test) for the extractor alone: the texts of a folder held in memory, each build's
 * classes in a class loader of its own, Language.detect + TagsExtractor.extract over all texts per build in
 * turn (the order rotates each round), six rounds; prints CPU per build and a checksum of result sizes.
 * Less noisy than ExtractAb (no reading, decoding or digesting between the measured calls).
 * Usage: ExtractMemAb <folder> <maxFiles> <test-classes> <dependency classpath> <classes>...
 */
public final class ExtractMemAb {
    private ExtractMemAb() {
    }

    /** Runs in each build's class loader. */
    public static long[] run(List<String> texts, List<String> paths) {
        long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long sum = 0;
        for (int i = 0; i < texts.size(); i++) {
            Language l = Language.detect(paths.get(i), texts.get(i));
            FileSymbols fs = new TagsExtractor().extract(l, texts.get(i));
            sum = sum * 31 + fs.definitions().size() * 7L + fs.occurrences().size();
        }
        return new long[] {ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0, sum};
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int max = Integer.parseInt(args[1]);
        List<Method> run = new ArrayList<>();
        for (int k = 4; k < args.length; k++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(args[k]).toUri().toURL());
            urls.add(Path.of(args[2]).toUri().toURL());
            for (String d : args[3].split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    urls.add(Path.of(d).toUri().toURL());
                }
            }
            URLClassLoader l = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            run.add(Class.forName(ExtractMemAb.class.getName(), true, l).getMethod("run", List.class, List.class));
        }
        List<String> texts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted()::iterator) {
                if (texts.size() == max) {
                    break;
                }
                byte[] b = Files.readAllBytes(p);
                if (b.length <= 4 << 20) {
                    texts.add(new String(b, StandardCharsets.UTF_8));
                    paths.add(root.relativize(p).toString());
                }
            }
        }
        for (int round = 0; round < 6; round++) {
            StringBuilder sb = new StringBuilder("round " + round + ":");
            for (int k = 0; k < run.size(); k++) {
                int side = (k + round) % run.size();
                long[] r = (long[]) run.get(side).invoke(null, texts, paths);
                sb.append(" [").append((char) ('A' + side)).append(' ').append(r[0] / 1_000_000).append(" ms, check ")
                        .append(r[1]).append(']');
            }
            System.out.println(sb);
        }
    }
}
