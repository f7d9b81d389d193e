package airlock.core.history;

/** Whether a file's two versions were compared line by line, and if not, why not. */
public enum DiffVerdict {
    /** Compared as text. */
    TEXT,
    /** At least one side looks binary (NUL bytes); only the blob ids differ. */
    BINARY,
    /** At least one side is larger than the diff limit; not compared. */
    TOO_LARGE,
    /** A symlink or submodule on at least one side; shown as its target or commit, not diffed. */
    SPECIAL
}
