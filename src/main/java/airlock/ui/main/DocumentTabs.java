package airlock.ui.main;

import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.code.CopyAttemptListener;
import airlock.ui.code.PreparedDocument;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Paint;

/**
 * The centre tab pane, kept in step with the view model's open documents: one tab with a
 * {@link CodeViewPane} per document, selection mirrored both ways.
 */
final class DocumentTabs {
    private final TabPane tabs = new TabPane();
    private final MainViewModel model;
    private final Texts texts;
    private final CopyAttemptListener copyListener;
    private final Map<DocumentViewModel, Tab> tabOf = new HashMap<>();
    private final java.util.List<Consumer<CodeViewPane>> paneListeners = new java.util.ArrayList<>();
    private Paint lineHighlight;
    private boolean syncing;

    DocumentTabs(MainViewModel model, Texts texts, CopyAttemptListener copyListener) {
        this.model = model;
        this.texts = texts;
        this.copyListener = copyListener;
        tabs.getStyleClass().add("document-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Label placeholder = new Label(texts.get("tabs.empty"));
        placeholder.getStyleClass().add("tabs-empty");
        model.documents().addListener((ListChangeListener<DocumentViewModel>) change -> sync());
        model.selectedProperty().addListener((obs, old, now) -> selectTabOf(now));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (!syncing) {
                model.selectedProperty().set(tab == null ? null : (DocumentViewModel) tab.getUserData());
            }
        });
    }

    TabPane node() {
        return tabs;
    }

    /** Called for every code view created, so features can decorate it (highlighting, marks). */
    void onPaneCreated(Consumer<CodeViewPane> listener) {
        paneListeners.add(listener);
    }

    private void sync() {
        syncing = true;
        try {
            tabOf.keySet().removeIf(doc -> {
                if (!model.documents().contains(doc)) {
                    tabs.getTabs().remove(tabOf.get(doc));
                    return true;
                }
                return false;
            });
            for (DocumentViewModel doc : model.documents()) {
                if (!tabOf.containsKey(doc)) {
                    Tab tab = createTab(doc);
                    tabOf.put(doc, tab);
                    tabs.getTabs().add(tab);
                }
            }
        } finally {
            syncing = false;
        }
        selectTabOf(model.selectedProperty().get());
    }

    private Tab createTab(DocumentViewModel doc) {
        CodeViewPane pane = new CodeViewPane(texts, doc.path(), copyListener);
        pane.setPaging(index -> model.showPage(doc, index),
                () -> doc.pages() != null && doc.pages().allFound() ? doc.pages().foundCount() : 0);
        pane.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            boolean next = Shortcuts.NEXT_PAGE.combination().match(event);
            if (pane.page() != null && (next || Shortcuts.PREVIOUS_PAGE.combination().match(event))) {
                event.consume();
                pane.turnPage(next ? 1 : -1);
            }
        });
        if (lineHighlight != null) {
            pane.setLineHighlight(lineHighlight);
        }
        Tab tab = new Tab(doc.title(), pane);
        tab.setUserData(doc);
        tab.setTooltip(new Tooltip(doc.escapedPath()));
        tab.setOnCloseRequest(event -> {
            event.consume();
            model.close(doc);
        });
        if (doc.contentProperty().get() != null) {
            show(pane, doc);
        }
        doc.contentProperty().addListener((obs, old, content) -> show(pane, doc));
        doc.lineRequestProperty().addListener((obs, old, request) -> {
            if (request != null && request.mark() != null) {
                LineMark m = request.mark();
                pane.goToMarked(request.line(), m.from(), m.to(), m.lineText());
            } else if (request != null) {
                pane.clearMark();
                pane.goToLine(request.line());
            }
        });
        paneListeners.forEach(listener -> listener.accept(pane));
        return tab;
    }

    /** Shows the document built off the FX thread when there is one (the usual case), else builds it here. */
    private static void show(CodeViewPane pane, DocumentViewModel doc) {
        PreparedDocument prepared = doc.prepared();
        if (prepared != null) {
            pane.show(prepared);
        } else {
            pane.show(doc.contentProperty().get());
        }
    }

    private void selectTabOf(DocumentViewModel doc) {
        Tab tab = doc == null ? null : tabOf.get(doc);
        if (tab != null && tabs.getSelectionModel().getSelectedItem() != tab) {
            tabs.getSelectionModel().select(tab);
        }
    }

    /** The code view of the selected tab, or null. */
    CodeViewPane selectedPane() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab == null ? null : (CodeViewPane) tab.getContent();
    }

    /**
     * Replaces every tab's code view with a new one showing the same document at the same line, as
     * closing and reopening the files would: the way back after the view's library failed in a layout
     * pass and would fail again on every later one (issue 19). Features decorate the new views as
     * they do any new one.
     */
    void rebuildAll() {
        syncing = true;
        try {
            for (Tab tab : tabs.getTabs()) {
                DocumentViewModel doc = (DocumentViewModel) tab.getUserData();
                CodeViewPane old = (CodeViewPane) tab.getContent();
                int line = old.content() == null ? 0 : old.currentLine();
                old.detach();
                Tab fresh = createTab(doc);
                tab.setContent(fresh.getContent());
                if (line > 1 && doc.contentProperty().get() != null) {
                    ((CodeViewPane) tab.getContent()).goToLine(line);
                }
            }
        } finally {
            syncing = false;
        }
    }

    boolean contains(CodeViewPane pane) {
        return tabs.getTabs().stream().anyMatch(tab -> tab.getContent() == pane);
    }

    void setLineHighlight(Paint fill) {
        lineHighlight = fill;
        for (Tab tab : tabs.getTabs()) {
            ((CodeViewPane) tab.getContent()).setLineHighlight(fill);
        }
    }
}
