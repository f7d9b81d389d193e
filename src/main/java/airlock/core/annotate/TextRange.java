package airlock.core.annotate;

/**
 * A character range in one decoded file. Offsets count UTF-16 code units from the start of the
 * text (what a Java string and the code view index); lines are split on {@code \n} only and are
 * 1-based; columns are 1-based UTF-16 code units (SARIF's default {@code columnKind}). Both ends
 * are exclusive at the end: {@code endOffset} and {@code endColumn} point just past the last
 * character, as SARIF regions do.
 */
public record TextRange(int startLine, int startColumn, int endLine, int endColumn, int startOffset, int endOffset) {

    public TextRange {
        if (startLine < 1 || startColumn < 1 || endLine < 1 || endColumn < 1) {
            throw new IllegalArgumentException("lines and columns start at 1: " + describe(startLine, startColumn, endLine, endColumn));
        }
        if (startOffset < 0 || endOffset < startOffset) {
            throw new IllegalArgumentException("offsets must satisfy 0 <= start <= end: " + startOffset + ".." + endOffset);
        }
        if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
            throw new IllegalArgumentException("range ends before it starts: " + describe(startLine, startColumn, endLine, endColumn));
        }
    }

    /** The range {@code [start, end)} of {@code text}, with lines and columns computed. */
    public static TextRange ofOffsets(String text, int start, int end) {
        return new LineIndex(text).range(start, end);
    }

    /** Number of characters covered. */
    public int length() {
        return endOffset - startOffset;
    }

    /** Number of lines the range touches (a range ending at column 1 of a line does not touch it). */
    public int lineSpan() {
        int last = endLine > startLine && endColumn == 1 ? endLine - 1 : endLine;
        return last - startLine + 1;
    }

    /** Short form for messages, e.g. {@code 12:5-14:2}. */
    public String label() {
        return describe(startLine, startColumn, endLine, endColumn);
    }

    private static String describe(int sl, int sc, int el, int ec) {
        return sl + ":" + sc + "-" + el + ":" + ec;
    }
}
