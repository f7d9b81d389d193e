package airlock.core.symbols;

/** A name called from a function body, with how many definitions it has in the index (0 = external). */
public record Callee(String name, int line, int column, int definitions) {
}
