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
 * children are sorted (folders first, then by name) only when first asked for, so a tree of
 * 80,000 files costs one map of folders up front and nothing per unopened folder.
 * No toolkit; safe to build off the FX thread.
 */
public final class PathIndex {
    static final Comparator<PathNode> ORDER = Comparator.comparing((PathNode n) -> !n.isFolder())
            .thenComparing(n -> n.name().toLowerCase(Locale.ROOT))
            .thenComparing(PathNode::name);

    private final Map<String, List<PathNode>> children = new HashMap<>();
    private final Map<String, Boolean> sorted = new HashMap<>();
    private final int fileCount;

    private PathIndex(List<SourceEntry> entries) {
        children.put("", new ArrayList<>());
        for (SourceEntry entry : entries) {
            String path = entry.path();
            String parent = parentOf(path);
            ensureFolder(parent);
            children.get(parent).add(new PathNode(path, entry.name(), entry));
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

    private void ensureFolder(String folder) {
        while (!children.containsKey(folder)) {
            children.put(folder, new ArrayList<>());
            String parent = parentOf(folder);
            String name = folder.substring(folder.lastIndexOf('/') + 1);
            ensureFolder(parent);
            children.get(parent).add(new PathNode(folder, name, null));
            folder = parent;
        }
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The children of {@code folder} ("" for the root), folders first; empty for unknown folders. */
    public synchronized List<PathNode> children(String folder) {
        List<PathNode> list = children.get(folder);
        if (list == null) {
            return List.of();
        }
        if (sorted.putIfAbsent(folder, Boolean.TRUE) == null) {
            list.sort(ORDER);
        }
        return List.copyOf(list);
    }

    public boolean isFolder(String path) {
        return children.containsKey(path);
    }

    /** Number of file-like entries (not folders). */
    public int fileCount() {
        return fileCount;
    }

    public int folderCount() {
        return children.size() - 1;
    }
}
