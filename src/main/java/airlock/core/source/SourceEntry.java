package airlock.core.source;

/**
 * One file-like entry of a tree at a ref.
 *
 * @param path   repository path, decoded as UTF-8 with invalid bytes replaced; shown only after escaping
 * @param kind   file, executable, symlink or submodule
 * @param size   blob size in bytes (0 for submodules)
 * @param blobId the git object id (hex) of the blob, or of the commit for a submodule
 */
public record SourceEntry(String path, EntryKind kind, long size, String blobId) {

    /** The last path segment. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
