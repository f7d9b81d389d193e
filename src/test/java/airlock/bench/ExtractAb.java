package airlock.bench;

import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A/B harness (not a unit test) for extraction speed-ups on a loaded machine: two builds of the product's
 * classes, each in a class loader of its own, run {@link ExtractDigest#runChunk} on the same chunks of files
 * in turn (which goes first alternates), so load that changes during the run falls on both alike. Prints
 * each side's CPU per phase and a digest of all results (occurrence maps' iteration order included).
 * Usage: ExtractAb <folder> <classesA> <classesB> <test-classes> <dependency classpath> [rounds] [chunk]
 */
public final class ExtractAb {
    private ExtractAb() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        int chunk = args.length > 6 ? Integer.parseInt(args[6]) : 200;
        Method[] run = {runner(args[1], args[3], args[4]), runner(args[2], args[3], args[4])};
        TreeMap<String, Path> byPath = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> byPath.put(root.relativize(p).toString().replace('\\', '/'), p));
        }
        List<String> paths = new ArrayList<>(byPath.keySet());
        for (int round = 1; round <= rounds; round++) {
            MessageDigest[] md = {MessageDigest.getInstance("SHA-256"), MessageDigest.getInstance("SHA-256")};
            long[][] ns = new long[2][3];
            for (int from = 0, c = 0; from < paths.size(); from += chunk, c++) {
                int n = Math.min(chunk, paths.size() - from);
                String[] p = new String[n];
                byte[][] b = new byte[n][];
                long[] size = new long[n];
                for (int i = 0; i < n; i++) {
                    p[i] = paths.get(from + i);
                    Path f = byPath.get(p[i]);
                    size[i] = Files.size(f);
                    try (InputStream in = Files.newInputStream(f)) {
                        b[i] = in.readNBytes(32 << 20);
                    }
                }
                for (int k = 0; k < 2; k++) {
                    int side = (c + k) % 2;
                    long[] got = (long[]) run[side].invoke(null, p, b, size, md[side]);
                    for (int j = 0; j < 3; j++) {
                        ns[side][j] += got[j];
                    }
                }
            }
            for (int side = 0; side < 2; side++) {
                System.out.printf("round %d %s: cpu ms decode %d, marks %d, detect+extract %d, total %d; digest %s%n",
                        round, side == 0 ? "A" : "B", ns[side][0] / 1_000_000, ns[side][1] / 1_000_000,
                        ns[side][2] / 1_000_000, (ns[side][0] + ns[side][1] + ns[side][2]) / 1_000_000,
                        HexFormat.of().formatHex(md[side].digest()));
            }
        }
    }

    /** A class loader of one build's classes, test classes and dependencies (each side of an A/B run its own). */
    static URLClassLoader loaderOf(String classes, String testClasses, String deps) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of(classes).toUri().toURL());
        urls.add(Path.of(testClasses).toUri().toURL());
        for (String d : deps.split(File.pathSeparator)) {
            if (!d.isBlank()) {
                urls.add(Path.of(d).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static Method runner(String classes, String testClasses, String deps) throws Exception {
        Class<?> c = Class.forName("airlock.bench.ExtractDigest", true, loaderOf(classes, testClasses, deps));
        return c.getMethod("runChunk", String[].class, byte[][].class, long[].class, MessageDigest.class);
    }
}
