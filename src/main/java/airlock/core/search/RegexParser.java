package airlock.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses java.util.regex syntax (of a pattern that already compiled) into a {@link RegexNode} for
 * trigram extraction. Anything unusual is given up on by throwing {@link GiveUp}: the caller then
 * scans instead of using the index, which is slower but still complete.
 */
final class RegexParser {
    private static final int MAX_CLASS = 16;
    private final String src;
    private final boolean foldAll;
    /**
     * Whether {@code ^ $ \\A \\z} are kept as line anchors: not when the pattern turns a flag off
     * ({@code (?-d)} would make {@code $} match before a CR, {@code (?-m)} changes nothing on one line,
     * but any flag group with a minus is left alone).
     */
    private boolean anchors;
    private int pos;

    private RegexParser(String src, boolean foldAll) {
        this.src = src;
        this.foldAll = foldAll;
    }

    /** Parses {@code pattern}; {@code ignoreCase} folds letters and makes non-ASCII letters unknown. */
    static RegexNode parse(String pattern, boolean ignoreCase) {
        boolean inlineCase = inlineCase(pattern);
        if (pattern.matches("(?s).*\\(\\?[a-zA-Z-]*x.*")) {
            throw new GiveUp("comments mode");
        }
        RegexParser parser = new RegexParser(pattern, ignoreCase || inlineCase);
        parser.anchors = !pattern.matches("(?s).*\\(\\?[a-zA-Z]*-.*");
        RegexNode node = parser.alternation();
        if (parser.pos != pattern.length()) {
            throw new GiveUp("unbalanced");
        }
        return node;
    }

    private static boolean inlineCase(String pattern) {
        return pattern.matches("(?s).*\\(\\?[a-zA-Z]*i.*");
    }

    /**
     * Whether the nodes of {@code query} are case-folded (ASCII letters in lower case standing for
     * either case, no other letter known) rather than the query's own characters.
     */
    static boolean folds(SearchQuery query) {
        return query.ignoreCase() || (query.regex() && inlineCase(query.pattern()));
    }

    /** A literal string as a node (for literal queries). */
    static RegexNode literal(String text, boolean ignoreCase) {
        RegexParser parser = new RegexParser("", ignoreCase);
        List<RegexNode> parts = new ArrayList<>();
        text.codePoints().forEach(cp -> parts.add(parser.charNode(cp)));
        return new RegexNode.Concat(parts);
    }

    private RegexNode alternation() {
        List<RegexNode> alts = new ArrayList<>();
        alts.add(concatenation());
        while (pos < src.length() && src.charAt(pos) == '|') {
            pos++;
            alts.add(concatenation());
        }
        return alts.size() == 1 ? alts.get(0) : new RegexNode.Alt(alts);
    }

    private RegexNode concatenation() {
        List<RegexNode> parts = new ArrayList<>();
        while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
            parts.add(repetition());
        }
        return new RegexNode.Concat(parts);
    }

    private RegexNode repetition() {
        RegexNode atom = atom();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            int min;
            int max;
            if (c == '*') {
                min = 0;
                max = -1;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = -1;
                pos++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '{') {
                int close = src.indexOf('}', pos);
                if (close < 0) {
                    throw new GiveUp("brace");
                }
                String[] bounds = src.substring(pos + 1, close).split(",", -1);
                min = Integer.parseInt(bounds[0].trim());
                max = bounds.length == 1 ? min : bounds[1].isBlank() ? -1 : Integer.parseInt(bounds[1].trim());
                pos = close + 1;
            } else {
                break;
            }
            if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
                pos++;
            }
            atom = new RegexNode.Repeat(atom, min, max);
        }
        return atom;
    }

    private RegexNode atom() {
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        switch (cp) {
            case '(':
                return group();
            case '[':
                return charClass();
            case '.':
                return new RegexNode.AnyChar();
            case '^':
                return anchor(RegexNode.Empty.LINE_START);
            case '$':
                return anchor(RegexNode.Empty.LINE_END);
            case '\\':
                return escape();
            default:
                return charNode(cp);
        }
    }

    private RegexNode group() {
        boolean discard = false;
        if (src.startsWith("?", pos)) {
            pos++;
            if (src.startsWith("=", pos) || src.startsWith("!", pos)) {
                pos++;
                discard = true;
            } else if (src.startsWith("<=", pos) || src.startsWith("<!", pos)) {
                pos += 2;
                discard = true;
            } else if (src.startsWith("<", pos)) {
                pos = src.indexOf('>', pos) + 1;
            } else if (src.startsWith(":", pos) || src.startsWith(">", pos)) {
                pos++;
            } else {
                while (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '-')) {
                    pos++;
                }
                if (src.startsWith(")", pos)) {
                    pos++;
                    return new RegexNode.Empty();
                }
                expect(':');
            }
        }
        RegexNode inner = alternation();
        expect(')');
        return discard ? new RegexNode.Empty() : inner;
    }

    private RegexNode anchor(int kind) {
        return new RegexNode.Empty(anchors ? kind : 0);
    }

    private void expect(char c) {
        if (pos >= src.length() || src.charAt(pos) != c) {
            throw new GiveUp("expected " + c);
        }
        pos++;
    }

    private RegexNode escape() {
        char c = src.charAt(pos++);
        switch (c) {
            case 'Q': {
                int end = src.indexOf("\\E", pos);
                String quoted = end < 0 ? src.substring(pos) : src.substring(pos, end);
                pos = end < 0 ? src.length() : end + 2;
                return literal(quoted, foldAll);
            }
            case 'b':
                if (src.startsWith("{g}", pos)) {
                    pos += 3;
                }
                return new RegexNode.Empty();
            case 'A':
                return anchor(RegexNode.Empty.LINE_START);
            case 'z':
                return anchor(RegexNode.Empty.LINE_END);
            case 'B': case 'Z': case 'G':
                return new RegexNode.Empty();
            case 'd': case 'D': case 'w': case 'W': case 's': case 'S': case 'h': case 'H': case 'v': case 'V':
                return new RegexNode.AnyChar();
            case 'p': case 'P': case 'N':
                skipBraceOrOne();
                return new RegexNode.AnyChar();
            case 'R': case 'X':
                return new RegexNode.AnyString();
            case 'k':
                pos = src.indexOf('>', pos) + 1;
                return new RegexNode.AnyString();
            case 't': return charNode('\t');
            case 'n': return charNode('\n');
            case 'r': return charNode('\r');
            case 'f': return charNode('\f');
            case 'a': return charNode(7);
            case 'e': return charNode(27);
            case 'c': return charNode(src.charAt(pos++) ^ 64);
            case 'x': return charNode(hex());
            case 'u': {
                int v = Integer.parseInt(src.substring(pos, pos + 4), 16);
                pos += 4;
                return charNode(v);
            }
            case '0': {
                int v = 0;
                int digits = 0;
                while (pos < src.length() && digits < 3 && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'
                        && v * 8 + (src.charAt(pos) - '0') <= 0377) {
                    v = v * 8 + (src.charAt(pos++) - '0');
                    digits++;
                }
                return charNode(v);
            }
            default:
                if (c >= '1' && c <= '9') {
                    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                        pos++;
                    }
                    return new RegexNode.AnyString();
                }
                if (Character.isLetter(c)) {
                    throw new GiveUp("escape \\" + c);
                }
                pos--;
                int cp = src.codePointAt(pos);
                pos += Character.charCount(cp);
                return charNode(cp);
        }
    }

    private int hex() {
        if (src.startsWith("{", pos)) {
            int close = src.indexOf('}', pos);
            int v = Integer.parseInt(src.substring(pos + 1, close), 16);
            pos = close + 1;
            return v;
        }
        int v = Integer.parseInt(src.substring(pos, pos + 2), 16);
        pos += 2;
        return v;
    }

    private void skipBraceOrOne() {
        if (src.startsWith("{", pos)) {
            pos = src.indexOf('}', pos) + 1;
        } else {
            pos++;
        }
    }

    /**
     * A bracket class: a small set of known characters; else, for the byte filter, the ASCII
     * characters it may match and whether it may match others ({@link RegexNode.Class}); else one
     * unknown character. Every set is a superset of what java.util.regex matches: a negated class
     * always may match any non-ASCII character and only excludes the ASCII characters it names
     * itself (issue 20: {@code [^ -~\t]} as "any character" made 277,064 of the kernel's 354,667
     * candidate lines); under case folding an ASCII letter stands for both cases and for the
     * non-ASCII characters that fold to it, and a negated class excludes no letter.
     */
    private RegexNode charClass() {
        boolean negated = src.startsWith("^", pos);
        if (negated) {
            pos++;
        }
        Set<String> chars = new TreeSet<>();
        boolean unknown = negated;
        // the ASCII characters named (positive class: matched; negated class: excluded)
        long[] ascii = new long[2];
        boolean nonAscii = false;
        boolean opaque = false;
        boolean first = true;
        while (true) {
            if (pos >= src.length()) {
                throw new GiveUp("unterminated class");
            }
            char c = src.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            if (c == '[' || src.startsWith("&&", pos)) {
                throw new GiveUp("nested class");
            }
            char escaped = c == '\\' && pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
            int lo = classChar();
            if (lo < 0) {
                unknown = true;
                nonAscii = true;
                if (!negated) {
                    // a predefined class's ASCII members under UNICODE_CHARACTER_CLASS; any other: all
                    switch (escaped) {
                        case 'd' -> setRange(ascii, '0', '9');
                        case 'w' -> {
                            setRange(ascii, '0', '9');
                            setRange(ascii, 'A', 'Z');
                            setRange(ascii, 'a', 'z');
                            setRange(ascii, '_', '_');
                        }
                        case 's' -> {
                            setRange(ascii, '\t', '\r');
                            setRange(ascii, 0x1C, ' ');
                        }
                        default -> setRange(ascii, 0, 127);
                    }
                }
                continue;
            }
            int hi = lo;
            if (src.startsWith("-", pos) && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
                pos++;
                hi = classChar();
                if (hi < 0) {
                    throw new GiveUp("range to a class");
                }
            }
            if (lo < 128) {
                setRange(ascii, lo, Math.min(hi, 127));
            }
            if (hi >= 128) {
                nonAscii = true;
                // under folding a non-ASCII character may stand for an ASCII letter (KELVIN SIGN, k)
                opaque |= foldAll && !negated;
            }
            if (hi - lo >= MAX_CLASS) {
                unknown = true;
                continue;
            }
            for (int cp = lo; cp <= hi && !unknown; cp++) {
                RegexNode node = charNode(cp);
                if (node instanceof RegexNode.Chars known) {
                    chars.addAll(known.chars());
                } else {
                    unknown = true;
                }
            }
        }
        if (!unknown && chars.size() <= MAX_CLASS && !chars.isEmpty()) {
            return new RegexNode.Chars(chars);
        }
        if (foldAll) {
            long letters = 0;
            for (int l = 'A'; l <= 'Z'; l++) {
                letters |= 1L << (l - 64) | 1L << (l + 32 - 64);
            }
            if (negated) {
                // no letter is excluded: either case of it, or a character folding to it, may match
                ascii[1] &= ~letters;
            } else if ((ascii[1] & letters) != 0) {
                ascii[1] |= letters;
                nonAscii = true;
            }
        }
        if (negated) {
            return new RegexNode.Class(~ascii[0], ~ascii[1], true);
        }
        if (opaque || (ascii[0] == 0 && ascii[1] == 0 && !nonAscii)) {
            return new RegexNode.AnyChar();
        }
        return new RegexNode.Class(ascii[0], ascii[1], nonAscii);
    }

    private static void setRange(long[] set, int lo, int hi) {
        for (int c = lo; c <= hi; c++) {
            set[c >> 6] |= 1L << (c & 63);
        }
    }

    /** One class member: a code point, or -1 for a predefined class such as \d. */
    private int classChar() {
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        if (cp != '\\') {
            return cp;
        }
        RegexNode node = escape();
        if (node instanceof RegexNode.Chars known && known.chars().size() == 1) {
            String s = known.chars().iterator().next();
            return s.codePointAt(0);
        }
        return -1;
    }

    /**
     * One known character: itself, or under case folding an ASCII letter in lower case (standing
     * for either case); a non-ASCII character under case folding is unknown.
     */
    RegexNode charNode(int cp) {
        if (cp < 128) {
            return new RegexNode.Chars(Set.of(String.valueOf((char) (foldAll ? Character.toLowerCase(cp) : cp))));
        }
        // U+FFFD also stands for invalid bytes, which the index and the byte filter see raw; a lone
        // surrogate has no UTF-8 form. A supplementary character (U+1F600) is known: decoding makes
        // it only from its own four-byte UTF-8 form (Java's decoder refuses encoded surrogates), so
        // its bytes are what the index and the byte filter must see.
        if (cp == 0xFFFD || cp > Character.MAX_CODE_POINT
                || (!Character.isSupplementaryCodePoint(cp) && Character.isSurrogate((char) cp))) {
            return new RegexNode.AnyChar();
        }
        if (foldAll) {
            return FOLDED.computeIfAbsent(cp, RegexParser::foldSet);
        }
        return new RegexNode.Chars(Set.of(new String(Character.toChars(cp))));
    }

    private static final java.util.Map<Integer, RegexNode> FOLDED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A non-ASCII character under Java's Unicode case-insensitive matching: every character c with
     * {@code toLowerCase(toUpperCase(c)) == toLowerCase(toUpperCase(cp))}, and that value itself (the
     * test of java.util.regex's case-insensitive slices and single characters; issue 20: MICRO SIGN
     * is also GREEK SMALL and CAPITAL MU, and as "any character" it made half the kernel's lines
     * candidates of {@code -i µs}). Any character when the set holds an ASCII character (the
     * folded ASCII letters have their own variants), U+FFFD, a supplementary character (a folded
     * trigram is spelled out one UTF-16 unit at a time), or more than eight characters.
     */
    private static RegexNode foldSet(int cp) {
        int lower = Character.toLowerCase(Character.toUpperCase(cp));
        Set<String> set = new java.util.HashSet<>();
        set.add(new String(Character.toChars(lower)));
        set.add(new String(Character.toChars(cp)));
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c <= 0xFFFF && Character.isSurrogate((char) c)) {
                continue;
            }
            if (Character.toLowerCase(Character.toUpperCase(c)) == lower) {
                if (c < 128 || c == 0xFFFD || Character.isSupplementaryCodePoint(c)) {
                    return new RegexNode.AnyChar();
                }
                set.add(new String(Character.toChars(c)));
            }
        }
        if (lower < 128 || lower == 0xFFFD || Character.isSupplementaryCodePoint(cp)
                || Character.isSupplementaryCodePoint(lower) || set.size() > 8) {
            return new RegexNode.AnyChar();
        }
        return new RegexNode.Chars(Set.copyOf(set));
    }

    /** The pattern could not be analysed; the search scans instead. */
    static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp(String why) {
            super(why, null, false, false);
        }
    }
}
