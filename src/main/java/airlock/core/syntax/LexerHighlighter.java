package airlock.core.syntax;

/**
 * Highlighting from the fallback lexer: keywords, strings, comments, numbers, preprocessor directives,
 * type-like names and calls. Works for every language and any size; used for big files and whenever the
 * full parser is unavailable.
 */
public final class LexerHighlighter {

    /** Style classes; colours come from CSS. */
    public static final String KEYWORD = "syntax-keyword";
    public static final String STRING = "syntax-string";
    public static final String COMMENT = "syntax-comment";
    public static final String NUMBER = "syntax-number";
    public static final String PREPROC = "syntax-preprocessor";
    public static final String TYPE = "syntax-type";
    public static final String FUNCTION = "syntax-function";

    public Highlighting highlight(Language language, CharSequence text) {
        Highlighting.Builder out = new Highlighting.Builder();
        int[] pendingIdent = {-1, -1};
        new Lexer(language).tokenize(text, (kind, start, end) -> {
            if (pendingIdent[0] >= 0) {
                boolean call = kind == TokenKind.PUNCT && text.charAt(start) == '(';
                if (call) {
                    out.add(pendingIdent[0], pendingIdent[1], FUNCTION);
                } else if (Character.isUpperCase(text.charAt(pendingIdent[0]))
                        && hasLower(text, pendingIdent[0], pendingIdent[1])) {
                    out.add(pendingIdent[0], pendingIdent[1], TYPE);
                }
                pendingIdent[0] = -1;
            }
            switch (kind) {
                case KEYWORD -> out.add(start, end, KEYWORD);
                case STRING -> out.add(start, end, STRING);
                case COMMENT -> out.add(start, end, COMMENT);
                case NUMBER -> out.add(start, end, NUMBER);
                case PREPROC -> out.add(start, end, PREPROC);
                case IDENT -> {
                    pendingIdent[0] = start;
                    pendingIdent[1] = end;
                }
                default -> { }
            }
        });
        return out.build("lexer");
    }

    private static boolean hasLower(CharSequence t, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (Character.isLowerCase(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
