package airlock.core.source;

/** What a tree entry is. Links and submodules are never followed: they are shown as inert text. */
public enum EntryKind {
    FILE,
    EXECUTABLE,
    SYMLINK,
    SUBMODULE
}
