package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameTableTest {
    private static final List<String> NAMES = List.of("mutex_lock", "mutex_unlock", "MutexLock", "mtx_lck",
            "spin_lock_irqsave", "spinLockIrq", "kmalloc", "kmalloc_array", "__kmalloc", "k", "K", "KMALLOC",
            "a/b/kmalloc", "kmalloc/x", "x.y", "getHTTPServer", "m", "mm", "ab_ab_ab_ab_ab_ab_ab_ab_ab_ab_ab_ab_ab_ab_ab_ab_ab_ab",
            "größe", "Straße_lock", "\u212Aelvin", "İstanbul", "naïve_mutex", "_", "x_", "operator ==", "std::vector");

    /** The byte-level scorer must give exactly FuzzyMatcher's score for every name and query. */
    @Test
    void scoresAreFuzzyMatchersScores() {
        List<String> names = new ArrayList<>(NAMES);
        Random r = new Random(20);
        String alphabet = "abcdekmlxyzABKLM_/.-0";
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + r.nextInt(30); n > 0; n--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            names.add(b.toString());
        }
        names = new ArrayList<>(new java.util.LinkedHashSet<>(names)); // an index's names are unique
        NameTable.Loader l = new NameTable.Loader();
        for (int i = 0; i < names.size(); i++) {
            l.add(i + 1, names.get(i), i % 3 + 1);
        }
        NameTable table = l.build(0);
        List<String> queries = new ArrayList<>(List.of("m", "mu", "mut", "mutex", "mxlk", "ML", "k", "kmalloc",
                "KMALLOC", "a/", "/", "_", "x.", "ab", "abababababababababab", "größe", "k\u212A", "kelvin", "ı",
                "i", "ist", "lock", "==", "::", "zz_q"));
        for (int i = 0; i < 200; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + r.nextInt(6); n > 0; n--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            queries.add(b.toString());
        }
        for (String q : queries) {
            List<NameTable.Hit> all = table.search(q, names.size());
            List<String[]> expected = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                int s = FuzzyMatcher.score(q, names.get(i));
                if (s != FuzzyMatcher.NONE) {
                    expected.add(new String[] {names.get(i), Integer.toString(s)});
                }
            }
            expected.sort(Comparator.comparingInt((String[] e) -> -Integer.parseInt(e[1])).thenComparing(e -> e[0]));
            assertEquals(expected.stream().map(e -> e[0] + "=" + e[1]).toList(),
                    all.stream().map(h -> h.name() + "=" + h.score()).toList(), "query " + q);
            // a capped search (where names that cannot beat the kept hits are skipped) keeps the best rows in order
            for (int k : new int[] {1, 5, 20, 100}) {
                assertEquals(all.subList(0, Math.min(k, all.size())), table.search(q, k), "top " + k + " of " + q);
            }
        }
    }

    /** A name that grows when lowercased (U+0130 is two chars in lowercase) threw out of FuzzyMatcher. */
    @Test
    void namesThatGrowWhenLowercasedAreScoredNotThrown() {
        assertTrue(FuzzyMatcher.score("iii", "\u0130\u0130\u0130\u0130") != FuzzyMatcher.NONE);
        assertTrue(FuzzyMatcher.score("ii", "a/\u0130\u0130") != FuzzyMatcher.NONE);
        NameTable.Loader l = new NameTable.Loader();
        l.add(1, "\u0130\u0130\u0130\u0130", 1);
        assertEquals(1, l.build(0).search("iii", 10).size());
    }

    @Test
    void hitsCarryIdsAndDefinitionCounts() {
        NameTable.Loader l = new NameTable.Loader();
        l.add(7, "mutex_lock", 2);
        l.add(9, "größe_lock", 4);
        l.add(11, "unrelated", 1);
        NameTable t = l.build(42);
        assertEquals(42, t.stamp());
        assertEquals(3, t.size());
        List<NameTable.Hit> hits = t.search("lock", 10);
        // equal scores: name order
        assertEquals(List.of("größe_lock", "mutex_lock"), hits.stream().map(NameTable.Hit::name).toList());
        assertEquals(List.of(9L, 7L), hits.stream().map(NameTable.Hit::id).toList());
        assertEquals(List.of(4, 2), hits.stream().map(NameTable.Hit::definitions).toList());
        assertTrue(t.search("%_", 10).isEmpty());
        assertTrue(t.search("q", 10).isEmpty());
    }
}
