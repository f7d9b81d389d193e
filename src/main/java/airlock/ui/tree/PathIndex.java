package airlock.ui.tree;

import airlock.core.source.SourceEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The folder structure of a flat, sorted list of entries. Built in one pass; each folder's
 * children are made into nodes and sorted (folders first, then by name) only when first asked for,
 * so a tree of 80,000 files costs one map of folders up front and nothing per unopened folder.
 * No toolkit; safe to build off the FX thread.
 */
public final class PathIndex {
    /**
     * Folders first, then by name ignoring case (root locale), then by name. A plain comparator, not a chain
     * of lambdas: the tree's first opening runs in a fresh process, where each lambda is bootstrapped cold.
     */
    static final Comparator<PathNode> ORDER = new Comparator<>() {
        @Override
        public int compare(PathNode a, PathNode b) {
            if (a.isFolder() != b.isFolder()) {
                return a.isFolder() ? -1 : 1;
            }
            int c = a.name().toLowerCase(Locale.ROOT).compareTo(b.name().toLowerCase(Locale.ROOT));
            return c != 0 ? c : a.name().compareTo(b.name());
        }
    };

    /**
     * Each folder's direct children as listed: its files' entries and its subfolders' paths, turned into
     * sorted {@link PathNode}s only when the folder is first asked for (four kernels have 314,496 files in
     * 20,380 folders: the tree's opening builds no node for a file it does not show).
     */
    private final Map<String, Folder> folders = new HashMap<>();
    private final int fileCount;

    private static final class Folder {
        private List<Object> items = new ArrayList<>();
        private List<PathNode> nodes;
    }

    private PathIndex(List<SourceEntry> entries) {
        Folder root = new Folder();
        folders.put("", root);
        String lastParent = "";
        Folder last = root;
        for (SourceEntry entry : entries) {
            String path = entry.path();
            int slash = path.lastIndexOf('/');
            Folder parent;
            if (slash < 0) {
                parent = root;
            } else if (slash == lastParent.length() && path.startsWith(lastParent)) {
                parent = last; // git order lists a folder's files together: no lookup for most entries
            } else {
                lastParent = path.substring(0, slash);
                parent = ensureFolder(lastParent);
                last = parent;
            }
            parent.items.add(entry);
        }
        fileCount = entries.size();
    }

    public static PathIndex of(List<SourceEntry> entries) {
        return new PathIndex(entries);
    }

    /** An index of the entries whose path contains {@code query}, ignoring case. */
    public static PathIndex filtered(List<SourceEntry> entries, String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        List<SourceEntry> matches = new ArrayList<>();
        for (SourceEntry entry : entries) {
            if (entry.path().toLowerCase(Locale.ROOT).contains(needle)) {
                matches.add(entry);
            }
        }
        return new PathIndex(matches);
    }

    private Folder ensureFolder(String folder) {
        Folder found = folders.get(folder);
        if (found == null) {
            found = new Folder();
            folders.put(folder, found);
            ensureFolder(parentOf(folder)).items.add(folder);
        }
        return found;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The children of {@code folder} ("" for the root), folders first; empty for unknown folders. */
    public synchronized List<PathNode> children(String folder) {
        Folder found = folders.get(folder);
        if (found == null) {
            return List.of();
        }
        if (found.nodes == null) {
            List<PathNode> nodes = new ArrayList<>(found.items.size());
            for (Object item : found.items) {
                if (item instanceof SourceEntry entry) {
                    nodes.add(new PathNode(entry.path(), entry.name(), entry));
                } else {
                    String path = (String) item;
                    nodes.add(new PathNode(path, path.substring(path.lastIndexOf('/') + 1), null));
                }
            }
            nodes.sort(ORDER);
            found.nodes = List.copyOf(nodes);
            found.items = null;
        }
        return found.nodes;
    }

    public boolean isFolder(String path) {
        return folders.containsKey(path);
    }

    /** Number of file-like entries (not folders). */
    public int fileCount() {
        return fileCount;
    }

    public int folderCount() {
        return folders.size() - 1;
    }
}
