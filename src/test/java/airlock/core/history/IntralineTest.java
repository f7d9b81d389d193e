package airlock.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntralineTest {
    @Test
    void marksOnlyTheChangedWord() {
        List<List<Span>> spans = Intraline.spans("return a + b;", "return a - b;");
        assertEquals(List.of(new Span(9, 10)), spans.get(0));
        assertEquals(List.of(new Span(9, 10)), spans.get(1));
    }

    @Test
    void insertionMarksOnlyTheNewSide() {
        List<List<Span>> spans = Intraline.spans("f(x)", "f(x, y)");
        assertEquals(List.of(), spans.get(0));
        assertEquals(List.of(new Span(3, 6)), spans.get(1));
    }

    @Test
    void emptyAndIdenticalLines() {
        assertEquals(List.of(List.of(), List.of()), Intraline.spans("", ""));
        assertEquals(List.of(List.of(), List.of()), Intraline.spans("same", "same"));
        assertEquals(List.of(List.of(), List.of(new Span(0, 3))), Intraline.spans("", "new"));
    }

    @Test
    void surrogatePairsAndBidiControlsStayWhole() {
        String left = "a \uD83D\uDE00 b";
        String right = "a \u202E b";
        List<List<Span>> spans = Intraline.spans(left, right);
        assertEquals(List.of(new Span(2, 4)), spans.get(0));
        assertEquals(List.of(new Span(2, 3)), spans.get(1));
    }

    @Test
    void hugeLinesAreMarkedWhole() {
        String left = "x ".repeat(600);
        String right = "y ".repeat(600);
        List<List<Span>> spans = Intraline.spans(left, right);
        assertEquals(List.of(new Span(0, left.length())), spans.get(0));
    }
}
