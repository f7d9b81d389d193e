package airlock.ui.help;

import airlock.ui.Texts;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help → About: version, bundled libraries and their licences, trademark notices. */
public final class AboutDialog {
    private AboutDialog() {
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    public static Alert create(Texts texts, String version, Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(texts.get("about.title"));
        alert.setHeaderText(texts.format("about.header", version));
        GridPane table = new GridPane();
        table.getStyleClass().add("licence-table");
        table.setHgap(16);
        table.setVgap(4);
        Label libraryHeading = new Label(texts.get("about.library"));
        Label licenceHeading = new Label(texts.get("about.licence"));
        libraryHeading.getStyleClass().add("table-heading");
        licenceHeading.getStyleClass().add("table-heading");
        table.addRow(0, libraryHeading, licenceHeading);
        ColumnConstraints library = new ColumnConstraints();
        library.setPercentWidth(55);
        ColumnConstraints licence = new ColumnConstraints();
        licence.setPercentWidth(45);
        table.getColumnConstraints().setAll(library, licence);
        int row = 1;
        for (Licences.Bundled bundled : Licences.bundled()) {
            table.addRow(row++, wrapping(bundled.library()), wrapping(bundled.licence()));
        }
        Label purpose = new Label(texts.get("about.purpose"));
        purpose.setWrapText(true);
        Label trademark = new Label(texts.get("about.cwe.trademark"));
        trademark.setWrapText(true);
        VBox content = new VBox(12, purpose, table, trademark);
        content.setPrefWidth(720);
        alert.getDialogPane().setPrefWidth(780);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().getStyleClass().add("about-dialog");
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
        }
        return alert;
    }
}
