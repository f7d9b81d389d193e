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

    ResultsPanel(Consumer<ResultItem> open) {
        getStyleClass().add("nav-results");
        header.getStyleClass().add("nav-results-header");
        header.setWrapText(true);
        setTop(header);
        // a path cut by a narrow panel still tells itself in full (issue 19)
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ResultItem item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item.toString()));
                if (empty || item == null || item.code() == null || item.target() == null) {
                    setGraphic(null);
                    setText(empty || item == null ? null : item.toString());
                    return;
                }
                // a reference: grouped under its file's header, its code line with the name marked (issue 19)
                setText(null);
                setGraphic(airlock.ui.code.HitLines.row(headerAt(getIndex()), item.target().line(), item.code().text(),
                        java.util.List.of(new airlock.core.search.MatchRange(item.code().from(), item.code().to()))));
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

    private void openSelected(Consumer<ResultItem> open) {
        ResultItem item = list.getSelectionModel().getSelectedItem();
        if (item != null && item.target() != null) {
            open.accept(item);
        }
    }

    /** The header of the file group that row {@code index} starts, or null when it continues the group above. */
    String headerAt(int index) {
        List<ResultItem> items = list.getItems();
        if (index < 0 || index >= items.size()) {
            return null;
        }
        String path = items.get(index).target().path();
        if (index > 0 && items.get(index - 1).target() != null && items.get(index - 1).target().path().equals(path)) {
            return null;
        }
        int count = 0;
        for (int i = index; i < items.size() && items.get(i).target() != null
                && items.get(i).target().path().equals(path); i++) {
            count++;
        }
        return airlock.ui.code.HitLines.header(path, count, false);
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
