package airlock.core.history;

/** How a file differs between two refs. */
public enum ChangeKind {
    ADDED,
    DELETED,
    MODIFIED,
    RENAMED,
    COPIED
}
