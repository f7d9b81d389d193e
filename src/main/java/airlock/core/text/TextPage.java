package airlock.core.text;

/**
 * One page of a text file too large to show whole: bytes {@code [startByte, endByte)} of a file of
 * {@code totalBytes}, whose first line is line {@code firstLine} (1-based) of the file. A page ends
 * after the last line end that fits; a line longer than a page is cut before a UTF-8 character and goes
 * on at the start of the next page, which then begins inside that line. Pages are found one after the
 * other, each from the bytes read at the previous one's end: nothing needs the whole file in memory.
 *
 * <p>A line longer than {@link #MAX_LINE_BYTES} is shown in pieces of that size, a page each, whatever
 * the file's size: JavaFX lays a line out whole, and a 1 MB line took 100–330 ms of the FX thread to
 * show, where a 64 KiB piece takes a few.
 *
 * @param index            0-based
 * @param lineEnds         how many line ends ({@code \n}) the page holds
 * @param startsInsideLine true when the page's first line began on the page before
 * @param endsInsideLine   true when the page's last line goes on on the next page
 */
public record TextPage(int index, long startByte, long endByte, long totalBytes, int firstLine, int lineEnds,
        boolean startsInsideLine, boolean endsInsideLine) {

    /** The biggest page the code view shows: 2 MiB. */
    public static final int PAGE_BYTES = 2 * 1024 * 1024;
    /** The longest piece of a line a page shows (64 KiB): longer lines are cut into pieces, a page each. */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    /** Read this many bytes more than a page, to see where the character at the cut begins. */
    public static final int LOOKAHEAD = 4;

    public TextPage {
        if (index < 0 || startByte < 0 || endByte <= startByte && totalBytes > 0 || totalBytes < endByte
                || firstLine < 1 || lineEnds < 0) {
            throw new IllegalArgumentException("not a page: " + index + " [" + startByte + ", " + endByte + ") of "
                    + totalBytes + " bytes from line " + firstLine);
        }
    }

    /** The first page, from the file's first {@code pageBytes + LOOKAHEAD} bytes (or all of it). */
    public static TextPage first(byte[] window, long totalBytes, int pageBytes) {
        return cut(0, 0, 1, false, window, totalBytes, pageBytes);
    }

    /**
     * The page after this one, from the {@code pageBytes + LOOKAHEAD} bytes read at {@link #endByte()}
     * (or all that is left); null after the last page.
     */
    public TextPage next(byte[] window, int pageBytes) {
        if (isLast()) {
            return null;
        }
        return cut(index + 1, endByte, endsInsideLine ? lastLine() : lastLine() + 1, endsInsideLine, window, totalBytes,
                pageBytes);
    }

    public boolean isLast() {
        return endByte >= totalBytes;
    }

    /**
     * The file line of the page's last line as shown: a page that ends with a line end (all but the
     * last) is shown without it, so it does not end on an empty line that belongs to the next page.
     */
    public int lastLine() {
        return firstLine + lineEnds - (dropsFinalLineEnd() ? 1 : 0);
    }

    /** Whether the page's final line end is left out of what is shown (see {@link #lastLine()}). */
    public boolean dropsFinalLineEnd() {
        return !isLast() && !endsInsideLine;
    }

    /** How many of the page's bytes are shown: all but a final line end that is left out. */
    public int shownBytes() {
        return (int) (endByte - startByte) - (dropsFinalLineEnd() ? 1 : 0);
    }

    /** Whether {@code line} (1-based) has text on this page. */
    public boolean contains(int line) {
        return line >= firstLine && line <= lastLine();
    }

    /** Whether the page shows only part of a line: a line too long for one page, or the end of a page's bytes. */
    public boolean cutsALine() {
        return startsInsideLine || endsInsideLine;
    }

    private static TextPage cut(int index, long start, int firstLine, boolean startsInside, byte[] window,
            long totalBytes, int pageBytes) {
        if (pageBytes < 1) {
            throw new IllegalArgumentException("a page needs at least one byte, not " + pageBytes);
        }
        if (window.length == 0) {
            throw new IllegalArgumentException("no bytes to show at byte " + start + " of " + totalBytes
                    + ": the file is shorter than its recorded size");
        }
        int end;
        boolean toTheEnd = start + window.length >= totalBytes && window.length <= pageBytes;
        int maxLine = Math.min(MAX_LINE_BYTES, pageBytes);
        int longLine = firstLongLine(window, toTheEnd ? window.length : Math.min(pageBytes, window.length), maxLine);
        if (longLine > 0) {
            // the lines before a line too long for one page make a page of their own
            end = longLine;
            toTheEnd = false;
        } else if (longLine == 0) {
            end = pieceEnd(window, maxLine);
            toTheEnd = false;
        } else if (toTheEnd) {
            end = window.length;
        } else {
            int limit = Math.min(pageBytes, window.length);
            end = lastLineEnd(window, limit) + 1;
            if (end == 0) {
                end = pieceEnd(window, limit);
            }
        }
        int lineEnds = 0;
        for (int i = 0; i < end; i++) {
            if (window[i] == '\n') {
                lineEnds++;
            }
        }
        boolean insideLine = !toTheEnd && window[end - 1] != '\n';
        return new TextPage(index, start, start + end, totalBytes, firstLine, lineEnds, startsInside, insideLine);
    }

    /** Where a line is cut after at most {@code limit} bytes: before a character, not inside one. */
    private static int pieceEnd(byte[] window, int limit) {
        int end = limit;
        while (end > limit - 3 && end < window.length && (window[end] & 0xC0) == 0x80) {
            end--;
        }
        return end;
    }

    /** Where the first line longer than {@code maxLine} bytes begins in {@code window[0, to)}, or -1. */
    private static int firstLongLine(byte[] window, int to, int maxLine) {
        int lineStart = 0;
        for (int i = 0; i < to; i++) {
            if (window[i] == '\n') {
                if (i - lineStart > maxLine) {
                    return lineStart;
                }
                lineStart = i + 1;
            }
        }
        return to - lineStart > maxLine ? lineStart : -1;
    }

    private static int lastLineEnd(byte[] window, int limit) {
        for (int i = limit - 1; i >= 0; i--) {
            if (window[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
