package airlock.core.export;

/**
 * Makes invisible and direction-changing characters visible as {@code <U+202E>} tokens (the way
 * GCC prints them), so text from the repository cannot reorder or hide what a report shows
 * (Trojan Source, CVE-2021-42574). Tab and newline stay; everything else listed in
 * {@link #isSuspicious(int)} is replaced.
 */
public final class VisibleText {
    private VisibleText() {
    }

    /** {@code text} with every suspicious code point replaced by its {@code <U+XXXX>} token. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isSuspicious(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isSuspicious(cp)) {
                out.append(token(cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** {@code <U+202E>}. */
    public static String token(int codePoint) {
        return String.format("<U+%04X>", codePoint);
    }

    /**
     * Bidi controls (U+061C, 200E, 200F, 202A–202E, 2066–2069), zero-width and invisible characters
     * (200B–200D, 2060–2064, FEFF, 00AD, 034F, 180E, Hangul fillers 115F, 1160, 3164, FFA0), tag
     * characters (E0000–E007F), variation selectors, line/paragraph separators (2028, 2029), C0 controls
     * except tab and newline (so a lone CR is shown), DEL and C1 controls, unpaired surrogates.
     */
    public static boolean isSuspicious(int cp) {
        if (cp < 0x20) {
            return cp != '\t' && cp != '\n';
        }
        if (cp < 0x7F) {
            return false;
        }
        return cp <= 0x9F
                || cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160 || cp == 0x180E
                || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x2028 && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2069)
                || cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xFFF9 && cp <= 0xFFFB)
                || (cp >= 0xD800 && cp <= 0xDFFF)
                || (cp >= 0xE0000 && cp <= 0xE007F)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }
}
