package airlock.ui.navigate;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small window with a query field and a live list: go to file (Ctrl+P) and go to symbol. The search
 * function must be fast (in-memory or an indexed query); Enter or double-click picks.
 */
final class QuickOpen {
    private final Stage stage = new Stage();
    private final TextField query = new TextField();
    private final ListView<ResultItem> list = new ListView<>();
    private final Runnable rerun;

    /** A search that answers later (an index query in the background); {@code show} runs on the FX thread. */
    interface AsyncSearch {
        void search(String typed, Consumer<List<ResultItem>> show);
    }

    QuickOpen(Window owner, String title, List<String> stylesheets, Function<String, List<ResultItem>> search,
            Consumer<Location> open) {
        this(owner, title, stylesheets, (typed, show) -> show.accept(search.apply(typed)), open);
    }

    /** Answers that arrive for a query the user has since changed are dropped. */
    QuickOpen(Window owner, String title, List<String> stylesheets, AsyncSearch search, Consumer<Location> open) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(title);
        BorderPane root = new BorderPane(list);
        root.setTop(query);
        root.getStyleClass().add("quick-open");
        query.setPromptText(title);
        Scene scene = new Scene(root, 640, 420);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        airlock.ui.WindowSize.applyWhenShown(stage);
        // Esc (also from the list) and Ctrl+W close it, as every secondary window (issue 19)
        airlock.ui.WindowKeys.closeWithKeys(stage);
        airlock.ui.WindowFocus.onShown(stage, () -> query);
        Consumer<String> run = typed -> search.search(typed, items -> {
            if (typed.equals(query.getText())) {
                list.getItems().setAll(items);
                list.getSelectionModel().select(0);
            }
        });
        query.textProperty().addListener((obs, old, typed) -> run.accept(typed));
        this.rerun = () -> run.accept(query.getText());
        Runnable pick = () -> {
            ResultItem item = list.getSelectionModel().getSelectedItem();
            stage.close();
            if (item != null && item.target() != null) {
                open.accept(item.target());
            }
        };
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pick.run();
            } else if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                pick.run();
            }
        });
        run.accept("");
    }

    /**
     * Asks again for what is typed: the list it answers from changed (the file list arrived after the
     * window opened, as it does when it comes from the keeper; without this, Return picked nothing).
     */
    void refresh() {
        if (stage.isShowing()) {
            rerun.run();
        }
    }

    void show() {
        stage.show();
    }

    List<ResultItem> items() {
        return List.copyOf(list.getItems());
    }

    TextField queryField() {
        return query;
    }

    Stage stage() {
        return stage;
    }
}
