package airlock.core.text;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Flags identifiers that mix scripts (Latin with Cyrillic or Greek letters that look the same): the
 * homoglyph attack of CVE-2021-42694. Pure-ASCII text is skipped quickly.
 */
public final class Homoglyphs {
    private static final Map<Character, Character> TO_LATIN = Map.ofEntries(
            Map.entry('\u0410', 'A'), Map.entry('\u0412', 'B'), Map.entry('\u0415', 'E'), Map.entry('\u041A', 'K'),
            Map.entry('\u041C', 'M'), Map.entry('\u041D', 'H'), Map.entry('\u041E', 'O'), Map.entry('\u0420', 'P'),
            Map.entry('\u0421', 'C'), Map.entry('\u0422', 'T'), Map.entry('\u0425', 'X'), Map.entry('\u0430', 'a'),
            Map.entry('\u0435', 'e'), Map.entry('\u043E', 'o'), Map.entry('\u0440', 'p'), Map.entry('\u0441', 'c'),
            Map.entry('\u0443', 'y'), Map.entry('\u0445', 'x'), Map.entry('\u0456', 'i'), Map.entry('\u0458', 'j'),
            Map.entry('\u0455', 's'), Map.entry('\u0501', 'd'), Map.entry('\u0406', 'I'), Map.entry('\u0408', 'J'),
            Map.entry('\u0405', 'S'), Map.entry('\u0391', 'A'), Map.entry('\u0392', 'B'), Map.entry('\u0395', 'E'),
            Map.entry('\u0396', 'Z'), Map.entry('\u0397', 'H'), Map.entry('\u0399', 'I'), Map.entry('\u039A', 'K'),
            Map.entry('\u039C', 'M'), Map.entry('\u039D', 'N'), Map.entry('\u039F', 'O'), Map.entry('\u03A1', 'P'),
            Map.entry('\u03A4', 'T'), Map.entry('\u03A5', 'Y'), Map.entry('\u03A7', 'X'), Map.entry('\u03BF', 'o'),
            Map.entry('\u03BD', 'v'), Map.entry('\u03B9', 'i'), Map.entry('\u0261', 'g'));

    private Homoglyphs() {
    }

    /** Every mixed-script identifier in {@code text}. */
    public static List<HomoglyphFinding> scan(String text) {
        List<HomoglyphFinding> out = new ArrayList<>();
        int n = text.length();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = ++i;
                continue;
            }
            int cp = text.codePointAt(i);
            if (!Character.isUnicodeIdentifierStart(cp) && c != '_' && c != '$') {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean nonAscii = false;
            while (i < n) {
                int p = text.codePointAt(i);
                if (!Character.isUnicodeIdentifierPart(p) && p != '$') {
                    break;
                }
                nonAscii |= p >= 0x80;
                i += Character.charCount(p);
            }
            if (nonAscii) {
                HomoglyphFinding f = check(text, text.substring(start, i), start, line, start - lineStart + 1);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static HomoglyphFinding check(String text, String ident, int offset, int line, int column) {
        TreeSet<String> scripts = new TreeSet<>();
        StringBuilder folded = new StringBuilder(ident.length());
        ident.codePoints().forEach(p -> {
            UnicodeScript s = UnicodeScript.of(p);
            if (s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED && s != UnicodeScript.UNKNOWN) {
                scripts.add(s.name());
            }
            Character latin = p <= 0xFFFF ? TO_LATIN.get((char) p) : null;
            if (latin != null) {
                folded.append(latin.charValue());
            } else {
                folded.appendCodePoint(p);
            }
        });
        if (scripts.size() < 2) {
            return null;
        }
        String lookalike = folded.toString();
        boolean collides = !lookalike.equals(ident)
                && Pattern.compile("(?<![\\p{L}\\p{N}_$])" + Pattern.quote(lookalike) + "(?![\\p{L}\\p{N}_$])")
                        .matcher(text).find();
        return new HomoglyphFinding(offset, line, column, ident, List.copyOf(scripts), lookalike, collides);
    }
}
