package airlock.core.text;

/**
 * Size thresholds for the views. Defaults follow the measurements in DESIGN.md: RichTextFX paints a
 * 24 MB plain file in about 2 s, so anything past {@code plainBytes} is paged, and highlighting stops at
 * {@code highlightBytes} or at lines longer than {@code longLineChars}.
 *
 * @param highlightBytes  largest file that gets syntax highlighting
 * @param parserBytes     largest file handed to the full parser (tree-sitter); bigger ones use the lexer
 * @param longLineChars   a line longer than this turns highlighting off for the file
 * @param sniffBytes      how many leading bytes are examined for binary content
 */
public record ContentLimits(long highlightBytes, long parserBytes, int longLineChars, int sniffBytes) {

    public static final ContentLimits DEFAULT = new ContentLimits(4L << 20, 1L << 20, 20_000, 8192);

    public ContentLimits {
        if (highlightBytes <= 0 || parserBytes <= 0 || longLineChars <= 0 || sniffBytes <= 0) {
            throw new IllegalArgumentException("content limits must be positive");
        }
    }
}
