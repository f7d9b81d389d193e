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

    QuickOpen(Window owner, String title, List<String> stylesheets, Function<String, List<ResultItem>> search,
            Consumer<Location> open) {
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
        query.textProperty().addListener((obs, old, typed) -> {
            list.getItems().setAll(search.apply(typed));
            list.getSelectionModel().select(0);
        });
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
        list.getItems().setAll(search.apply(""));
    }

    void show() {
        stage.show();
        query.requestFocus();
    }

    TextField queryField() {
        return query;
    }

    Stage stage() {
        return stage;
    }
}
