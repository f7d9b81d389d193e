package airlock.ui.seal;

import airlock.ui.Texts;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** The seal screen's table of committed log fields, disclosed or kept in the room (see {@link LogDisclosuresModel}). */
final class LogDisclosuresPane {
    private final VBox root;

    LogDisclosuresPane(LogDisclosuresModel model, Texts texts) {
        Label title = new Label(texts.get("seal.disclosures"));
        title.getStyleClass().add("seal-section");
        Label summary = new Label();
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        TableView<LogDisclosuresModel.Row> table = new TableView<>(model.rows());
        table.setId("seal-disclosures");
        table.getColumns().add(column(texts.get("seal.disclosures.column.entry"), LogDisclosuresModel.Row::entry, 210));
        table.getColumns().add(column(texts.get("seal.disclosures.column.field"), LogDisclosuresModel.Row::field, 90));
        TableColumn<LogDisclosuresModel.Row, String> decision = column(texts.get("seal.disclosures.column.decision"),
                LogDisclosuresModel.Row::decision, 120);
        decision.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("disclosure-disclosed", "disclosure-kept");
                LogDisclosuresModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                if (row != null) {
                    getStyleClass().add(row.disclosed() ? "disclosure-disclosed" : "disclosure-kept");
                }
            }
        });
        table.getColumns().add(decision);
        table.getColumns().add(column(texts.get("seal.disclosures.column.reason"), LogDisclosuresModel.Row::reason, 420));
        table.setPrefHeight(170);
        table.setMinHeight(110);
        table.setContextMenu(new ContextMenu()); // nothing on this screen goes to the clipboard
        root = new VBox(4, title, summary, table);
    }

    Parent root() {
        return root;
    }

    private static TableColumn<LogDisclosuresModel.Row, String> column(String title,
            java.util.function.Function<LogDisclosuresModel.Row, String> value, double width) {
        TableColumn<LogDisclosuresModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
