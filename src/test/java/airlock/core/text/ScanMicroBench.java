package airlock.core.text;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark harness (not a unit test): on the texts of a folder held in memory, old and new alternating
 * five times so a shared machine's load falls on both: Decoder.longestLine against the character loop it
 * replaced, and InvisibleChars.containsAny against the same loop (a copy; a block-copying variant measured
 * 2.5x slower than it on the kernel and was dropped, so the two columns show the harness's own spread).
 * Usage: ScanMicroBench <folder> [maxFiles]
 */
public final class ScanMicroBench {
    private ScanMicroBench() {
    }

    public static void main(String[] args) throws Exception {
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        List<String> texts = new ArrayList<>();
        long chars = 0;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            for (Path p : (Iterable<Path>) s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted()::iterator) {
                if (texts.size() == max) {
                    break;
                }
                String t = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                texts.add(t);
                chars += t.length();
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("%d texts, %d chars%n", texts.size(), chars);
        for (int round = 0; round < 5; round++) {
            long[] ns = new long[4];
            int[] check = new int[4];
            for (int which = 0; which < 4; which++) {
                long c0 = mx.getCurrentThreadCpuTime();
                for (String t : texts) {
                    check[which] += switch (which) {
                        case 0 -> oldContainsAny(t) ? 1 : 0;
                        case 1 -> InvisibleChars.containsAny(t) ? 1 : 0;
                        case 2 -> oldLongestLine(t);
                        default -> Decoder.longestLine(t);
                    };
                }
                ns[which] = mx.getCurrentThreadCpuTime() - c0;
            }
            System.out.printf("round %d: containsAny copy %d ms current %d ms (flagged %d/%d); longestLine old %d ms new %d ms"
                    + " (sum %d/%d)%n", round, ns[0] / 1_000_000, ns[1] / 1_000_000, check[0], check[1],
                    ns[2] / 1_000_000, ns[3] / 1_000_000, check[2], check[3]);
        }
    }

    private static boolean oldContainsAny(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F || c == '\n' || c == '\t') {
                continue;
            }
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                continue;
            }
            int cp = Character.codePointAt(text, i);
            if (InvisibleChars.classify(cp, i) != null) {
                return true;
            }
            if (cp > 0xFFFF) {
                i++;
            }
        }
        return false;
    }

    private static int oldLongestLine(String text) {
        int longest = 0;
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                longest = Math.max(longest, i - start);
                start = i + 1;
            }
        }
        return Math.max(longest, n - start);
    }
}
