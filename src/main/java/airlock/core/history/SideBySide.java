package airlock.core.history;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Aligns two texts into side-by-side rows with the histogram diff: unchanged context around each
 * edit, replaced lines paired as {@link RowKind#CHANGED} (with intraline spans), the surplus of a
 * replacement as added or removed rows, and runs of unchanged lines beyond the context folded into
 * one {@link RowKind#SKIPPED} row.
 */
public final class SideBySide {
    /** Pairs longer than this many characters are marked changed as a whole. */
    static final int INTRALINE_MAX_CHARS = 4_000;

    private SideBySide() {
    }

    /** Counts of added and removed lines: {@code [added, removed]}. */
    public static int[] counts(RawText a, RawText b) {
        int added = 0;
        int removed = 0;
        for (Edit edit : edits(a, b)) {
            added += edit.getLengthB();
            removed += edit.getLengthA();
        }
        return new int[] {added, removed};
    }

    static EditList edits(RawText a, RawText b) {
        return DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
    }

    /**
     * @param context unchanged lines kept around each edit; {@link Integer#MAX_VALUE} keeps the whole file
     */
    public static List<DiffRow> rows(RawText a, RawText b, int context) {
        List<DiffRow> rows = new ArrayList<>();
        int ia = 0;
        int ib = 0;
        for (Edit edit : edits(a, b)) {
            unchanged(rows, a, ia, ib, edit.getBeginA() - ia, context, rows.isEmpty(), false);
            replaced(rows, a, b, edit);
            ia = edit.getEndA();
            ib = edit.getEndB();
        }
        unchanged(rows, a, ia, ib, a.size() - ia, context, rows.isEmpty(), true);
        return rows;
    }

    /** Adds {@code count} unchanged lines from (ia, ib), keeping {@code context} after the last edit and before the next. */
    private static void unchanged(List<DiffRow> rows, RawText a, int ia, int ib, int count, int context,
                                  boolean atStart, boolean atEnd) {
        if (count <= 0) {
            return;
        }
        int head = atStart ? 0 : Math.min(count, context);
        int tail = atEnd ? 0 : Math.min(count - head, context);
        if (atStart && atEnd) {
            head = count; // identical texts: show them whole
        }
        if ((long) head + tail >= count || context == Integer.MAX_VALUE) {
            head = count;
            tail = 0;
        }
        for (int k = 0; k < head; k++) {
            rows.add(DiffRow.same(ia + k + 1, ib + k + 1, a.getString(ia + k)));
        }
        int skipped = count - head - tail;
        if (skipped > 0) {
            rows.add(DiffRow.skipped(ia + head + 1, ib + head + 1, skipped));
        }
        for (int k = count - tail; k < count; k++) {
            rows.add(DiffRow.same(ia + k + 1, ib + k + 1, a.getString(ia + k)));
        }
    }

    private static void replaced(List<DiffRow> rows, RawText a, RawText b, Edit edit) {
        int paired = Math.min(edit.getLengthA(), edit.getLengthB());
        for (int k = 0; k < paired; k++) {
            int la = edit.getBeginA() + k;
            int lb = edit.getBeginB() + k;
            String left = a.getString(la);
            String right = b.getString(lb);
            List<List<Span>> spans = left.length() + right.length() > INTRALINE_MAX_CHARS
                    ? List.of(whole(left), whole(right))
                    : Intraline.spans(left, right);
            rows.add(new DiffRow(RowKind.CHANGED, la + 1, left, lb + 1, right, spans.get(0), spans.get(1), 0));
        }
        for (int la = edit.getBeginA() + paired; la < edit.getEndA(); la++) {
            rows.add(DiffRow.removed(la + 1, a.getString(la)));
        }
        for (int lb = edit.getBeginB() + paired; lb < edit.getEndB(); lb++) {
            rows.add(DiffRow.added(lb + 1, b.getString(lb)));
        }
    }

    private static List<Span> whole(String text) {
        return text.isEmpty() ? List.of() : List.of(new Span(0, text.length()));
    }
}
