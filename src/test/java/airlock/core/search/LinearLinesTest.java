package airlock.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The linear matcher for long ASCII lines (RE2/J) gives exactly java.util.regex's matches where it
 * is used, is not used where the meaning could differ, and keeps a quadratic case linear.
 */
class LinearLinesTest {
    private static final int FLAGS = Pattern.UNIX_LINES | Pattern.MULTILINE | Pattern.UNICODE_CHARACTER_CLASS;

    /** Patterns the translation takes: every one is compared with java.util.regex on random lines. */
    private static final List<String> TAKEN = List.of(
            "a", "ab+", "a\\w*c", "(ab)*c", "(a+)+b", "(a|aa)*b", "(\\w+)*!", "a*", "a*?", "(a|ab)(c|bcd)",
            "\\bab\\b", "\\Bb", "^a", "c$", "^$", "^", "$", "\\s+", "\\S+", "[\\s!]+", "[^\\s]+", "[^a-c]{2,3}",
            "\\d+\\.\\d*", "[0-9]{2}", "x{0}", "a{2,}", "a{1,3}?", ".", ".*", "(?:ab|a)b?", "(?i)AB", "(?i:B)c",
            "[\\w-]+", "[-a]", "[a^]", "\\]", "[\\]\\[]", "\\(", "b|", "|a", "(|a)+", "a\\tb",
            "[\\t ]", "_\\W", "\\D\\d", "(a*)*b", "(a*)+$", "a.c", "\\.", "\\{", "}", "]");
    private static final List<String> REFUSED = List.of(
            "(?=a)", "(?<!a)b", "(a)\\1", "a*+", "a++", "a?+", "a{2}+", "\\p{L}", "\\x41", "\\Qa\\E", "(?<n>a)",
            "é", "[a&&b]", "[a[b]]", "\\v", "\\h", "\\R", "\\A", "\\z", "\\G", "\\0", "(?x)a b", "(?s).", "\\u0041",
            "[]a]", "a**", "\\e", "[\\b]", "[\\S]", "\u00e9+", "a\u0000");

    @Test
    void translatesOnlyWhatMeansTheSame() {
        for (String p : TAKEN) {
            assertNotNull(LinearLines.of(SearchQuery.regex(p, "r")), p);
        }
        for (String p : REFUSED) {
            assertNull(LinearLines.translate(SearchQuery.regex(p, "r")), p);
        }
        // whole-word queries are wrapped in look-arounds; non-ASCII literals fold differently
        assertNull(LinearLines.of(SearchQuery.literal("ab", "r").withWholeWord(true)));
        assertNull(LinearLines.of(SearchQuery.literal("j\u00f6rg", "r").withIgnoreCase(true)));
        assertEquals("(?i)a\\.b\\*", LinearLines.translate(SearchQuery.literal("a.b*", "r").withIgnoreCase(true)));
        assertEquals("[\\t\\n\\x0B\\f\\r ]x[^\\t\\n\\x0B\\f\\r ]",
                LinearLines.translate(SearchQuery.regex("\\sx\\S", "r")));
    }

    @Test
    void longAsciiLinesMatchExactlyAsJavaUtilRegex() throws Exception {
        Random random = new Random(20);
        String alphabet = "aabbc !_1\t.\u000b-]{";
        List<String> queries = new ArrayList<>(TAKEN);
        for (String p : TAKEN) {
            queries.add("(?i)" + p.replace("(?i)", ""));
        }
        for (int round = 0; round < 6; round++) {
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < 6; line++) {
                int len = line % 2 == 0 ? 256 + random.nextInt(600) : random.nextInt(40);
                for (int i = 0; i < len; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                text.append('\n');
            }
            if (round % 2 == 1) {
                text.setLength(text.length() - 1);
            }
            String t = text.toString();
            for (String p : queries) {
                SearchQuery q = SearchQuery.regex(p, "r");
                List<LineMatch> expected = javaLines(Pattern.compile(p, FLAGS), t);
                assertEquals(expected, TextMatcher.compile(q).matchLines(t, () -> false), "pattern " + p + " round " + round);
                // and RE2/J alone on every line (the matcher above hands a line over only when
                // java.util.regex takes too long on it)
                assertEquals(expected, linearLines(LinearLines.of(q), t), "RE2/J, pattern " + p + " round " + round);
            }
            for (String lit : List.of("a", "AB", "b c", ".", "]{")) {
                SearchQuery q = SearchQuery.literal(lit, "r").withIgnoreCase(true);
                assertEquals(javaLines(Pattern.compile(Pattern.quote(lit), FLAGS | Pattern.CASE_INSENSITIVE
                        | Pattern.UNICODE_CASE), t), TextMatcher.compile(q).matchLines(t, () -> false), lit);
            }
        }
    }

    @Test
    void aNonAsciiLongLineStaysWithJavaUtilRegex() throws Exception {
        // java.util.regex's \\w is Unicode (RE2's would stop before the \u00e9): the line is not ASCII, so it stays
        String line = "a".repeat(300) + "\u00e9";
        SearchQuery q = SearchQuery.regex("\\w+", "r");
        assertEquals(List.of(new LineMatch(1, line, List.of(new MatchRange(0, 301)))),
                TextMatcher.compile(q).matchLines(line, () -> false));
    }

    @Test
    void backtrackingPatternsOnOneLongLineAreLinear() throws Exception {
        // one 4 MB word then " c": java.util.regex tries every start position to the end of the word
        // (about 4 * 10^12 steps for a\w*c); within 40 steps per character here, all of it
        int n = 2_000_000;
        String line = "ab".repeat(n) + " c";
        int[] one = {1};
        long budget = 40L * line.length();
        List<LineMatch> found = TextMatcher.compile(SearchQuery.regex("(ab)*c", "r"))
                .matchSelectedLines(line, one, budget, () -> false);
        assertEquals(1, found.size());
        assertEquals(List.of(new MatchRange(2 * n + 1, 2 * n + 2)), found.get(0).ranges());
        assertEquals(List.of(), TextMatcher.compile(SearchQuery.regex("a\\w*c", "r"))
                .matchSelectedLines(line, one, budget, () -> false));
        // the whole-text path too (a file the byte filter does not apply to)
        assertEquals(1, TextMatcher.compile(SearchQuery.regex("(ab)*c", "r")).matchLines("x\n" + line, () -> false).size());
        // and cancellation still reaches it
        assertThrows(BudgetedText.Stop.class, () -> TextMatcher.compile(SearchQuery.regex("a\\w*c", "r"))
                .matchSelectedLines(line, one, budget, () -> true));
    }

    private static List<LineMatch> linearLines(LinearLines linear, String text) {
        List<LineMatch> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            Ranges ranges = new Ranges();
            linear.find(lines[i], 0, lines[i].length(), ranges);
            if (!ranges.isEmpty()) {
                out.add(new LineMatch(i + 1, lines[i], ranges));
            }
        }
        return out;
    }

    /** The reference: java.util.regex alone, each line a region of the text seeing nothing beyond it, as rg's lines. */
    private static List<LineMatch> javaLines(Pattern pattern, String text) {
        List<LineMatch> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        Matcher m = pattern.matcher(text).useAnchoringBounds(false).useTransparentBounds(false);
        int start = 0;
        for (int i = 0; i < count; i++) {
            m.region(start, start + lines[i].length());
            List<MatchRange> ranges = new ArrayList<>();
            while (m.find()) {
                ranges.add(new MatchRange(m.start() - start, m.end() - start));
            }
            if (!ranges.isEmpty()) {
                out.add(new LineMatch(i + 1, lines[i], ranges));
            }
            start += lines[i].length() + 1;
        }
        return out;
    }
}
