package airlock.core.history;

/** What a row of a side-by-side diff shows. */
public enum RowKind {
    /** The same line on both sides. */
    SAME,
    /** A line only on the right (new) side. */
    ADDED,
    /** A line only on the left (old) side. */
    REMOVED,
    /** A line replaced by another; intraline spans say which parts differ. */
    CHANGED,
    /** Unchanged lines left out between two hunks; {@code leftLine}/{@code rightLine} are where they start. */
    SKIPPED
}
