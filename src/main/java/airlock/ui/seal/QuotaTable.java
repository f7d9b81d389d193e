package airlock.ui.seal;

import airlock.ui.Texts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * The seal screen's table of cumulative limits (issue 18): per session the quoted lines and the
 * encoded bytes, per source file the quoted lines, each as used / allowed, over-limit rows marked
 * (style class {@code quota-over}). A limit that is broken is also a check above it, decided like
 * any other.
 */
final class QuotaTable {
    private final SealViewModel model;
    private final Texts texts;

    QuotaTable(SealViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    Parent node() {
        Label title = new Label(texts.get("seal.quotas"));
        title.getStyleClass().add("seal-section");
        Label note = new Label();
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.textProperty().bind(model.quotaNoteProperty());
        TableView<SealViewModel.QuotaRow> table = new TableView<>(model.quotas());
        table.setId("seal-quota-table");
        table.getStyleClass().add("quota-table");
        table.getColumns().add(column(texts.get("seal.quotas.limit"), SealViewModel.QuotaRow::limit, 300));
        table.getColumns().add(column(texts.get("seal.quotas.used"), r -> Long.toString(r.used()), 70));
        table.getColumns().add(column(texts.get("seal.quotas.allowed"), r -> Long.toString(r.allowed()), 70));
        table.getColumns().add(column(texts.get("seal.quotas.state"), SealViewModel.QuotaRow::state, 110));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SealViewModel.QuotaRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("quota-over");
                if (!empty && row != null && row.over()) {
                    getStyleClass().add("quota-over");
                    setStyle("-fx-background-color: #f8d7da;");
                } else {
                    setStyle("");
                }
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(150);
        table.setMinHeight(135);
        VBox box = new VBox(4, title, note, table);
        box.setId("seal-quotas");
        return box;
    }

    private static TableColumn<SealViewModel.QuotaRow, String> column(String title,
            java.util.function.Function<SealViewModel.QuotaRow, String> value, double width) {
        TableColumn<SealViewModel.QuotaRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
