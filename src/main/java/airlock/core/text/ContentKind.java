package airlock.core.text;

/** How a blob is shown. Only {@link #TEXT} content is ever handed to a highlighter or parser. */
public enum ContentKind {
    /** Decoded text within the size limits: code view with highlighting. */
    TEXT,
    /** Decoded text too large (or with lines too long) to highlight: plain paged view with a notice. */
    LARGE_TEXT,
    /** Binary content (NUL bytes, known binary magic): hex view. */
    BINARY
}
