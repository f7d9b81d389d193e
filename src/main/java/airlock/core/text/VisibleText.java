package airlock.core.text;

/**
 * Makes characters that a reader cannot see, or that reorder what they see, visible as
 * {@code ⟨U+202E⟩}. Used for names (paths, refs, labels) before they reach a label or a tab.
 * The full Trojan-Source detection for code lives elsewhere in this package; this class only
 * escapes.
 */
public final class VisibleText {
    private static final char OPEN = '\u27E8';
    private static final char CLOSE = '\u27E9';

    private VisibleText() {
    }

    /** {@code text} with every invisible, control or bidi code point (and the bracket itself) escaped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean lone = Character.isSurrogate(text.charAt(i)) && Character.charCount(cp) == 1;
            if (lone || needsEscape(cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(OPEN).append(String.format("U+%04X", cp)).append(CLOSE);
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** True for code points that must never be rendered as they are in a name. */
    public static boolean needsEscape(int cp) {
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            return true; // C0, DEL, C1
        }
        if (cp == OPEN || cp == CLOSE) {
            return true; // so an escape cannot be forged by the name itself
        }
        return switch (Character.getType(cp)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
            default -> isInvisibleFiller(cp);
        };
    }

    private static boolean isInvisibleFiller(int cp) {
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
                || cp == 0x034F                                               // combining grapheme joiner
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
                || cp == 0x2800                                               // braille blank
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x00A0 || cp == 0x3000 || cp == 0x202F
                || cp == 0x205F || cp == 0x1680;                             // spaces that are not U+0020
    }
}
