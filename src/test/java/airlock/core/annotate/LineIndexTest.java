package airlock.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LineIndexTest {

    @Test
    void offsetsAndLinesRoundTrip() {
        LineIndex idx = new LineIndex("ab\ncde\n\nf");
        assertEquals(4, idx.lineCount());
        assertEquals("cde", idx.line(2));
        assertEquals("", idx.line(3));
        assertEquals(new TextRange(2, 2, 4, 2, 4, 9), idx.range(4, 9));
        assertEquals(4, idx.offsetOf(2, 2));
        assertEquals(2, idx.lineOf(3));
        assertEquals(1, idx.lineOf(2));
    }

    @Test
    void crlfKeepsCarriageReturnInTheLineAndEmptyTextHasOneLine() {
        LineIndex idx = new LineIndex("a\r\nb");
        assertEquals("a\r", idx.line(1));
        assertEquals(1, new LineIndex("").lineCount());
        assertEquals(2, new LineIndex("x\n").lineCount());
    }

    @Test
    void rangeEndingAtColumnOneDoesNotTouchThatLine() {
        TextRange r = TextRange.ofOffsets("ab\ncd\nef", 0, 6);
        assertEquals(3, r.endLine());
        assertEquals(1, r.endColumn());
        assertEquals(2, r.lineSpan());
    }

    @Test
    void rejectsOutOfRange() {
        LineIndex idx = new LineIndex("abc");
        assertThrows(IllegalArgumentException.class, () -> idx.range(2, 1));
        assertThrows(IllegalArgumentException.class, () -> idx.range(0, 4));
        assertThrows(IllegalArgumentException.class, () -> idx.offsetOf(1, 5));
        assertThrows(IllegalArgumentException.class, () -> idx.line(2));
        assertThrows(IllegalArgumentException.class, () -> new TextRange(0, 1, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TextRange(2, 1, 1, 1, 0, 0));
    }
}
