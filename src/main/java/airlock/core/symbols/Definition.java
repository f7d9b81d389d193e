package airlock.core.symbols;

/**
 * A definition as stored in the symbol index: a {@link Tag} plus the file it is in. {@code condition} is the
 * preprocessor branch it sits in ({@link Tag#condition()}), "" when unconditional or unknown.
 */
public record Definition(String path, String name, SymbolKind kind, int line, int column, int endLine, String scope,
        String signature, String condition) {

    public Definition {
        condition = condition == null ? "" : condition;
    }

    /** A definition outside any preprocessor conditional (or from a source that does not know). */
    public Definition(String path, String name, SymbolKind kind, int line, int column, int endLine, String scope,
            String signature) {
        this(path, name, kind, line, column, endLine, scope, signature, "");
    }

    /** Display name with its scope, e.g. {@code Socket::read}. */
    public String qualifiedName() {
        return scope.isEmpty() ? name : scope + "::" + name;
    }
}
