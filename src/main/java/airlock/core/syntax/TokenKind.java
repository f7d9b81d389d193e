package airlock.core.syntax;

/** Lexical classes the fallback lexer reports; enough for highlighting and for the tags extractor. */
public enum TokenKind {
    IDENT,
    KEYWORD,
    STRING,
    COMMENT,
    NUMBER,
    /** A preprocessor directive word, e.g. {@code #define}. */
    PREPROC,
    /** One punctuation character. */
    PUNCT
}
