package airlock.core.symbols;

/** A definition as stored in the symbol index: a {@link Tag} plus the file it is in. */
public record Definition(String path, String name, SymbolKind kind, int line, int column, int endLine, String scope,
        String signature) {

    /** Display name with its scope, e.g. {@code Socket::read}. */
    public String qualifiedName() {
        return scope.isEmpty() ? name : scope + "::" + name;
    }
}
