package airlock.ui.main;

/**
 * A request to show a line; the sequence number makes asking twice for the same line a change.
 *
 * @param line     1-based line
 * @param sequence increases with every request
 * @param mark     the part of the line to mark (an opened search hit or reference), or null
 */
public record LineRequest(int line, long sequence, LineMark mark) {
    public LineRequest(int line, long sequence) {
        this(line, sequence, null);
    }
}
