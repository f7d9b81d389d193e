package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The build's compact name → id table (issue 20: the map of String keys it replaced held 580 MB per kernel). */
class NameIdsTest {
    private static String randomName(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(24);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(40);
            if (kind == 0) {
                b.append('é');
            } else if (kind == 1) {
                b.appendCodePoint(0x1F600); // astral: two chars
            } else if (kind == 2) {
                b.append('_');
            } else {
                b.append((char) ('a' + r.nextInt(6))); // few letters: many names share hashes' low bits and prefixes
            }
        }
        return b.toString();
    }

    @Test
    void everyNameKeepsOneIdThroughGrowthAsAMapWould() {
        NameIds ids = new NameIds(1);
        Map<String, Long> expected = new HashMap<>();
        Random r = new Random(20);
        for (int round = 0; round < 400; round++) {
            String[] batch = new String[500];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = randomName(r);
            }
            long[] got = ids.idsOf(batch);
            for (int i = 0; i < batch.length; i++) {
                Long before = expected.putIfAbsent(batch[i], (long) expected.size() + 1);
                assertEquals(before == null ? expected.get(batch[i]) : before, got[i], batch[i]);
            }
        }
        assertEquals(expected.size(), ids.size());
        // read back after every rehash and growth of the character store
        List<String> all = new ArrayList<>(expected.keySet());
        long[] again = ids.idsOf(all.toArray(String[]::new));
        for (int i = 0; i < all.size(); i++) {
            assertEquals(expected.get(all.get(i)), again[i]);
        }
        assertEquals(expected.size(), ids.size(), "looking names up adds none");
    }

    @Test
    void namesWithTheSameHashStayApart() {
        NameIds ids = new NameIds(1);
        // "Aa" and "BB" share String.hashCode, and so does every string made of them
        long[] got = ids.idsOf(new String[] {"AaAa", "BBBB", "AaBB", "BBAa", "AaAa", ""});
        assertEquals(List.of(1L, 2L, 3L, 4L, 1L, 5L), java.util.Arrays.stream(got).boxed().toList());
    }

    @Test
    void namesLongerThanAPageAndNamesAroundThemKeepTheirIds() {
        NameIds ids = new NameIds(1);
        String narrow = "x".repeat(3 << 20); // longer than a page (256 KiB): a page of its own
        String wide = "\u4e2d".repeat((1 << 20) - 1); // two bytes per character: also over a page
        String[] names = {"a", narrow, "b", wide, "c", narrow + "y", "a"};
        long[] got = ids.idsOf(names);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 1L), java.util.Arrays.stream(got).boxed().toList());
        long[] again = ids.idsOf(new String[] {"c", new String(wide.toCharArray()), narrow, "b", "x".repeat(3 << 20)});
        assertEquals(List.of(5L, 4L, 2L, 3L, 2L), java.util.Arrays.stream(again).boxed().toList());
        String almost = "\u4e2d" + "x".repeat((1 << 20) - 3); // a wide name that differs only in its first character
        assertEquals(7L, ids.idsOf(new String[] {almost})[0]);
    }

    @Test
    void aResumedBuildKeepsTheIdsItHasAndContinuesAfterTheLargest() {
        NameIds ids = new NameIds(1);
        ids.put("mutex_lock", 7);
        ids.put("spin_lock", 3);
        long[] got = ids.idsOf(new String[] {"spin_lock", "kmalloc", "mutex_lock", "kfree"});
        assertEquals(List.of(3L, 8L, 7L, 9L), java.util.Arrays.stream(got).boxed().toList());
        assertThrows(IllegalStateException.class, () -> ids.put("kmalloc", 12), "a name listed twice is refused");
    }

    @Test
    void threadsResolvingTheSameNamesGetOneIdEach() throws Exception {
        NameIds ids = new NameIds(1);
        Random r = new Random(21);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            names.add(randomName(r));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, Long>>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                parts.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>(names);
                    java.util.Collections.shuffle(mine, new Random(seed));
                    Map<String, Long> seen = new HashMap<>();
                    for (int from = 0; from < mine.size(); from += 100) {
                        List<String> file = mine.subList(from, Math.min(mine.size(), from + 100));
                        long[] got = ids.idsOf(file.toArray(String[]::new));
                        for (int i = 0; i < got.length; i++) {
                            seen.put(file.get(i), got[i]);
                        }
                    }
                    return seen;
                }));
            }
            Map<String, Long> first = parts.get(0).get();
            for (Future<Map<String, Long>> p : parts) {
                assertEquals(first, p.get(), "every thread sees the same id for a name");
            }
            Set<Long> distinct = new HashSet<>(first.values());
            assertEquals(first.size(), distinct.size(), "no two names share an id");
            assertEquals(first.size(), ids.size());
            assertEquals(first.size(), java.util.Collections.max(distinct), "ids are dense: 1..n");
        } finally {
            pool.shutdownNow();
        }
    }
}
