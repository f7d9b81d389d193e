package airlock.ui.annotate;

import airlock.core.annotate.AnchorState;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnnotationOrder;
import airlock.core.annotate.Reply;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.annotate.AnnotationsModel.PanelRow;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Annotations panel: every finding of the session with filters (text, severity, status, CWE,
 * author, file) and a sort order, in a virtualised table that stays quick with tens of thousands
 * of rows; Enter or double-click jumps to the finding; below, the selected finding rendered safely,
 * its thread, and for an outdated one the code it was made on.
 */
final class AnnotationsPanel extends BorderPane {
    private final AnnotationsModel model;
    private final Texts texts;
    private final TableView<PanelRow> table = new TableView<>();
    private final VBox detail = new VBox(6);

    AnnotationsPanel(AnnotationsModel model, Texts texts, Consumer<PanelRow> jump) {
        this.model = model;
        this.texts = texts;
        getStyleClass().add("annotations-panel");
        setId("annotations-panel");
        table.setId("annotations-table");
        table.setItems(model.visible());
        table.setPlaceholder(new Label(texts.get("annot.panel.empty")));
        table.getColumns().add(column("annot.panel.col.severity", r -> EnumTexts.of(texts, "annot.severity.", r.annotation().severity()), 70));
        table.getColumns().add(column("annot.panel.col.status", r -> EnumTexts.of(texts, "annot.status.", r.annotation().status()), 80));
        table.getColumns().add(column("annot.panel.col.title", r -> VisibleText.escape(r.annotation().title()), 180));
        table.getColumns().add(column("annot.panel.col.where", this::where, 140));
        table.getColumns().add(column("annot.panel.col.cwe", r -> r.annotation().cweLabel() == null ? "\u2014" : r.annotation().cweLabel(), 70));
        table.getColumns().add(column("annot.panel.col.author", r -> VisibleText.escape(r.annotation().author()), 70));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PanelRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("annot-row-outdated", "annot-row-moved");
                if (!empty && item != null && item.state() != AnchorState.CURRENT) {
                    getStyleClass().add(item.state() == AnchorState.OUTDATED ? "annot-row-outdated" : "annot-row-moved");
                }
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                jump.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                jump.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != model.selectedProperty().get()) {
                model.selectedProperty().set(row);
            }
            showDetail(row);
        });
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row != table.getSelectionModel().getSelectedItem()) {
                if (row == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(row);
                    table.scrollTo(row);
                }
            }
        });
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detail.setPadding(new Insets(6));
        detail.getStyleClass().add("annot-detail");
        detail.setId("annot-detail");
        SplitPane split = new SplitPane(table, detailScroll);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setTop(filters());
        setCenter(split);
        showDetail(null);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private String where(PanelRow r) {
        var range = r.shownAnchor().primary().range();
        String place = VisibleText.escape(r.shownAnchor().path()) + ":" + range.startLine();
        return switch (r.state()) {
            case CURRENT -> place;
            case MOVED -> texts.format("annot.panel.moved", place);
            case OUTDATED -> texts.format("annot.panel.outdated", place);
        };
    }

    private TableColumn<PanelRow, String> column(String key, Function<PanelRow, String> value, double width) {
        TableColumn<PanelRow, String> c = new TableColumn<>(texts.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private FlowPane filters() {
        TextField text = field("annot-filter-text", "annot.panel.filter.text", model.filterTextProperty(), 160);
        TextField file = field("annot-filter-file", "annot.panel.filter.file", model.filterFileProperty(), 120);
        TextField author = field("annot-filter-author", "annot.panel.filter.author", model.filterAuthorProperty(), 90);
        TextField category = field("annot-filter-cwe", "annot.panel.filter.cwe", model.filterCategoryProperty(), 80);
        ChoiceBox<Severity> severity = anyChoice("annot-filter-severity", Severity.values(), "annot.severity.");
        severity.valueProperty().bindBidirectional(model.filterSeverityProperty());
        ChoiceBox<Status> status = anyChoice("annot-filter-status", Status.values(), "annot.status.");
        status.valueProperty().bindBidirectional(model.filterStatusProperty());
        ChoiceBox<AnnotationOrder> order = new ChoiceBox<>(FXCollections.observableArrayList(AnnotationOrder.values()));
        order.setId("annot-sort");
        order.setConverter(new EnumTextConverter<>(texts, "annot.sort.", AnnotationOrder.values(), ""));
        order.valueProperty().bindBidirectional(model.orderProperty());
        FlowPane bar = new FlowPane(6, 4, text, severity, status, category, author, file, new Label(texts.get("annot.panel.sort")), order);
        bar.setPadding(new Insets(4));
        bar.getStyleClass().add("annot-filters");
        return bar;
    }

    /** A text filter, applied once typing pauses (a keystroke never re-sorts 10,000 rows). */
    private TextField field(String id, String promptKey, StringProperty target, double width) {
        TextField f = new TextField(target.get());
        f.setId(id);
        f.setPromptText(texts.get(promptKey));
        f.setPrefWidth(width);
        PauseTransition pause = new PauseTransition(Duration.millis(150));
        pause.setOnFinished(e -> target.set(f.getText()));
        f.textProperty().addListener((obs, old, now) -> pause.playFromStart());
        f.setOnAction(e -> target.set(f.getText()));
        return f;
    }

    private <E extends Enum<E>> ChoiceBox<E> anyChoice(String id, E[] values, String prefix) {
        ChoiceBox<E> box = new ChoiceBox<>();
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setId(id);
        box.setConverter(new EnumTextConverter<>(texts, prefix, values, texts.get("annot.panel.any")));
        return box;
    }

    private void showDetail(PanelRow row) {
        detail.getChildren().clear();
        if (row == null) {
            detail.getChildren().add(new Label(texts.get("annot.panel.detail.none")));
            return;
        }
        Annotation a = row.annotation();
        Label head = new Label(VisibleText.escape(a.title()));
        head.getStyleClass().add("annot-detail-title");
        head.setWrapText(true);
        Label meta = new Label(texts.format("annot.panel.detail.meta", EnumTexts.of(texts, "annot.severity.", a.severity()),
                EnumTexts.of(texts, "annot.confidence.", a.confidence()), EnumTexts.of(texts, "annot.status.", a.status()),
                a.cweLabel() == null ? "\u2014" : a.cweLabel(), VisibleText.escape(a.author()), a.created().toString(),
                VisibleText.escape(String.join(", ", a.tags()))));
        meta.setWrapText(true);
        meta.getStyleClass().add("annot-detail-meta");
        Label place = new Label(texts.format("annot.panel.detail.anchor", VisibleText.escape(a.anchor().ref()),
                VisibleText.escape(a.anchor().path()), a.anchor().primary().range().label(), a.anchor().ranges().size(), where(row)));
        place.setWrapText(true);
        detail.getChildren().addAll(head, meta, place, MarkdownView.render(a.body()));
        if (row.state() == AnchorState.OUTDATED) {
            Label why = new Label(texts.format("annot.panel.detail.outdated", row.placement() == null ? "" : row.placement().reason()));
            why.getStyleClass().add("annot-outdated-note");
            why.setWrapText(true);
            detail.getChildren().add(why);
            for (AnchoredRange r : a.anchor().ranges()) {
                Label code = new Label(r.originalText() == null ? texts.get("annot.panel.detail.notext")
                        : escapeBlock(r.originalText()));
                code.getStyleClass().add("annot-original-code");
                code.setWrapText(true);
                detail.getChildren().add(code);
            }
        }
        for (Reply r : a.replies()) {
            Label who = new Label(texts.format("annot.panel.detail.reply", VisibleText.escape(r.author()), r.created().toString()));
            who.getStyleClass().add("annot-reply-head");
            detail.getChildren().addAll(who, MarkdownView.render(r.body()));
        }
    }

    static String escapeBlock(String code) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String line : code.split("\n", -1)) {
            lines.add(VisibleText.escape(line.replace("\t", "    ")));
        }
        return String.join("\n", lines);
    }

    TableView<PanelRow> table() {
        return table;
    }

    VBox detail() {
        return detail;
    }
}
