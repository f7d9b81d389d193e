package airlock.core.quote;

/**
 * Code of one source file found in one text.
 *
 * @param path            the file in the reviewed tree
 * @param tokens          tokens of the text that are part of runs found in the file
 * @param sourceLines     distinct lines of the file those runs cover (what the quotas count)
 * @param firstSourceLine first line of the file quoted
 * @param lastSourceLine  last line of the file quoted
 * @param textLines       the text's lines (1-based, ascending) that carry the quote
 * @param via             the encoding the quote was hidden in, or null when it was plain text
 */
public record QuotedFile(String path, int tokens, int sourceLines, int firstSourceLine, int lastSourceLine, int[] textLines,
                         EncodedText.Kind via) {
    public QuotedFile {
        textLines = textLines.clone();
    }

    @Override
    public int[] textLines() {
        return textLines.clone();
    }

    /** "drivers/net/foo.c lines 10–209 (200 lines, 1520 tokens, decoded from Base64)", for people. */
    public String describe() {
        return airlock.core.text.VisibleText.escape(path) + " lines " + firstSourceLine + "–" + lastSourceLine + " (" + sourceLines
                + " lines, " + tokens + " tokens" + (via == null ? "" : ", decoded from " + via.label()) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuotedFile q && q.path.equals(path) && q.tokens == tokens && q.sourceLines == sourceLines
                && q.firstSourceLine == firstSourceLine && q.lastSourceLine == lastSourceLine
                && java.util.Arrays.equals(q.textLines, textLines) && q.via == via;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(path, tokens, sourceLines, firstSourceLine, via) * 31 + java.util.Arrays.hashCode(textLines);
    }
}
