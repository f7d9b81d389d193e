package airlock.ui.tree;

import airlock.core.source.SourceEntry;

/**
 * One node of the file tree: a folder (no entry) or a file-like entry.
 *
 * @param path  repository path ("" for the root)
 * @param name  last segment, unescaped (escape before showing)
 * @param entry the entry for files, null for folders
 */
public record PathNode(String path, String name, SourceEntry entry) {

    public boolean isFolder() {
        return entry == null;
    }
}
