package airlock.ui.navigate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.search.LineMatch;
import airlock.core.search.MatchRange;
import airlock.core.search.SearchQuery;
import airlock.core.search.TextMatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Find in file without a toolkit: stepping, wrapping, the first step from the caret, limits, hostile patterns. */
class FindMatchesTest {
    private static FindMatches of(String text, String pattern, boolean regex) throws Exception {
        SearchQuery q = regex ? SearchQuery.regex(pattern, null) : SearchQuery.literal(pattern, null);
        return FindMatches.of(TextMatcher.compile(q).matchLinesWithin(text, () -> false).orElseThrow());
    }

    @Test
    void nextAndPreviousWrapAndTheFirstStepStartsAtTheCaret() throws Exception {
        FindMatches m = of("ab\nxx ab ab\nab", "ab", false);
        assertEquals(4, m.count());
        assertArrayEquals(new int[] {1, 6, 8}, m.step(true, 1, 4), "the first match at or after the caret");
        assertArrayEquals(new int[] {2, 0, 2}, m.step(true, 0, 0));
        assertArrayEquals(new int[] {0, 0, 2}, m.step(true, 0, 0), "wraps to the first");
        assertArrayEquals(new int[] {2, 0, 2}, m.step(false, 0, 0), "and back to the last");
        FindMatches back = of("ab\nxx ab ab\nab", "ab", false);
        assertArrayEquals(new int[] {1, 3, 5}, back.step(false, 1, 6), "going back: the last match before the caret");
        FindMatches wrap = of("ab\nxx ab ab\nab", "ab", false);
        assertArrayEquals(new int[] {0, 0, 2}, wrap.step(true, 5, 0), "nothing after the caret: the first");
    }

    @Test
    void noMatchesEmptyMatchesAndTheLimit() throws Exception {
        assertNull(of("abc", "x", false).step(true, 0, 0));
        assertEquals(0, of("abc", "x*", true).count(), "empty matches are not walked");
        List<LineMatch> lines = new ArrayList<>();
        for (int i = 1; i <= FindMatches.MAX_MATCHES + 5; i++) {
            lines.add(new LineMatch(i, "a", List.of(new MatchRange(0, 1))));
        }
        FindMatches many = FindMatches.of(lines);
        assertEquals(FindMatches.MAX_MATCHES, many.count());
        assertTrue(many.more());
    }

    @Test
    void aPathologicalPatternOnVendorTextIsStoppedNotRunForEver() throws Exception {
        // catastrophic backtracking: each start position tries 2^n splits of the a's
        String text = "a".repeat(40) + "!";
        TextMatcher m = TextMatcher.compile(SearchQuery.regex("(a|aa)+b", null));
        assertTrue(m.matchLinesWithin(text.repeat(2000), () -> false).isEmpty()
                || m.matchLinesWithin(text, () -> false).orElseThrow().isEmpty());
        assertTrue(TextMatcher.compile(SearchQuery.regex("(a|aa)+b", null)).matchLinesWithin(text, () -> true)
                .map(List::isEmpty).orElse(true), "a cancelled search gives nothing, not a partial answer as complete");
    }

    @Test
    void anInvalidPatternSaysSoInOneLine() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> TextMatcher.compile(SearchQuery.regex("mutex_(lock", null)));
        String line = FindBar.oneLine(e.getMessage());
        assertTrue(line.startsWith("Invalid regular expression: Unclosed group"), line);
        assertTrue(!line.contains("--regex") && !line.contains("\n"), line);
    }
}
