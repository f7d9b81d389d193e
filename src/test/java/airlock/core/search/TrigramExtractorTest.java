package airlock.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrigramExtractorTest {

    private static TrigramQuery regex(String p) {
        return TrigramExtractor.of(SearchQuery.regex(p, "r"));
    }

    @Test
    void literalsRequireAllTheirTrigrams() {
        assertEquals("\"mal\" AND \"all\" AND \"llo\" AND \"loc\"",
                TrigramExtractor.of(SearchQuery.literal("malloc", "r")).toFts());
        assertEquals(TrigramQuery.ALL, TrigramExtractor.of(SearchQuery.literal("ab", "r")));
    }

    @Test
    void alternationsBecomeOrs() {
        String fts = regex("free|realloc").toFts();
        assertTrue(fts.contains(" OR "), fts);
        assertTrue(fts.contains("\"fre\""), fts);
        assertTrue(fts.contains("\"all\""), fts);
    }

    @Test
    void classesAndRepetitionsKeepWhatTheyCan() {
        assertNotEquals(TrigramQuery.ALL, regex("\\bmem[a-z]+ \\("));
        assertNotEquals(TrigramQuery.ALL, regex("str(cpy|cmp)"));
        assertNotEquals(TrigramQuery.ALL, regex("return\\s+NULL"));
        assertNotEquals(TrigramQuery.ALL, regex("(?i)error"));
    }

    @Test
    void patternsWithoutLiteralsScan() {
        assertEquals(TrigramQuery.ALL, regex("[0-9]{4}-[0-9]{2}"));
        assertEquals(TrigramQuery.ALL, regex("\\w+\\d"));
        assertEquals(TrigramQuery.ALL, regex("."));
        assertEquals(TrigramQuery.ALL, regex("(?x) a b c d"));
    }

    /**
     * Soundness: whenever a pattern matches a line, the line's trigrams (folded as the index folds
     * them) satisfy the pattern's trigram query. Random patterns from a small grammar over random
     * texts, so the property is checked on shapes nobody thought of.
     */
    @Test
    void theQueryIsNeverStricterThanThePattern() throws Exception {
        Random random = new Random(42);
        String[] atoms = {"a", "b", "ab", "abc", "[ab]", "[a-c]", ".", "\\w", "x", "(a|bc)", "(ab|c)?",
            "a*", "b+", "c{2}", "(abc)+", "\\b", "^", "$", "A", "(?i)b", "\\Qa.b\\E", "[^a]"};
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder p = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int j = 0; j < n; j++) {
                p.append(atoms[random.nextInt(atoms.length)]);
                if (random.nextInt(8) == 0) {
                    p.append('|');
                }
            }
            String pattern = p.toString().endsWith("|") ? p + "a" : p.toString();
            boolean ci = random.nextBoolean();
            SearchQuery query = SearchQuery.regex(pattern, "r").withIgnoreCase(ci);
            TextMatcher matcher;
            try {
                matcher = TextMatcher.compile(query);
            } catch (InvalidQueryException e) {
                continue;
            }
            TrigramQuery tq = TrigramExtractor.of(query);
            for (int t = 0; t < 20; t++) {
                String text = randomText(random);
                if (!matcher.matchLines(text, () -> false).isEmpty()) {
                    checked++;
                    assertTrue(satisfies(tq, grams(text)), "pattern " + pattern + " (ci=" + ci + ") matches '"
                            + text + "' but its trigram query " + tq.toFts() + " rejects it");
                }
            }
        }
        assertTrue(checked > 1000, "too few matching cases: " + checked);
    }

    private static String randomText(Random random) {
        String alphabet = "abcABCx.   ";
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(14);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static Set<String> grams(String text) {
        String folded = text.toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= folded.length(); i++) {
            out.add(folded.substring(i, i + 3));
        }
        return out;
    }

    private static boolean satisfies(TrigramQuery q, Set<String> grams) {
        if (q instanceof TrigramQuery.All) {
            return true;
        }
        if (q instanceof TrigramQuery.Gram g) {
            return grams.contains(g.gram().toLowerCase(Locale.ROOT));
        }
        if (q instanceof TrigramQuery.And and) {
            return and.parts().stream().allMatch(p -> satisfies(p, grams));
        }
        List<TrigramQuery> parts = ((TrigramQuery.Or) q).parts();
        return parts.stream().anyMatch(p -> satisfies(p, grams));
    }
}
