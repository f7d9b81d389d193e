package airlock.ui.history;

import airlock.core.history.FileChange;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The versions window: a "Compare" tab (two refs and the files changed between them) and one tab per
 * opened diff, history or blame. Kept beside the main window so code and its diff can be read together.
 */
final class VersionsWindow {
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final ComboBox<String> from = new ComboBox<>();
    private final ComboBox<String> to = new ComboBox<>();
    private final ListView<FileChange> changes = new ListView<>();
    private final Label summary = new Label();

    VersionsWindow(airlock.ui.Texts texts, Window owner, Parent styleSource, Runnable compare,
                   Consumer<FileChange> open) {
        stage.initOwner(owner);
        stage.setTitle(texts.get("versions.window.title"));
        from.setId("versions-from");
        to.setId("versions-to");
        changes.setId("versions-changes");
        from.setCellFactory(list -> new RefCell());
        from.setButtonCell(new RefCell());
        to.setCellFactory(list -> new RefCell());
        to.setButtonCell(new RefCell());
        Button run = new Button(texts.get("versions.compare.run"));
        run.setId("versions-compare");
        run.setOnAction(event -> compare.run());
        javafx.scene.layout.Pane spring = new javafx.scene.layout.Pane();
        HBox.setHgrow(spring, javafx.scene.layout.Priority.ALWAYS);
        Button close = airlock.ui.WindowKeys.closeButton(texts, stage);
        close.setId("versions-close");
        HBox bar = new HBox(8, new Label(texts.get("versions.compare.from")), from,
                new Label(texts.get("versions.compare.to")), to, run, spring, close);
        bar.getStyleClass().add("versions-bar");
        changes.setCellFactory(list -> new ChangeCell(texts));
        changes.getSelectionModel().selectedItemProperty().addListener((obs, old, change) -> {
            if (change != null) {
                open.accept(change);
            }
        });
        changes.setPlaceholder(new Label(texts.get("versions.compare.empty")));
        summary.getStyleClass().add("versions-summary");
        BorderPane compareBox = new BorderPane(changes, bar, null, summary, null);
        Tab compareTab = new Tab(texts.get("versions.tab.compare"), compareBox);
        compareTab.setClosable(false);
        tabs.getTabs().add(compareTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.setStyle("-fx-open-tab-animation: NONE; -fx-close-tab-animation: NONE;");
        Scene scene = new Scene(tabs, 1200, 700);
        scene.getRoot().getStylesheets().setAll(styleSource.getStylesheets());
        scene.getRoot().getStyleClass().add("versions-window");
        stage.setScene(scene);
        // a diff's keys (F7, Shift+F7, Alt+Down/Up, Alt+Shift+U) work from anywhere in the window while its
        // tab is shown, also when the focus is on the tab headers (issue 19: it ended up there under openbox)
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            Tab selected = tabs.getSelectionModel().getSelectedItem();
            if (selected != null && selected.getContent() instanceof DiffPane diff && diff.handleKey(event)) {
                event.consume();
            }
        });
        airlock.ui.WindowSize.applyWhenShown(stage);
        airlock.ui.WindowKeys.closeWithKeys(stage);
    }

    void setRefs(List<String> refs, String fromRef, String toRef) {
        from.getItems().setAll(refs);
        to.getItems().setAll(refs);
        from.setValue(fromRef);
        to.setValue(toRef);
    }

    String fromRef() {
        return from.getValue();
    }

    String toRef() {
        return to.getValue();
    }

    ObservableList<FileChange> changes() {
        return changes.getItems();
    }

    ListView<FileChange> changeList() {
        return changes;
    }

    void setSummary(String text) {
        summary.setText(text);
    }

    /**
     * Adds (or re-selects, by id) a tab, brings the window forward and puts the keyboard on
     * {@code focus} (a control inside {@code content}).
     */
    void showTab(String id, String title, String tooltip, Node content, Node focus) {
        for (Tab tab : tabs.getTabs()) {
            if (id.equals(tab.getId())) {
                tabs.getTabs().remove(tab);
                break;
            }
        }
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        show();
        focusWhenShown(focus);
    }

    /**
     * Gives {@code focus} the keyboard now. A node not yet in the scene (a split pane adds its items only
     * when its skin is made, at the next CSS pass) ignores a focus request: asked from a later
     * {@code runLater} the request lost that race under openbox, the hidden history list then gave the
     * focus up and the scene put it on the tab headers, outside the diff (F7 did nothing). So CSS and
     * layout are applied first, which makes the skins and puts the node in the scene.
     */
    private void focusWhenShown(Node focus) {
        Parent root = stage.getScene().getRoot();
        root.applyCss();
        root.layout();
        focus.requestFocus();
    }

    void showCompare() {
        tabs.getSelectionModel().select(0);
        show();
    }

    private void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    TabPane tabs() {
        return tabs;
    }
}
