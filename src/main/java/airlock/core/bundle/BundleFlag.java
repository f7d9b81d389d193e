package airlock.core.bundle;

/**
 * Something in an accepted bundle that is shown inert and pointed out to the inspector:
 * a symbolic link (never followed), a submodule entry (never fetched), a suspicious {@code .gitmodules}.
 *
 * @param path   repository path (invalid UTF-8 replaced)
 * @param detail the link target, the submodule commit, or what is wrong with {@code .gitmodules}
 */
public record BundleFlag(Kind kind, String path, String detail) {
    public enum Kind { SYMLINK, SUBMODULE, GITMODULES }

    @Override
    public String toString() {
        return switch (kind) {
            case SYMLINK -> "symlink " + path + " -> " + detail;
            case SUBMODULE -> "submodule " + path + " @ " + detail;
            case GITMODULES -> ".gitmodules " + path + ": " + detail;
        };
    }
}
