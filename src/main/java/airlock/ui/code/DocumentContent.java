package airlock.ui.code;

/**
 * What a code view shows for one file: the text (or a hex dump) and how it came to be.
 *
 * @param text       the text to display (for {@link Kind#HEX} a dump of the first bytes)
 * @param kind       how the bytes were interpreted
 * @param shownBytes how many bytes of the file {@code text} represents
 * @param totalBytes the file's size
 */
public record DocumentContent(String text, Kind kind, long shownBytes, long totalBytes) {

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

    /** True when only the first part of the file is shown. */
    public boolean truncated() {
        return shownBytes < totalBytes;
    }
}
