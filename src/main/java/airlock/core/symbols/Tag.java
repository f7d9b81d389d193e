package airlock.core.symbols;

/**
 * One definition found in a file.
 *
 * @param name      the defined name
 * @param kind      what it is
 * @param line      1-based line of the name
 * @param column    1-based UTF-16 column of the name
 * @param endLine   last line of its body when known, else {@code line}
 * @param scope     enclosing class/namespace/receiver, or "" at top level
 * @param signature the definition's source line, trimmed and cut to 200 characters
 * @param condition the preprocessor branches it sits in, outermost first ({@code #else of CONFIG_X}), or ""
 *                  when it is compiled unconditionally; vendor text, shown only through the visible-text helpers
 */
public record Tag(String name, SymbolKind kind, int line, int column, int endLine, String scope, String signature,
        String condition) {

    public Tag {
        condition = condition == null ? "" : condition;
    }

    /** A tag outside any preprocessor conditional. */
    public Tag(String name, SymbolKind kind, int line, int column, int endLine, String scope, String signature) {
        this(name, kind, line, column, endLine, scope, signature, "");
    }
}
