package airlock.core.history;

import java.util.List;

/**
 * One aligned row of a side-by-side diff. A side without a line has line number 0 and null text.
 * For {@link RowKind#SKIPPED} the line numbers are the first left-out line and {@code skipped} how
 * many were left out. Spans mark the differing parts of a {@link RowKind#CHANGED} pair.
 */
public record DiffRow(RowKind kind, int leftLine, String leftText, int rightLine, String rightText,
                      List<Span> leftSpans, List<Span> rightSpans, int skipped) {

    public DiffRow {
        leftSpans = List.copyOf(leftSpans);
        rightSpans = List.copyOf(rightSpans);
    }

    static DiffRow same(int left, int right, String text) {
        return new DiffRow(RowKind.SAME, left, text, right, text, List.of(), List.of(), 0);
    }

    static DiffRow removed(int left, String text) {
        return new DiffRow(RowKind.REMOVED, left, text, 0, null, List.of(), List.of(), 0);
    }

    static DiffRow added(int right, String text) {
        return new DiffRow(RowKind.ADDED, 0, null, right, text, List.of(), List.of(), 0);
    }

    static DiffRow skipped(int left, int right, int count) {
        return new DiffRow(RowKind.SKIPPED, left, null, right, null, List.of(), List.of(), count);
    }
}
