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

    HistoryView(FileHistory history, String header) {
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
    }

    static String line(CommitInfo commit) {
        return commit.shortId() + "  " + WHEN.format(commit.when()) + "  " + VisibleText.escape(commit.author())
                + "  " + VisibleText.escape(commit.summary());
    }

    ListView<CommitInfo> list() {
        return list;
    }
}
