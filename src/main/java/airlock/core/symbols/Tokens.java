package airlock.core.symbols;

import airlock.core.syntax.Language;
import airlock.core.syntax.Lexer;
import airlock.core.syntax.TokenKind;
import java.util.Arrays;

/**
 * A file's code tokens (comments dropped) with their lines and columns, for lookahead by the extractor.
 * In C-like languages the tokens of preprocessor lines (a directive and everything up to the end of its
 * logical line, backslash continuations and comments spanning lines included) are kept apart in {@link #pp},
 * so a {@code #define} body never feeds the brace tracker or the function rule; each of them records in
 * {@link #at} the index of the code token that follows it.
 */
final class Tokens {
    final CharSequence text;
    /** Preprocessor-line tokens (C-like languages), or null. */
    Tokens pp;
    /** For preprocessor tokens: the index of the next code token in the owning stream. */
    int[] at;
    TokenKind[] kind;
    int[] start;
    int[] end;
    int[] line;
    int[] col;
    int size;

    private Tokens(CharSequence text, int capacity) {
        this.text = text;
        kind = new TokenKind[capacity];
        start = new int[capacity];
        end = new int[capacity];
        line = new int[capacity];
        col = new int[capacity];
    }

    static Tokens of(Language language, CharSequence text) {
        // about one token per 6 characters in C and Java: sized once instead of doubling five arrays ~8 times
        Tokens t = new Tokens(text, Math.max(256, text.length() / 6));
        boolean cLike = language.syntax() == Language.Syntax.C_LIKE;
        Tokens pp = cLike ? new Tokens(text, 64) : null;
        if (pp != null) {
            pp.at = new int[64];
        }
        t.pp = pp;
        Lines lines = new Lines(text);
        int[] directiveEnd = {-1}; // end of the current directive's logical line
        new Lexer(language).tokenize(text, (k, s, e) -> {
            lines.advance(s);
            int tokLine = lines.line;
            int tokCol = s - lines.lineStart + 1;
            lines.advance(e);
            if (pp != null && k == TokenKind.PREPROC) {
                directiveEnd[0] = logicalLineEnd(text, e);
            }
            if (k == TokenKind.COMMENT) {
                if (pp != null && s < directiveEnd[0] && e > directiveEnd[0]) {
                    directiveEnd[0] = logicalLineEnd(text, e); // a comment spanning lines continues the directive
                }
            } else if (pp != null && s < directiveEnd[0]) {
                if (pp.size == pp.at.length) {
                    pp.at = Arrays.copyOf(pp.at, pp.size * 2);
                }
                pp.at[pp.size] = t.size;
                pp.add(k, s, e, tokLine, tokCol);
            } else {
                t.add(k, s, e, tokLine, tokCol);
            }
        });
        return t;
    }

    /**
     * Line counting for the token callback: the newlines before an offset, found by {@link String#indexOf(int, int)}
     * (vectorised) from one newline to the next, each newline searched for once, instead of reading every
     * character through {@link CharSequence#charAt} (that loop was 5 % of the symbol build's CPU).
     */
    static final class Lines {
        private final CharSequence text;
        private final String string;
        /** Offset of the first newline not yet counted, or Integer.MAX_VALUE when there is none. */
        private int next;
        /** Offset up to which the characters were looked at (only for a text that is not a String). */
        private int scanned;
        /** 1-based line of the last offset advanced to. */
        int line = 1;
        /** Offset where that line starts. */
        int lineStart;

        Lines(CharSequence text) {
            this.text = text;
            this.string = text instanceof String str ? str : null;
            this.next = string != null ? after(0) : Integer.MAX_VALUE;
        }

        private int after(int from) {
            int i = string.indexOf('\n', from);
            return i < 0 ? Integer.MAX_VALUE : i;
        }

        /** Counts the newlines before {@code offset} (offsets only grow). */
        void advance(int offset) {
            if (string == null) {
                for (int i = scanned; i < offset; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                scanned = Math.max(scanned, offset);
                return;
            }
            while (next < offset) {
                line++;
                lineStart = next + 1;
                next = after(next + 1);
            }
        }
    }

    /** Offset of the newline ending the logical line that contains {@code from} (backslash-newline continues it). */
    static int logicalLineEnd(CharSequence text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            if (text.charAt(i) == '\n') {
                int j = i - 1;
                if (j >= 0 && text.charAt(j) == '\r') {
                    j--;
                }
                if (j < 0 || text.charAt(j) != '\\') {
                    return i;
                }
            }
        }
        return n;
    }

    static final int DIR_OTHER = 0;
    static final int DIR_DEFINE = 1;
    static final int DIR_IF = 2;
    static final int DIR_IFDEF = 3;
    static final int DIR_ELSE = 4;
    static final int DIR_ENDIF = 5;

    /** What a PREPROC token is, without allocating: one of the DIR_ constants ({@code #elif} counts as else). */
    int directiveCode(int i) {
        int s = start[i] + 1;
        int e = end[i];
        while (s < e && (text.charAt(s) == ' ' || text.charAt(s) == '\t')) {
            s++;
        }
        int n = e - s;
        if (n < 2) {
            return DIR_OTHER;
        }
        char c0 = text.charAt(s);
        if (c0 == 'd' && n == 6 && regionIs(s, "define")) {
            return DIR_DEFINE;
        }
        if (c0 == 'i') {
            if (n == 2 && text.charAt(s + 1) == 'f') {
                return DIR_IF;
            }
            return n == 5 && regionIs(s, "ifdef") || n == 6 && regionIs(s, "ifndef") ? DIR_IFDEF : DIR_OTHER;
        }
        if (c0 == 'e') {
            if (n == 4 && (regionIs(s, "else") || regionIs(s, "elif"))) {
                return DIR_ELSE;
            }
            return n == 5 && regionIs(s, "endif") ? DIR_ENDIF : DIR_OTHER;
        }
        return DIR_OTHER;
    }

    private boolean regionIs(int s, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (text.charAt(s + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void add(TokenKind k, int s, int e, int ln, int c) {
        if (size == kind.length) {
            int grow = size * 2;
            kind = Arrays.copyOf(kind, grow);
            start = Arrays.copyOf(start, grow);
            end = Arrays.copyOf(end, grow);
            line = Arrays.copyOf(line, grow);
            col = Arrays.copyOf(col, grow);
        }
        kind[size] = k;
        start[size] = s;
        end[size] = e;
        line[size] = ln;
        col[size] = c;
        size++;
    }

    boolean is(int i, char punct) {
        return i >= 0 && i < size && kind[i] == TokenKind.PUNCT && text.charAt(start[i]) == punct;
    }

    boolean isWord(int i, String word) {
        return i >= 0 && i < size && (kind[i] == TokenKind.KEYWORD || kind[i] == TokenKind.IDENT)
                && end[i] - start[i] == word.length() && word.contentEquals(text.subSequence(start[i], end[i]));
    }

    boolean isIdent(int i) {
        return i >= 0 && i < size && kind[i] == TokenKind.IDENT;
    }

    String text(int i) {
        return text.subSequence(start[i], end[i]).toString();
    }

    /** Index of the token closing the group opened at {@code i} ('(' '[' '{' '<'), or size when unbalanced. */
    int matching(int i) {
        char open = text.charAt(start[i]);
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            default -> '>';
        };
        int depth = 0;
        for (int j = i; j < size; j++) {
            if (kind[j] != TokenKind.PUNCT) {
                continue;
            }
            char c = text.charAt(start[j]);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return j;
            }
        }
        return size;
    }

    /** The source line holding token {@code i}, trimmed and cut to 200 characters. */
    String lineText(int i) {
        return lineText(text, start[i]);
    }

    /**
     * The line holding offset {@code at}, trimmed and cut to 200 characters. In a String the line's ends are
     * found with lastIndexOf / indexOf instead of a charAt per character (every definition's signature).
     */
    static String lineText(CharSequence text, int at) {
        int s = at;
        int e = at;
        if (text instanceof String str) {
            s = str.lastIndexOf('\n', at - 1) + 1;
            int nl = str.indexOf('\n', at);
            e = nl < 0 ? str.length() : nl;
        } else {
            while (s > 0 && text.charAt(s - 1) != '\n') {
                s--;
            }
            while (e < text.length() && text.charAt(e) != '\n') {
                e++;
            }
        }
        String l = text.subSequence(s, Math.min(e, s + 400)).toString().strip();
        return l.length() > 200 ? l.substring(0, 200) : l;
    }
}
