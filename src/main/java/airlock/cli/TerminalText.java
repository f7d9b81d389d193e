package airlock.cli;

/**
 * Makes repository text safe for a terminal. Control characters (except TAB), format characters
 * (bidi embeddings, overrides and isolates, zero-width characters, BOM, soft hyphen, tag
 * characters), line and paragraph separators, Hangul fillers and lone surrogates are written as
 * {@code ⟨U+202E⟩}, so escape sequences and Trojan Source reorderings never reach the terminal
 * raw. The opening bracket U+27E8 itself is written as {@code ⟨U+27E8⟩}, which keeps the notation
 * unambiguous. Everything else, including ordinary non-ASCII letters, is printed as is.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@link #escape} of {@code String.valueOf(value)}: for paths, names and messages of any type. */
    public static String of(Object value) {
        return escape(String.valueOf(value));
    }

    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (needsEscape(cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("⟨U+%04X⟩", cp));
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    static boolean needsEscape(int cp) {
        if (cp == '\t') {
            return false;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED:
                return true;
            default:
                break;
        }
        return cp == 0x27E8 || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x034F
                || cp == 0x180E || (cp >= 0x2061 && cp <= 0x2064);
    }
}
