package airlock.ui.history;

import airlock.core.history.DiffRow;
import airlock.core.history.RowKind;
import airlock.core.history.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of a side-by-side diff laid out for a code view: one paragraph per row (an empty
 * paragraph where the other side has a line), the line number and style class of each paragraph,
 * and the intraline spans as absolute offsets into {@link #text()}. Built off the FX thread; the
 * text is raw (the code view masks invisible characters one for one, so offsets stay valid).
 */
public record DiffDocument(String text, List<Integer> lineNumbers, List<String> rowClasses, List<Span> intraline) {

    public static final String ADDED = "diff-added";
    public static final String REMOVED = "diff-removed";
    public static final String CHANGED = "diff-changed";
    public static final String SAME = "diff-same";
    public static final String FILLER = "diff-filler";
    public static final String SKIPPED = "diff-skipped";

    public enum Side { LEFT, RIGHT }

    /**
     * @param skippedText how a folded run of unchanged lines reads; {@code {0}} is the count
     */
    public static DiffDocument of(List<DiffRow> rows, Side side, java.util.function.IntFunction<String> skippedText) {
        StringBuilder text = new StringBuilder();
        List<Integer> numbers = new ArrayList<>(rows.size());
        List<String> classes = new ArrayList<>(rows.size());
        List<Span> intraline = new ArrayList<>();
        boolean left = side == Side.LEFT;
        for (int i = 0; i < rows.size(); i++) {
            DiffRow row = rows.get(i);
            if (i > 0) {
                text.append('\n');
            }
            int start = text.length();
            String line = left ? row.leftText() : row.rightText();
            int number = left ? row.leftLine() : row.rightLine();
            if (row.kind() == RowKind.SKIPPED) {
                text.append(skippedText.apply(row.skipped()));
                numbers.add(0);
                classes.add(SKIPPED);
                continue;
            }
            numbers.add(line == null ? 0 : number);
            classes.add(line == null ? FILLER : classOf(row.kind()));
            if (line != null) {
                text.append(line.replace('\n', ' '));
                for (Span span : left ? row.leftSpans() : row.rightSpans()) {
                    intraline.add(new Span(start + span.start(), start + span.end()));
                }
            }
        }
        return new DiffDocument(text.toString(), List.copyOf(numbers), List.copyOf(classes), List.copyOf(intraline));
    }

    /**
     * The unified form of a diff: one column, a removed line ({@code - }) above the line that replaced it
     * ({@code + }), unchanged lines ({@code   }) between; line numbers are the new file's, the old file's
     * for a removed line. The same rows as the side-by-side form, so both show the same changes.
     */
    public static DiffDocument unified(List<DiffRow> rows, java.util.function.IntFunction<String> skippedText) {
        StringBuilder text = new StringBuilder();
        List<Integer> numbers = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<Span> intraline = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DiffRow row = rows.get(i);
            if (row.kind() == RowKind.SKIPPED) {
                line(text, numbers, classes, "  " + skippedText.apply(row.skipped()), 0, SKIPPED);
                continue;
            }
            if (row.kind() == RowKind.SAME) {
                line(text, numbers, classes, "  " + row.rightText(), row.rightLine(), SAME);
                continue;
            }
            // a run of changed rows: its old lines first, then its new ones, as diff -u prints a hunk
            int end = i;
            while (end < rows.size() && rows.get(end).kind() != RowKind.SAME && rows.get(end).kind() != RowKind.SKIPPED) {
                end++;
            }
            for (int k = i; k < end; k++) {
                DiffRow r = rows.get(k);
                if (r.leftText() != null) {
                    int start = line(text, numbers, classes, "- " + r.leftText(), r.leftLine(), REMOVED) + 2;
                    for (Span span : r.leftSpans()) {
                        intraline.add(new Span(start + span.start(), start + span.end()));
                    }
                }
            }
            for (int k = i; k < end; k++) {
                DiffRow r = rows.get(k);
                if (r.rightText() != null) {
                    int start = line(text, numbers, classes, "+ " + r.rightText(), r.rightLine(), ADDED) + 2;
                    for (Span span : r.rightSpans()) {
                        intraline.add(new Span(start + span.start(), start + span.end()));
                    }
                }
            }
            i = end - 1;
        }
        return new DiffDocument(text.toString(), List.copyOf(numbers), List.copyOf(classes), List.copyOf(intraline));
    }

    /** Appends one paragraph and returns where its text starts. */
    private static int line(StringBuilder text, List<Integer> numbers, List<String> classes, String line, int number,
            String styleClass) {
        if (!numbers.isEmpty()) {
            text.append('\n');
        }
        int start = text.length();
        text.append(line.replace('\n', ' '));
        numbers.add(number);
        classes.add(styleClass);
        return start;
    }

    /** The first paragraph of each change (a run of added, removed, changed or filler rows), in order. */
    public List<Integer> changeStarts() {
        List<Integer> out = new ArrayList<>();
        boolean inChange = false;
        for (int i = 0; i < rowClasses.size(); i++) {
            String c = rowClasses.get(i);
            boolean change = c.equals(ADDED) || c.equals(REMOVED) || c.equals(CHANGED) || c.equals(FILLER);
            if (change && !inChange) {
                out.add(i);
            }
            inChange = change;
        }
        return out;
    }

    private static String classOf(RowKind kind) {
        return switch (kind) {
            case ADDED -> ADDED;
            case REMOVED -> REMOVED;
            case CHANGED -> CHANGED;
            case SAME, SKIPPED -> SAME;
        };
    }
}
