package airlock.ui.navigate;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

/** Side panel listing definitions (the chooser), references and callers; double-click or Enter opens one. */
final class ResultsPanel extends BorderPane {
    private final Label header = new Label();
    private final ListView<ResultItem> list = new ListView<>();

    ResultsPanel(Consumer<Location> open) {
        getStyleClass().add("nav-results");
        header.getStyleClass().add("nav-results-header");
        header.setWrapText(true);
        setTop(header);
        // a path cut by a narrow panel still tells itself in full (issue 19)
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ResultItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item.toString()));
            }
        });
        setCenter(list);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected(open);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected(open);
            }
        });
    }

    private void openSelected(Consumer<Location> open) {
        ResultItem item = list.getSelectionModel().getSelectedItem();
        if (item != null && item.target() != null) {
            open.accept(item.target());
        }
    }

    void show(String title, List<ResultItem> items) {
        header.setText(title);
        list.getItems().setAll(items);
        if (!items.isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    void clear() {
        header.setText("");
        list.getItems().clear();
    }

    void append(List<ResultItem> items) {
        list.getItems().addAll(items);
    }

    String title() {
        return header.getText();
    }

    List<ResultItem> items() {
        return List.copyOf(list.getItems());
    }

    ListView<ResultItem> listView() {
        return list;
    }
}
