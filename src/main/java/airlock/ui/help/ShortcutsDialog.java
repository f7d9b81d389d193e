package airlock.ui.help;

import airlock.ui.Texts;
import airlock.ui.main.Shortcut;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help → Keyboard shortcuts: every shortcut the window knows, with what it does. */
public final class ShortcutsDialog {
    private ShortcutsDialog() {
    }

    public static Alert create(Texts texts, List<Shortcut> shortcuts, Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(texts.get("shortcuts.title"));
        alert.setHeaderText(texts.get("shortcuts.header"));
        alert.setGraphic(null);
        GridPane table = new GridPane();
        table.getStyleClass().add("shortcut-table");
        table.setHgap(24);
        table.setVgap(4);
        int row = 0;
        for (Shortcut shortcut : shortcuts) {
            Label keys = airlock.ui.Labels.name(shortcut.displayText());
            keys.getStyleClass().add("shortcut-keys");
            table.addRow(row++, keys, airlock.ui.Labels.wrapping(texts.get(shortcut.descriptionKey())));
        }
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(420, row * 26.0));
        alert.getDialogPane().setContent(scroll);
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
        }
        return alert;
    }
}
