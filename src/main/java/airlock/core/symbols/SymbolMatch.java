package airlock.core.symbols;

/** A fuzzy "go to symbol" hit: a defined name, its score and how many definitions it has. */
public record SymbolMatch(String name, int score, int definitions) {
}
