package airlock.core.syntax;

import airlock.core.syntax.Language.Syntax;

/**
 * A fast, forgiving lexer used for highlighting every file and for the tags extractor across the whole
 * tree. It never fails: unterminated strings end at the line end, unterminated comments at the text end,
 * and every loop advances at least one character, so hostile input cannot hang it.
 */
public final class Lexer {
    private final Language language;
    private final Syntax syntax;

    public Lexer(Language language) {
        this.language = language;
        this.syntax = language.syntax();
        this.asciiIdentPart = ASCII_IDENT_PART[syntax.ordinal()];
    }

    public Language language() {
        return language;
    }

    /** Reports every token of {@code s} except white space, in order. */
    public void tokenize(CharSequence s, TokenSink sink) {
        int n = s.length();
        boolean lineStart = true;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                lineStart = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            boolean atLineStart = lineStart;
            lineStart = false;
            int start = i;
            if (syntax == Syntax.NONE) {
                i = skipWord(s, i, n);
                continue;
            }
            if (isIdentStart(c)) {
                int end = identEnd(s, i + 1, n);
                if (syntax == Syntax.PYTHON && end - i <= 2 && end < n && (s.charAt(end) == '"' || s.charAt(end) == '\'')
                        && isStringPrefix(s, i, end)) {
                    i = pythonString(s, end, n);
                    sink.token(TokenKind.STRING, start, i);
                    continue;
                }
                if (syntax == Syntax.C_LIKE && end < n && s.charAt(end) == '"' && (end - i == 1 || end - i == 2)
                        && s.charAt(end - 1) == 'R') {
                    i = rawCppString(s, end, n);
                    sink.token(TokenKind.STRING, start, i);
                    continue;
                }
                sink.token(language.isKeyword(s, i, end) ? TokenKind.KEYWORD : TokenKind.IDENT, i, end);
                i = end;
                continue;
            }
            if (c >= '0' && c <= '9' || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                i = numberEnd(s, i, n);
                sink.token(TokenKind.NUMBER, start, i);
                continue;
            }
            char d = i + 1 < n ? s.charAt(i + 1) : 0;
            if (hasSlashComments() && c == '/' && d == '/') {
                i = lineEnd(s, i, n);
                sink.token(TokenKind.COMMENT, start, i);
                continue;
            }
            if (hasSlashComments() && c == '/' && d == '*') {
                i = indexOf(s, "*/", i + 2, n);
                sink.token(TokenKind.COMMENT, start, i);
                continue;
            }
            if (c == '#' && hashComment(s, i, atLineStart)) {
                i = lineEnd(s, i, n);
                sink.token(TokenKind.COMMENT, start, i);
                continue;
            }
            if (c == '#' && syntax == Syntax.C_LIKE && atLineStart) {
                int j = i + 1;
                while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    j++;
                }
                j = identEnd(s, j, n);
                sink.token(TokenKind.PREPROC, start, j);
                i = j;
                String directive = s.subSequence(start + 1, j).toString().strip();
                if (directive.equals("error") || directive.equals("warning")) {
                    // the message is free text: an apostrophe or a word in it is neither a quote nor an identifier
                    int k = i;
                    while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
                        k++;
                    }
                    int e = directiveEnd(s, k, n);
                    if (e > k) {
                        sink.token(TokenKind.STRING, k, e);
                    }
                    i = Math.max(i, e);
                    continue;
                }
                if (directive.equals("include") || directive.equals("import")) {
                    int e = lineEnd(s, i, n);
                    int k = i;
                    while (k < e && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
                        k++;
                    }
                    if (k < e && s.charAt(k) == '<') {
                        int close = k;
                        while (close < e && s.charAt(close) != '>') {
                            close++;
                        }
                        close = Math.min(e, close + 1);
                        sink.token(TokenKind.STRING, k, close);
                        i = close;
                    }
                }
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                i = stringEnd(s, i, n, c);
                if (i < 0) {
                    i = start + 1;
                    sink.token(TokenKind.PUNCT, start, i);
                } else {
                    sink.token(TokenKind.STRING, start, i);
                }
                continue;
            }
            if (c == '@' && syntax == Syntax.C_LIKE && d == '"') {
                i = verbatimString(s, i + 1, n);
                sink.token(TokenKind.STRING, start, i);
                continue;
            }
            if (Character.isHighSurrogate(c) && d != 0 && Character.isLowSurrogate(d)) {
                i += 2;
                continue;
            }
            sink.token(TokenKind.PUNCT, start, ++i);
        }
    }

    private boolean hasSlashComments() {
        return syntax != Syntax.PYTHON && syntax != Syntax.SHELL;
    }

    private boolean hashComment(CharSequence s, int i, boolean atLineStart) {
        if (syntax == Syntax.PYTHON) {
            return true;
        }
        if (syntax != Syntax.SHELL) {
            return false;
        }
        if (atLineStart || i == 0) {
            return true;
        }
        char before = s.charAt(i - 1);
        return before == ' ' || before == '\t' || before == ';';
    }

    private boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (c == '$' && syntax != Syntax.SHELL && syntax != Syntax.PYTHON)
                || (c >= 0x80 && Character.isUnicodeIdentifierStart(c));
    }

    private int identEnd(CharSequence s, int i, int n) {
        boolean[] ascii = asciiIdentPart;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x80 ? ascii[c] : Character.isUnicodeIdentifierPart(c) || Character.isSurrogate(c)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * Whether {@code c} continues an identifier in {@code syntax}: ASCII letters, digits and '_', '$' outside
     * shell and Python, Unicode identifier parts and surrogates. {@link #identEnd} asks a table built from
     * this for ASCII (one load instead of a chain of ranges, per character of every identifier of the tree).
     */
    static boolean isIdentPart(char c, Syntax syntax) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                || (c == '$' && syntax != Syntax.SHELL && syntax != Syntax.PYTHON)
                || (c >= 0x80 && (Character.isUnicodeIdentifierPart(c) || Character.isSurrogate(c)));
    }

    /** {@link #isIdentPart} of the characters below 0x80, for this lexer's syntax. */
    private final boolean[] asciiIdentPart;
    /** Those tables per syntax, by ordinal (a lexer is made per file). */
    private static final boolean[][] ASCII_IDENT_PART = new boolean[Syntax.values().length][];

    static {
        for (Syntax syntax : Syntax.values()) {
            ASCII_IDENT_PART[syntax.ordinal()] = asciiIdentPart(syntax);
        }
    }

    private static boolean[] asciiIdentPart(Syntax syntax) {
        boolean[] table = new boolean[0x80];
        for (char c = 0; c < 0x80; c++) {
            table[c] = isIdentPart(c, syntax);
        }
        return table;
    }

    /** The end of the identifier part starting at {@code i} (package-private for the tests). */
    int identEndForTest(CharSequence s, int i) {
        return identEnd(s, i, s.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipWord(CharSequence s, int i, int n) {
        i++;
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int numberEnd(CharSequence s, int i, int n) {
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '\'') {
                if (c == '\'' && !(i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1)))) {
                    break;
                }
                i++;
            } else if ((c == '+' || c == '-') && "eEpP".indexOf(s.charAt(i - 1)) >= 0) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** End of a directive's logical line: the newline not preceded by a backslash (trailing blanks excluded). */
    private static int directiveEnd(CharSequence s, int i, int n) {
        int j = i;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\n') {
                int b = j - 1;
                if (b >= i && s.charAt(b) == '\r') {
                    b--;
                }
                if (b < i || s.charAt(b) != '\\') {
                    break;
                }
            }
            j++;
        }
        while (j > i && Character.isWhitespace(s.charAt(j - 1))) {
            j--;
        }
        return j;
    }

    private static int lineEnd(CharSequence s, int i, int n) {
        while (i < n && s.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private static int indexOf(CharSequence s, String end, int from, int n) {
        char e0 = end.charAt(0);
        for (int i = from; i + end.length() <= n; i++) {
            if (s.charAt(i) == e0 && (end.length() == 1 || s.charAt(i + 1) == end.charAt(1))) {
                return i + end.length();
            }
        }
        return n;
    }

    /** End of a quoted string starting at {@code i}, or -1 when the quote is not a string start (Rust lifetimes). */
    private int stringEnd(CharSequence s, int i, int n, char q) {
        if (syntax == Syntax.PYTHON) {
            return pythonString(s, i, n);
        }
        if (q == '`' && syntax != Syntax.JS && syntax != Syntax.GO && syntax != Syntax.SHELL) {
            return -1;
        }
        if (q == '\'' && syntax == Syntax.RUST && !rustCharLiteral(s, i, n)) {
            return -1;
        }
        boolean multiline = q == '`' || syntax == Syntax.SHELL;
        boolean escapes = !(syntax == Syntax.GO && q == '`') && !(syntax == Syntax.SHELL && q == '\'');
        int j = i + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\' && escapes) {
                j += 2;
                continue;
            }
            if (c == q) {
                return j + 1;
            }
            if (c == '\n' && !multiline) {
                return j;
            }
            j++;
        }
        return n;
    }

    private static boolean rustCharLiteral(CharSequence s, int i, int n) {
        if (i + 2 < n && s.charAt(i + 1) == '\\') {
            return true;
        }
        if (i + 2 < n && s.charAt(i + 2) == '\'') {
            return true;
        }
        return i + 3 < n && Character.isSurrogate(s.charAt(i + 1)) && s.charAt(i + 3) == '\'';
    }

    private static boolean isStringPrefix(CharSequence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if ("rRbBfFuU".indexOf(s.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int pythonString(CharSequence s, int i, int n) {
        char q = s.charAt(i);
        boolean triple = i + 2 < n && s.charAt(i + 1) == q && s.charAt(i + 2) == q;
        int j = i + (triple ? 3 : 1);
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == q && (!triple || (j + 2 < n && s.charAt(j + 1) == q && s.charAt(j + 2) == q))) {
                return Math.min(n, j + (triple ? 3 : 1));
            }
            if (c == '\n' && !triple) {
                return j;
            }
            j++;
        }
        return n;
    }

    private static int rawCppString(CharSequence s, int quote, int n) {
        int open = quote + 1;
        while (open < n && open - quote <= 17 && s.charAt(open) != '(') {
            open++;
        }
        if (open >= n || s.charAt(open) != '(') {
            return Math.min(n, quote + 1);
        }
        String close = ")" + s.subSequence(quote + 1, open) + "\"";
        for (int i = open + 1; i + close.length() <= n; i++) {
            if (s.charAt(i) == ')' && s.subSequence(i, i + close.length()).toString().equals(close)) {
                return i + close.length();
            }
        }
        return n;
    }

    private static int verbatimString(CharSequence s, int quote, int n) {
        int j = quote + 1;
        while (j < n) {
            if (s.charAt(j) == '"') {
                if (j + 1 < n && s.charAt(j + 1) == '"') {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return n;
    }
}
