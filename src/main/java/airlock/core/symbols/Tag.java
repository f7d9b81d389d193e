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
 */
public record Tag(String name, SymbolKind kind, int line, int column, int endLine, String scope, String signature) {
}
