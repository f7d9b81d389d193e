package airlock.ui.tree;

import airlock.core.source.SourceEntry;
import airlock.core.symbols.FileMark;
import airlock.core.text.ContentLimits;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the file tree: the entries of the ref under review, the filter text and the index the
 * view shows. Holds no nodes; tested without a toolkit.
 */
public final class FileTreeViewModel {
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<PathIndex> index = new ReadOnlyObjectWrapper<>(this, "index", PathIndex.of(List.of()));
    private final ObjectProperty<java.util.function.Consumer<SourceEntry>> onOpen =
            new SimpleObjectProperty<>(this, "onOpen", entry -> { });
    private final ObjectProperty<java.util.Map<String, Integer>> contentMarks =
            new SimpleObjectProperty<>(this, "contentMarks", java.util.Map.of());
    private List<SourceEntry> entries = List.of();

    public FileTreeViewModel() {
        filter.addListener((obs, old, now) -> rebuild());
    }

    /** Shows {@code newEntries} (sorted, as {@code SourceTree.list} returns them). */
    public void setEntries(List<SourceEntry> newEntries) {
        this.entries = List.copyOf(newEntries);
        rebuild();
    }

    private void rebuild() {
        String query = filter.get() == null ? "" : filter.get().strip();
        index.set(query.isEmpty() ? PathIndex.of(entries) : PathIndex.filtered(entries, query));
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<PathIndex> indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** True when a filter is active (the view then expands the matches). */
    public boolean isFiltering() {
        return filter.get() != null && !filter.get().isBlank();
    }

    /** What opening a file does (set by the main window). */
    public ObjectProperty<java.util.function.Consumer<SourceEntry>> onOpenProperty() {
        return onOpen;
    }

    public void open(PathNode node) {
        if (node != null && !node.isFolder()) {
            onOpen.get().accept(node.entry());
        }
    }

    /**
     * Marks found in file contents (bits of {@link FileMark} by path), set as the symbol index finds
     * them; the tree shows them next to the marks a listing gives (kind, size, name).
     */
    public ObjectProperty<java.util.Map<String, Integer>> contentMarksProperty() {
        return contentMarks;
    }

    /** Every mark of a file: from its entry at once, from its content once indexed. */
    public java.util.Set<FileMark> marksOf(SourceEntry entry) {
        int bits = FileMark.ofEntry(entry, ContentLimits.DEFAULT)
                | contentMarks.get().getOrDefault(entry.path(), 0);
        return FileMark.of(bits);
    }

    public int totalFiles() {
        return entries.size();
    }
}
