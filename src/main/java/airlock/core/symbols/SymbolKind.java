package airlock.core.symbols;

/** What a definition is. Stored by name in the index; never renumber. */
public enum SymbolKind {
    FUNCTION, METHOD, MACRO, STRUCT, UNION, CLASS, INTERFACE, ENUM, ENUMERATOR, TYPEDEF, TYPE, NAMESPACE, MODULE,
    TRAIT, CONSTANT,
    /** A field of a class or record component (Java). */
    FIELD,
    /** A member function declared in a C++ class body whose body is elsewhere (ctags' "prototype"). */
    PROTOTYPE;

    /** Kinds that have a body a call can be made from (used for callers/callees). */
    public boolean isCallable() {
        return this == FUNCTION || this == METHOD;
    }
}
