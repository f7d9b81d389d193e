package airlock.core.symbols;

/** One occurrence of a name; {@code call} when directly followed by '('. */
public record Reference(String path, int line, int column, boolean call) {
}
