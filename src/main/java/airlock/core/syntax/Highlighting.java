package airlock.core.syntax;

import java.util.Arrays;

/**
 * Style spans for one text: sorted, non-overlapping {@code [start, end)} ranges each with one CSS style
 * class (e.g. {@code syntax-keyword}); the gaps are unstyled. Stored as parallel arrays because a
 * 1 MB file has hundreds of thousands of spans.
 */
public final class Highlighting {
    private final int[] starts;
    private final int[] ends;
    private final String[] classes;
    private final String engine;

    Highlighting(int[] starts, int[] ends, String[] classes, String engine) {
        this.starts = starts;
        this.ends = ends;
        this.classes = classes;
        this.engine = engine;
    }

    public static Highlighting empty(String engine) {
        return new Highlighting(new int[0], new int[0], new String[0], engine);
    }

    public int size() {
        return starts.length;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public String styleClass(int i) {
        return classes[i];
    }

    /** Which engine produced this: "tree-sitter" or "lexer". */
    public String engine() {
        return engine;
    }

    /** Index of the first span ending after {@code offset}, for applying only a visible range. */
    public int firstEndingAfter(int offset) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The style class at {@code offset}, or null. */
    public String classAt(int offset) {
        int i = firstEndingAfter(offset);
        return i < starts.length && starts[i] <= offset ? classes[i] : null;
    }

    /** Collects spans in order, merging adjacent spans of the same class. */
    static final class Builder {
        private int[] starts = new int[256];
        private int[] ends = new int[256];
        private String[] classes = new String[256];
        private int size;

        void add(int start, int end, String styleClass) {
            if (end <= start) {
                return;
            }
            if (size > 0 && classes[size - 1].equals(styleClass) && ends[size - 1] == start) {
                ends[size - 1] = end;
                return;
            }
            if (size > 0 && start < ends[size - 1]) {
                return; // overlapping spans: keep the first (outer) one
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                classes = Arrays.copyOf(classes, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            classes[size] = styleClass;
            size++;
        }

        Highlighting build(String engine) {
            return new Highlighting(Arrays.copyOf(starts, size), Arrays.copyOf(ends, size),
                    Arrays.copyOf(classes, size), engine);
        }
    }
}
