package airlock.core.search;

/**
 * A linear-time matcher (RE2/J, an automaton simulation: time proportional to the line's length
 * times the pattern's size, whatever the pattern) for long lines of ASCII text, where
 * java.util.regex can backtrack quadratically: {@code a\w*c} or {@code (ab)*c} over one 4 MB word
 * tries every start position to the end of the word (issue 20).
 *
 * <p>Only for queries whose meaning is the same in both engines on ASCII text, checked by a strict
 * translation of the Java pattern: ASCII characters, escapes of punctuation, {@code \t \n \r \f},
 * {@code \w \W \d \D \b \B} (on ASCII text Java's Unicode classes are RE2's ASCII ones),
 * {@code \s \S} spelled out as Java's Unicode whitespace on ASCII ({@code [\t\n\x0B\f\r ]}: RE2's
 * {@code \s} lacks the vertical tab), bracket classes of such members (no nesting, union or
 * intersection), groups {@code (...)} and {@code (?:...)}, {@code (?i)}, greedy and lazy
 * quantifiers, {@code . ^ $ |}. Anything else (look-around, back-references, possessive
 * quantifiers, {@code \p}, {@code \x}, {@code \Q}, named groups, non-ASCII characters, whole-word
 * queries, which wrap the pattern in look-arounds) gives no linear matcher and java.util.regex
 * keeps every line. The line must be ASCII too: Unicode classes and case folding differ beyond it.
 * {@code LinearLinesTest} compares the two engines' match ranges on random lines.
 */
final class LinearLines {
    /** Lines at least this long may go to the linear matcher (shorter ones are cheap even when quadratic). */
    static final int LONG_LINE = 256;
    /**
     * java.util.regex is tried first on such a line (several times faster than RE2/J where it does not
     * backtrack, e.g. a match at every position); past this many steps per character of the line, the
     * line is matched again here.
     */
    static final int JAVA_STEPS_PER_CHAR = 32;
    private static final String SPACE = "\\t\\n\\x0B\\f\\r ";
    private final com.google.re2j.Pattern pattern;

    private LinearLines(com.google.re2j.Pattern pattern) {
        this.pattern = pattern;
    }

    /** The linear matcher for {@code query}, or null when its meaning might differ from java.util.regex's. */
    static LinearLines of(SearchQuery query) {
        String source = translate(query);
        if (source == null) {
            return null;
        }
        try {
            return new LinearLines(com.google.re2j.Pattern.compile(source));
        } catch (RuntimeException e) {
            // RE2 refuses it (e.g. a repetition over 1000): java.util.regex keeps it
            return null;
        }
    }

    /** The RE2 syntax of {@code query}, or null when the translation is not known to be exact. */
    static String translate(SearchQuery query) {
        String p = query.pattern();
        if (query.wholeWord() || p.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(p.length() + 8);
        if (query.ignoreCase()) {
            out.append("(?i)");
        }
        if (!query.regex()) {
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (!printable(c)) {
                    return null;
                }
                literal(out, c);
            }
            return out.toString();
        }
        int n = p.length();
        int i = 0;
        while (i < n) {
            char c = p.charAt(i);
            if (!printable(c)) {
                return null;
            }
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n) {
                        return null;
                    }
                    char e = p.charAt(i + 1);
                    i += 2;
                    if ("wWdDbBtnrf".indexOf(e) >= 0) {
                        out.append('\\').append(e);
                    } else if (e == 's') {
                        out.append('[').append(SPACE).append(']');
                    } else if (e == 'S') {
                        out.append("[^").append(SPACE).append(']');
                    } else if (punctuation(e)) {
                        out.append('\\').append(e);
                    } else {
                        return null;
                    }
                }
                case '[' -> {
                    i = bracket(p, i, out);
                    if (i < 0) {
                        return null;
                    }
                }
                case '(' -> {
                    if (p.startsWith("(?:", i)) {
                        out.append("(?:");
                        i += 3;
                    } else if (p.startsWith("(?i)", i)) {
                        out.append("(?i)");
                        i += 4;
                    } else if (p.startsWith("(?i:", i)) {
                        out.append("(?i:");
                        i += 4;
                    } else if (i + 1 < n && p.charAt(i + 1) == '?') {
                        return null;
                    } else {
                        out.append('(');
                        i++;
                    }
                }
                case '*', '+', '?' -> {
                    out.append(c);
                    i = quantifierSuffix(p, i + 1, out);
                    if (i < 0) {
                        return null;
                    }
                }
                case '{' -> {
                    int close = p.indexOf('}', i);
                    if (close < 0 || !p.substring(i + 1, close).matches("[0-9]{1,4}(,[0-9]{0,4})?")) {
                        return null;
                    }
                    out.append(p, i, close + 1);
                    i = quantifierSuffix(p, close + 1, out);
                    if (i < 0) {
                        return null;
                    }
                }
                case ')', '|', '.', '^', '$' -> {
                    out.append(c);
                    i++;
                }
                default -> {
                    literal(out, c);
                    i++;
                }
            }
        }
        return out.toString();
    }

    /** After a quantifier: a lazy {@code ?} is kept; a possessive {@code +} or a stacked quantifier gives up. */
    private static int quantifierSuffix(String p, int i, StringBuilder out) {
        if (i < p.length() && p.charAt(i) == '?') {
            out.append('?');
            i++;
        }
        if (i < p.length() && "*+?{".indexOf(p.charAt(i)) >= 0) {
            return -1;
        }
        return i;
    }

    /** A bracket class from {@code p[i] == '['}; returns the index after it, -1 to give up. */
    private static int bracket(String p, int i, StringBuilder out) {
        int n = p.length();
        out.append('[');
        i++;
        if (i < n && p.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= n) {
                return -1;
            }
            char c = p.charAt(i);
            if (!printable(c) || c == '[' || (c == ']' && first) || (c == '&' && i + 1 < n && p.charAt(i + 1) == '&')) {
                return -1;
            }
            if (c == ']') {
                out.append(']');
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= n) {
                    return -1;
                }
                char e = p.charAt(i + 1);
                if ("wWdDtnrf".indexOf(e) >= 0) {
                    out.append('\\').append(e);
                } else if (e == 's') {
                    out.append(SPACE);
                } else if (punctuation(e)) {
                    out.append('\\').append(e);
                } else {
                    return -1;
                }
                i += 2;
            } else if (c == '-' || Character.isLetterOrDigit(c) || c == ' ') {
                out.append(c);
                i++;
            } else {
                out.append('\\').append(c);
                i++;
            }
            first = false;
        }
    }

    private static void literal(StringBuilder out, char c) {
        if (Character.isLetterOrDigit(c) || c == ' ') {
            out.append(c);
        } else if (c == '\t') {
            out.append("\\t");
        } else {
            out.append('\\').append(c);
        }
    }

    private static boolean printable(char c) {
        return (c >= 0x20 && c < 0x7F) || c == '\t';
    }

    private static boolean punctuation(char c) {
        return c > 0x20 && c < 0x7F && !Character.isLetterOrDigit(c);
    }

    /** True when {@code text[from, to)} is ASCII, so this matcher means what java.util.regex means there. */
    static boolean ascii(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the matches in {@code text[from, to)} (one line, no LF) to {@code ranges}, relative to
     * {@code from}, as java.util.regex's find loop over that region would. Reads the text through
     * {@code text.charAt}, so a {@link BudgetedText} still sees cancellation and spends its budget.
     */
    void find(CharSequence text, int from, int to, Ranges ranges) {
        com.google.re2j.Matcher m = pattern.matcher(new Slice(text, from, to));
        while (m.find()) {
            ranges.append(m.start(), m.end());
        }
    }

    /** A window on a text without copying it. */
    private record Slice(CharSequence text, int from, int to) implements CharSequence {
        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= to - from) {
                throw new IndexOutOfBoundsException(index);
            }
            return text.charAt(from + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Slice(text, from + start, from + end);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(to - from);
            for (int i = from; i < to; i++) {
                b.append(text.charAt(i));
            }
            return b.toString();
        }
    }
}
