package airlock.core.export;

/**
 * What the room allows an export to carry. Until a room policy says otherwise, exports carry no
 * code at all: use {@link #none()}.
 *
 * @param snippetsAllowed whether the annotated code may be quoted
 * @param maxSnippetLines at most this many lines per quoted range (longer ones are cut, and say so)
 */
public record ExportPolicy(boolean snippetsAllowed, int maxSnippetLines) {

    public ExportPolicy {
        if (maxSnippetLines < 0) {
            throw new IllegalArgumentException("max snippet lines must not be negative: " + maxSnippetLines);
        }
        if (snippetsAllowed && maxSnippetLines == 0) {
            throw new IllegalArgumentException("snippets allowed with a limit of 0 lines: say none() instead");
        }
    }

    /** The default: no code in exports. */
    public static ExportPolicy none() {
        return new ExportPolicy(false, 0);
    }

    public static ExportPolicy snippets(int maxLines) {
        return new ExportPolicy(true, maxLines);
    }

    /**
     * The part of {@code text} this policy lets out, or null for none. A cut snippet ends with a
     * line saying how many lines were left out.
     */
    public String snippet(String text) {
        if (!snippetsAllowed || text == null) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        if (lines.length <= maxSnippetLines) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < maxSnippetLines; i++) {
            out.append(lines[i]).append('\n');
        }
        return out.append("[... ").append(lines.length - maxSnippetLines).append(" more lines cut by the room policy]").toString();
    }
}
