package airlock.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the characters a reader cannot see but a compiler can (Trojan Source, CVE-2021-42574): bidi
 * controls, zero-width and invisible characters, a BOM not at offset 0, lone CR, U+2028/2029 and other
 * C0/C1 controls. Tab and LF are ordinary; CR is ordinary only directly before LF.
 */
public final class InvisibleChars {

    private InvisibleChars() {
    }

    /**
     * The kind of {@code cp} at {@code offset}, or null when it is an ordinary visible character. CR is
     * classified by {@link #scan}, which sees the next character; here it counts as a lone CR.
     */
    public static InvisibleKind classify(int cp, int offset) {
        if (cp == '\t' || cp == '\n') {
            return null;
        }
        if (cp == '\r') {
            return InvisibleKind.LONE_CR;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            return InvisibleKind.CONTROL;
        }
        if (cp < 0xAD) {
            return null;
        }
        if (cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)) {
            return InvisibleKind.BIDI_CONTROL;
        }
        if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060) {
            return InvisibleKind.ZERO_WIDTH;
        }
        if (cp == 0xFEFF) {
            return offset == 0 ? null : InvisibleKind.BOM;
        }
        if (cp == 0x2028 || cp == 0x2029) {
            return InvisibleKind.LINE_SEPARATOR;
        }
        if (cp == 0x00AD || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0
                || (cp >= 0x2061 && cp <= 0x2064) || cp == 0x180E || (cp >= 0xE0000 && cp <= 0xE007F)) {
            return InvisibleKind.INVISIBLE;
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return InvisibleKind.LONE_SURROGATE;
        }
        return null;
    }

    /** Every flagged character in {@code text}, in order. */
    public static List<TextFinding> scan(CharSequence text) {
        List<TextFinding> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = ++i;
                continue;
            }
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            int cp = Character.codePointAt(text, i);
            int len = Character.charCount(cp);
            InvisibleKind kind = classify(cp, i);
            if (cp == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                kind = null;
            }
            if (kind != null) {
                out.add(new TextFinding(i, len, line, i - lineStart + 1, cp, kind));
            }
            i += len;
        }
        return out;
    }

    /** True when {@code text} holds at least one flagged character (cheaper than a full scan). */
    public static boolean containsAny(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F || c == '\n' || c == '\t') {
                continue;
            }
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                continue;
            }
            int cp = Character.codePointAt(text, i);
            if (classify(cp, i) != null) {
                return true;
            }
            if (cp > 0xFFFF) {
                i++;
            }
        }
        return false;
    }

    /** {@code U+202E} style label. */
    public static String codeLabel(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    /** The visible token shown in place of {@code cp}: {@code ⟨U+202E⟩}. */
    public static String token(int cp) {
        return "\u27E8" + codeLabel(cp) + "\u27E9";
    }
}
