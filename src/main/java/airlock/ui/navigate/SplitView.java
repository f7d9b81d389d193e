package airlock.ui.navigate;

import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.code.DocumentContent;
import airlock.ui.main.DocumentViewModel;
import airlock.ui.main.MainView;
import airlock.ui.main.MainViewModel;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Split view: the current file in a second code view beside the tabs, pinned there while the tabs
 * move on, so two files (or two places in one file) can be read side by side. It is decorated and
 * guarded like any code view (no copy; invisible characters shown).
 */
final class SplitView {
    private final MainViewModel model;
    private final MainView view;
    private final Texts texts;
    private final Consumer<CodeViewPane> decorate;
    private CodeViewPane pane;

    SplitView(MainViewModel model, MainView view, Texts texts, Consumer<CodeViewPane> decorate) {
        this.model = model;
        this.view = view;
        this.texts = texts;
        this.decorate = decorate;
    }

    void toggle() {
        if (pane != null) {
            close();
        } else {
            open();
        }
    }

    /** Shows the selected document beside the tabs, at the same line. */
    void open() {
        DocumentViewModel doc = model.selectedProperty().get();
        DocumentContent content = doc == null ? null : doc.contentProperty().get();
        if (content == null) {
            model.showStatus(texts.get("nav.split.nothing"));
            return;
        }
        CodeViewPane left = view.selectedCodeView();
        int line = left == null ? 1 : left.currentLine();
        CodeViewPane right = new CodeViewPane(texts, doc.path(), model);
        decorate.accept(right);
        // the prepared document is immutable data: the split view shares the tab's, nothing is rebuilt
        if (doc.prepared() != null) {
            right.show(doc.prepared());
        } else {
            right.show(content);
        }
        Label title = new Label(texts.format("nav.split.title", doc.escapedPath()));
        title.getStyleClass().add("split-title");
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Button close = new Button(texts.get("nav.split.close"));
        close.setOnAction(e -> close());
        HBox header = new HBox(6, title, close);
        header.getStyleClass().add("split-header");
        BorderPane box = new BorderPane(right);
        box.setTop(header);
        box.getStyleClass().add("split-view");
        view.showBesideTabs(box);
        pane = right;
        right.goToLine(line);
    }

    void close() {
        pane = null;
        view.showBesideTabs(null);
    }

    /** The second view, or null when the split is closed. */
    CodeViewPane pane() {
        return pane;
    }
}
