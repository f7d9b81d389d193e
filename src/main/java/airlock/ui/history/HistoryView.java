package airlock.ui.history;

import airlock.core.history.CommitInfo;
import airlock.core.history.FileHistory;
import airlock.core.text.VisibleText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

/** The commits that touched a file, newest first; every repository text escaped. */
final class HistoryView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private final ListView<CommitInfo> list = new ListView<>();

    /** @param open opens a commit as a diff against its parent (Enter, double-click) */
    HistoryView(FileHistory history, String header, String openTip, java.util.function.Consumer<CommitInfo> open) {
        getStyleClass().add("airlock-history");
        Label title = new Label(header);
        title.getStyleClass().add("diff-header");
        title.setMaxWidth(Double.MAX_VALUE);
        setTop(title);
        list.getItems().setAll(history.commits());
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(CommitInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : line(item));
            }
        });
        setCenter(list);
        list.setTooltip(new javafx.scene.control.Tooltip(openTip));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected(open);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                openSelected(open);
                e.consume();
            }
        });
        if (!history.commits().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    private void openSelected(java.util.function.Consumer<CommitInfo> open) {
        CommitInfo commit = list.getSelectionModel().getSelectedItem();
        if (commit != null) {
            open.accept(commit);
        }
    }

    static String line(CommitInfo commit) {
        return commit.shortId() + "  " + WHEN.format(commit.when()) + "  " + VisibleText.escape(commit.author())
                + "  " + VisibleText.escape(commit.summary());
    }

    ListView<CommitInfo> list() {
        return list;
    }
}
