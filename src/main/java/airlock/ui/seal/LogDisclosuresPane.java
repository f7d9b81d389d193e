package airlock.ui.seal;

import airlock.ui.Texts;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/** The seal screen's table of committed log fields, disclosed or kept in the room (see {@link LogDisclosuresModel}). */
final class LogDisclosuresPane {
    private final TitledPane root;

    LogDisclosuresPane(LogDisclosuresModel model, Texts texts) {
        this(model, texts, null);
    }

    /** With {@code seal}: the supervisor decides on the selected field (keep in the room / override with a reason). */
    LogDisclosuresPane(LogDisclosuresModel model, Texts texts, SealViewModel seal) {
        Label summary = new Label();
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        TableView<LogDisclosuresModel.Row> table = new TableView<>(model.rows());
        table.setId("seal-disclosures");
        table.getColumns().add(column(texts.get("seal.disclosures.column.entry"), LogDisclosuresModel.Row::entry, 175));
        table.getColumns().add(column(texts.get("seal.disclosures.column.field"), LogDisclosuresModel.Row::field, 75));
        TableColumn<LogDisclosuresModel.Row, String> decision = column(texts.get("seal.disclosures.column.decision"),
                LogDisclosuresModel.Row::decision, 150);
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
        table.getColumns().add(column(texts.get("seal.disclosures.column.reason"), LogDisclosuresModel.Row::reason, 460));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN); // "Why" takes the rest
        table.setPrefHeight(150);
        table.setMinHeight(100);
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(LogDisclosuresModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new javafx.scene.control.Tooltip(row.reason()));
            }
        });
        table.setContextMenu(new ContextMenu()); // nothing on this screen goes to the clipboard
        // Collapsed at first, the count in its title, so the checks above keep their room on a small screen;
        // the .disclosures file in the table of outgoing files shows exactly what leaves.
        root = new TitledPane();
        root.setId("seal-disclosures-pane");
        root.textProperty().bind(javafx.beans.binding.Bindings.concat(texts.get("seal.disclosures"), " \u2014 ",
                model.summaryProperty()));
        VBox content = new VBox(4, summary, table);
        if (seal != null) {
            content.getChildren().add(decisions(table, texts, seal));
        }
        root.setContent(content);
        root.setAnimated(false);
        root.setExpanded(false);
    }

    /** Keep in the room / Override… for the selected field, with the reason (required to override), as on the checks. */
    private static javafx.scene.Node decisions(TableView<LogDisclosuresModel.Row> table, Texts texts, SealViewModel seal) {
        javafx.scene.control.TextField why = new javafx.scene.control.TextField();
        why.setId("seal-disclosure-reason");
        why.setPromptText(texts.get("seal.reason.prompt"));
        javafx.scene.control.Button keep = new javafx.scene.control.Button(texts.get("seal.disclosures.keep"));
        keep.setId("seal-disclosure-keep");
        javafx.scene.control.Button override = new javafx.scene.control.Button(texts.get("seal.disclosures.override"));
        override.setId("seal-disclosure-override");
        var selected = table.getSelectionModel().selectedItemProperty();
        keep.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> selected.get() == null
                || !selected.get().actions().contains(airlock.core.policy.SupervisorAction.REFUSE), selected)
                .or(seal.runningProperty()));
        override.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> selected.get() == null
                || !selected.get().actions().contains(airlock.core.policy.SupervisorAction.OVERRIDE), selected)
                .or(seal.runningProperty()));
        keep.setOnAction(e -> decide(seal, selected.get(), airlock.core.policy.SupervisorAction.REFUSE, why));
        override.setOnAction(e -> decide(seal, selected.get(), airlock.core.policy.SupervisorAction.OVERRIDE, why));
        Label hint = new Label(texts.get("seal.disclosures.hint"));
        hint.setWrapText(true);
        for (javafx.scene.control.Button b : new javafx.scene.control.Button[] {keep, override}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, keep, override, why);
        javafx.scene.layout.HBox.setHgrow(why, javafx.scene.layout.Priority.ALWAYS);
        return new VBox(4, hint, row);
    }

    private static void decide(SealViewModel seal, LogDisclosuresModel.Row row, airlock.core.policy.SupervisorAction action,
                               javafx.scene.control.TextField why) {
        seal.decideField(row, action, why.getText());
        if (seal.errorProperty().get().isEmpty()) {
            why.clear(); // the reason went with this decision
        }
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
