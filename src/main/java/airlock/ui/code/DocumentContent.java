package airlock.ui.code;

import airlock.core.text.TextPage;

/**
 * What a code view shows for one file: the text (or a hex dump) and how it came to be.
 *
 * @param text       the text to display (for {@link Kind#HEX} a dump of the first bytes)
 * @param kind       how the bytes were interpreted
 * @param shownBytes how many bytes of the file {@code text} represents
 * @param totalBytes the file's size
 * @param page       for a file too large to show whole, the page shown (its bytes are {@code shownBytes});
 *                   null when the text is the file's start
 */
public record DocumentContent(String text, Kind kind, long shownBytes, long totalBytes, TextPage page) {

    public DocumentContent(String text, Kind kind, long shownBytes, long totalBytes) {
        this(text, kind, shownBytes, totalBytes, null);
    }

    /** The file line of the text's first line, less one: what to add to a 0-based view line for the file's line. */
    public int lineOffset() {
        return page == null ? 0 : page.firstLine() - 1;
    }

    public enum Kind {
        /** UTF-8 text. */
        TEXT,
        /** Binary or not UTF-8: shown as a hex dump. */
        HEX,
        /** A symbolic link: the text is its target, never followed. */
        SYMLINK,
        /** A submodule: nothing to show but the commit it names. */
        SUBMODULE
    }

    /** True when only the first part of the file is shown, with no other pages to go to. */
    public boolean truncated() {
        return page == null && shownBytes < totalBytes;
    }
}
