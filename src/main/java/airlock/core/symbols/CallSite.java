package airlock.core.symbols;

/** A call found by search: the function containing it and where the call is. */
public record CallSite(Definition caller, Reference at) {
}
