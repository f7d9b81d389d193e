package airlock.ui.main;

import airlock.core.source.SourceEntry;
import airlock.core.text.VisibleText;
import airlock.ui.code.DocumentContent;
import airlock.ui.code.PreparedDocument;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One open file: which entry, its content once loaded, and the line the user asked to see. */
public final class DocumentViewModel {
    private final SourceEntry entry;
    private final ObjectProperty<DocumentContent> content = new SimpleObjectProperty<>(this, "content");
    private final ObjectProperty<LineRequest> lineRequest = new SimpleObjectProperty<>(this, "lineRequest");
    private long requests;
    private PreparedDocument prepared;
    private airlock.core.text.TextPages pages;

    public DocumentViewModel(SourceEntry entry) {
        this.entry = entry;
    }

    public SourceEntry entry() {
        return entry;
    }

    public String path() {
        return entry.path();
    }

    /** The file name with invisible characters made visible, for a tab title. */
    public String title() {
        return VisibleText.escape(entry.name());
    }

    /** The full path, escaped, for a tooltip. */
    public String escapedPath() {
        return VisibleText.escape(entry.path());
    }

    public ReadOnlyObjectProperty<DocumentContent> contentProperty() {
        return content;
    }

    void setContent(DocumentContent loaded) {
        setContent(PreparedDocument.of(loaded));
    }

    /** Sets content whose view document was built off the FX thread. */
    void setContent(PreparedDocument loaded) {
        prepared = loaded;
        content.set(loaded.content());
    }

    /** The view document of the current content, built off the FX thread, or null before loading. */
    public PreparedDocument prepared() {
        return prepared != null && prepared.content() == content.get() ? prepared : null;
    }

    /** The pages of a file too large to show whole, or null when it is shown whole (or cut, if not UTF-8 text). */
    public airlock.core.text.TextPages pages() {
        return pages;
    }

    void setPages(airlock.core.text.TextPages filePages) {
        pages = filePages;
    }

    public ReadOnlyObjectProperty<LineRequest> lineRequestProperty() {
        return lineRequest;
    }

    /** Asks the view to show {@code line} (1-based). */
    public void requestLine(int line) {
        requestLine(line, null);
    }

    /** Asks the view to show {@code line} (1-based) with {@code mark} (or nothing, if null) marked on it. */
    public void requestLine(int line, LineMark mark) {
        lineRequest.set(new LineRequest(Math.max(1, line), ++requests, mark));
    }
}
