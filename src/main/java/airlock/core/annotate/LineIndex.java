package airlock.core.annotate;

import java.util.Arrays;

/** Line starts of one text, to turn offsets into line/column and back. Lines end at {@code \n}. */
public final class LineIndex {
    private final String text;
    private final int[] starts;
    private final int count;

    public LineIndex(String text) {
        this.text = text;
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        this.starts = s;
        this.count = n;
    }

    public String text() {
        return text;
    }

    /** Number of lines; an empty text and a text ending in a newline both have a last, empty line. */
    public int lineCount() {
        return count;
    }

    /** Offset of the first character of 1-based {@code line}. */
    public int lineStart(int line) {
        checkLine(line);
        return starts[line - 1];
    }

    /** Offset just past the last character of {@code line}, before its newline. */
    public int lineEnd(int line) {
        checkLine(line);
        return line == count ? text.length() : starts[line] - 1;
    }

    /** The text of {@code line} without its newline. */
    public String line(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    /** 1-based line holding {@code offset} (an offset equal to the length is on the last line). */
    public int lineOf(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
        }
        int i = Arrays.binarySearch(starts, 0, count, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The range {@code [start, end)} with lines and columns. */
    public TextRange range(int start, int end) {
        if (start < 0 || end < start || end > text.length()) {
            throw new IllegalArgumentException("range " + start + ".." + end + " outside 0.." + text.length());
        }
        int sl = lineOf(start);
        int el = lineOf(end);
        return new TextRange(sl, start - starts[sl - 1] + 1, el, end - starts[el - 1] + 1, start, end);
    }

    /** The offset of 1-based {@code line} and {@code column}; fails when the column is past the line's end. */
    public int offsetOf(int line, int column) {
        int start = lineStart(line);
        if (column < 1 || start + column - 1 > lineEnd(line)) {
            throw new IllegalArgumentException("column " + column + " outside line " + line);
        }
        return start + column - 1;
    }

    private void checkLine(int line) {
        if (line < 1 || line > count) {
            throw new IllegalArgumentException("line " + line + " outside 1.." + count);
        }
    }
}
