package airlock.ui.main;

/**
 * A request to show a line; the sequence number makes asking twice for the same line a change.
 *
 * @param line     1-based line
 * @param sequence increases with every request
 */
public record LineRequest(int line, long sequence) {
}
