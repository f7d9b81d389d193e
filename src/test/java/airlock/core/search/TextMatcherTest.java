package airlock.core.search;

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
}
