package airlock.core.history;

/** A range of UTF-16 offsets [start, end) inside one line. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
