package airlock.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextMatcherTest {

    private static List<LineMatch> find(SearchQuery q, String text) throws Exception {
        return TextMatcher.compile(q).matchLines(text, () -> false);
    }

    private static List<Integer> lines(SearchQuery q, String text) throws Exception {
        return find(q, text).stream().map(LineMatch::number).toList();
    }

    @Test
    void linesEndAtLfOnlyAndCrStaysInTheLine() throws Exception {
        List<LineMatch> found = find(SearchQuery.literal("foo", "r"), "foo\r\nbar\rfoo\nx");
        assertEquals(2, found.size());
        assertEquals("foo\r", found.get(0).text());
        assertEquals("bar\rfoo", found.get(1).text());
        assertEquals(List.of(new MatchRange(4, 7)), found.get(1).ranges());
    }

    @Test
    void dollarDoesNotMatchBeforeCr() throws Exception {
        assertEquals(List.of(2), lines(SearchQuery.regex("o$", "r"), "foo\r\nfoo\n"));
    }

    @Test
    void lastLineWithoutNewlineCountsAndThereIsNoPhantomLine() throws Exception {
        assertEquals(List.of(1, 2, 3), lines(SearchQuery.regex("^", "r"), "a\n\nb"));
        assertEquals(List.of(1, 2), lines(SearchQuery.regex("^", "r"), "a\nb\n"));
        assertEquals(List.of(), lines(SearchQuery.regex("^", "r"), ""));
        assertEquals(List.of(2), lines(SearchQuery.regex("^$", "r"), "a\n\nb\n"));
    }

    @Test
    void aPatternNeverMatchesAcrossLines() throws Exception {
        assertEquals(List.of(), lines(SearchQuery.regex("a\\s+b", "r"), "a\nb\n"));
        assertEquals(List.of(2), lines(SearchQuery.regex("a\\s+b", "r"), "a\na  b\n"));
    }

    @Test
    void everyMatchInALineIsReported() throws Exception {
        LineMatch line = find(SearchQuery.literal("ab", "r"), "xabab ab\n").get(0);
        assertEquals(List.of(new MatchRange(1, 3), new MatchRange(3, 5), new MatchRange(6, 8)), line.ranges());
    }

    @Test
    void wholeWordAndUnicodeCaseFolding() throws Exception {
        SearchQuery word = SearchQuery.literal("len", "r").withWholeWord(true);
        assertEquals(List.of(2, 4), lines(word, "strlen\nlen(x)\nlength\n(len)\n"));
        assertEquals(List.of(1), lines(SearchQuery.literal("ÉCOLE", "r").withIgnoreCase(true), "école\n"));
        assertEquals(List.of(1), lines(SearchQuery.literal("k", "r").withIgnoreCase(true), "\u212A\n"));
    }

    @Test
    void invalidRegexIsAClearQueryError() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> TextMatcher.compile(SearchQuery.regex("foo(bar", "r")));
        assertTrue(e.getMessage().contains("Invalid regular expression"), e.getMessage());
        assertEquals("search.query.invalid", e.code());
    }

    @Test
    void catastrophicBacktrackingIsStoppedByTheBudget() throws Exception {
        TextMatcher m = TextMatcher.compile(SearchQuery.regex("(.*a){12}b", "r"));
        String evil = "a".repeat(40) + "\n";
        BudgetedText.Stop stop = assertThrows(BudgetedText.Stop.class, () -> m.matchLines(evil, () -> false));
        assertTrue(stop.budget);
    }

    @Test
    void cancellationStopsARunningMatch() throws Exception {
        TextMatcher m = TextMatcher.compile(SearchQuery.regex("(.*a){12}b", "r"));
        String evil = "a".repeat(40);
        BudgetedText.Stop stop = assertThrows(BudgetedText.Stop.class, () -> m.matchLines(evil, () -> true));
        assertTrue(!stop.budget);
    }

    @Test
    void hugeLinesAreSearched() throws Exception {
        String huge = "x".repeat(5_000_000) + "needle" + "y".repeat(1_000_000);
        List<LineMatch> found = find(SearchQuery.regex("need+le", "r"), "a\n" + huge + "\n");
        assertEquals(2, found.get(0).number());
        assertEquals(5_000_000, found.get(0).ranges().get(0).start());
    }

    /**
     * Issue 20: a case-sensitive U+1F600 over a file with one U+20000 per line took 1.3 s at 25k lines,
     * 12.7 s at 100k, 64.8 s at 200k. Two causes, each pinned here by the work done, not by time: the
     * byte filter treated a supplementary character as "any character", so every line was a
     * candidate; and the literal search over the selected lines looked afresh from each line's start
     * to the end of the text, n lines costing n times the text.
     */
    @Test
    void anAstralLiteralOverLinesOfAnotherAstralCharacterIsLinear() throws Exception {
        int n = 200_000;
        String other = new String(Character.toChars(0x20000));
        String smiley = new String(Character.toChars(0x1F600));
        StringBuilder file = new StringBuilder(n * 3 + 8);
        for (int i = 0; i < n; i++) {
            file.append(other).append('\n');
        }
        file.append("x").append(smiley).append('\n');
        String text = file.toString();
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SearchQuery literal = SearchQuery.literal(smiley, "r");

        // the byte filter names the one line that holds U+1F600's four bytes, as literal and as regex
        int lastLineStart = bytes.length - 6;
        assertArrayEquals(new int[] {n + 1, lastLineStart, bytes.length - 1}, ByteFilter.of(literal).candidateLines(bytes));
        assertArrayEquals(new int[] {n + 1, lastLineStart, bytes.length - 1},
                ByteFilter.of(SearchQuery.regex("\\x{1F600}", "r")).candidateLines(bytes));
        assertArrayEquals(new int[] {n + 1, lastLineStart, bytes.length - 1},
                ByteFilter.of(SearchQuery.regex(smiley, "r")).candidateLines(bytes));

        // every line selected (as for a literal the filter cannot help with): within 4 steps per
        // character, where looking from each line's start to the end would take about n * n * 3 / 2
        int[] all = new int[n + 1];
        for (int i = 0; i < all.length; i++) {
            all[i] = i + 1;
        }
        String joined = text.substring(0, text.length() - 1);
        List<LineMatch> found = TextMatcher.compile(literal).matchSelectedLines(joined, all, 4L * joined.length(), () -> false);
        assertEquals(1, found.size());
        assertEquals(n + 1, found.get(0).number());
        assertEquals(List.of(new MatchRange(1, 3)), found.get(0).ranges());
        // and the same holds with a match on every line
        String everyLine = (smiley + "\n").repeat(n) + smiley;
        int[] each = new int[n + 1];
        for (int i = 0; i < each.length; i++) {
            each[i] = i + 1;
        }
        assertEquals(n + 1, TextMatcher.compile(literal).matchSelectedLines(everyLine, each, 4L * everyLine.length(),
                () -> false).size());
        // the whole-text path (a file the filter does not apply to, e.g. UTF-16) agrees
        assertEquals(List.of(n + 1), lines(literal, text));
    }
}
