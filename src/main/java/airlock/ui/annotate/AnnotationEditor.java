package airlock.ui.annotate;

import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnnotationContent;
import airlock.core.annotate.Confidence;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.annotate.store.AnnotationService;
import airlock.core.cwe.CweCatalogue;
import airlock.core.cwe.CweEntry;
import airlock.ui.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The finding editor: title, Markdown body with a safe rendered preview beside it, severity,
 * confidence, status, a CWE picked from the whole catalogue, free tags, and the annotated ranges.
 * Not modal, so the inspector can go back to the code, select another place and add it as a
 * second range. Save hands the content to the caller; nothing here talks to core.
 */
final class AnnotationEditor {
    private final Texts texts;
    private final Stage stage = new Stage();
    private final TextField title = new TextField();
    private final TextArea body = new TextArea();
    private final ScrollPane preview = new ScrollPane();
    private final ChoiceBox<Severity> severity = new ChoiceBox<>(FXCollections.observableArrayList(Severity.values()));
    private final ChoiceBox<Confidence> confidence = new ChoiceBox<>(FXCollections.observableArrayList(Confidence.values()));
    private final ChoiceBox<Status> status = new ChoiceBox<>(FXCollections.observableArrayList(Status.values()));
    private final TextField tags = new TextField();
    private final CwePicker cwe;
    private final ObservableList<String> ranges = FXCollections.observableArrayList();
    private final Label problem = new Label();
    private final Button addRange = new Button();
    private final Button save = new Button();
    private BiConsumer<AnnotationContent, Status> onSave = (c, s) -> { };

    AnnotationEditor(Texts texts, Window owner, List<String> stylesheets, CweCatalogue catalogue, Annotation existing,
                     List<String> rangeLabels, Runnable addSelection) {
        this.texts = texts;
        this.cwe = new CwePicker(catalogue, texts, existing == null ? null : existing.cweId());
        stage.initOwner(owner);
        stage.setTitle(texts.get(existing == null ? "annot.editor.title.new" : "annot.editor.title.edit"));
        title.setId("annot-title");
        body.setId("annot-body");
        tags.setId("annot-tags");
        severity.setId("annot-severity");
        status.setId("annot-status");
        confidence.setId("annot-confidence");
        save.setId("annot-save");
        addRange.setId("annot-add-range");
        severity.setConverter(new EnumTextConverter<>(texts, "annot.severity.", Severity.values(), ""));
        confidence.setConverter(new EnumTextConverter<>(texts, "annot.confidence.", Confidence.values(), ""));
        status.setConverter(new EnumTextConverter<>(texts, "annot.status.", Status.values(), ""));
        title.setPromptText(texts.get("annot.editor.title.prompt"));
        body.setPromptText(texts.get("annot.editor.body.prompt"));
        body.setWrapText(true);
        tags.setPromptText(texts.get("annot.editor.tags.prompt"));
        if (existing != null) {
            title.setText(existing.title());
            body.setText(existing.body());
            severity.setValue(existing.severity());
            confidence.setValue(existing.confidence());
            status.setValue(existing.status());
            tags.setText(String.join(", ", existing.tags()));
        } else {
            severity.setValue(Severity.MEDIUM);
            confidence.setValue(Confidence.MEDIUM);
            status.setValue(Status.OPEN);
        }
        ranges.setAll(rangeLabels);
        preview.getStyleClass().add("md-preview");
        preview.setFitToWidth(true);
        PauseTransition typing = new PauseTransition(Duration.millis(200));
        typing.setOnFinished(e -> preview.setContent(MarkdownView.render(body.getText())));
        body.textProperty().addListener((obs, old, text) -> typing.playFromStart());
        preview.setContent(MarkdownView.render(body.getText()));
        stage.setScene(new Scene(layout(existing == null ? addSelection : null), 900, 640));
        airlock.ui.WindowSize.keepSize(stage, stage.getScene());
        // Esc (its Cancel) and Ctrl+W close it as every secondary window (issue 19: only Esc did)
        airlock.ui.WindowKeys.closeWithKeys(stage);
        // the title first: the one line every finding needs (issue 19)
        airlock.ui.WindowFocus.onShown(stage, () -> title);
        stage.getScene().getStylesheets().setAll(stylesheets);
    }

    private Parent layout(Runnable addSelection) {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints());
        form.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        int row = 0;
        form.addRow(row++, label("annot.editor.field.title"), title);
        form.addRow(row++, label("annot.editor.field.triage"), new HBox(8, severity, label("annot.editor.field.confidence"),
                confidence, label("annot.editor.field.status"), status));
        form.addRow(row++, label("annot.editor.field.cwe"), cwe);
        form.addRow(row++, label("annot.editor.field.tags"), tags);
        ListView<String> rangeList = new ListView<>(ranges);
        rangeList.setId("annot-ranges");
        rangeList.setPrefHeight(64);
        addRange.setText(texts.get("annot.editor.range.add"));
        addRange.setDisable(addSelection == null);
        addRange.setOnAction(e -> {
            if (addSelection != null) {
                addSelection.run();
            }
        });
        form.addRow(row++, label("annot.editor.field.ranges"), new HBox(6, rangeList, addRange));
        HBox.setHgrow(rangeList, Priority.ALWAYS);
        VBox bodyBox = new VBox(4, label("annot.editor.field.body"), body);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox previewBox = new VBox(4, label("annot.editor.preview"), preview);
        VBox.setVgrow(preview, Priority.ALWAYS);
        SplitPane bodies = new SplitPane(bodyBox, previewBox);
        save.setText(texts.get("annot.editor.save"));
        save.setDefaultButton(true);
        save.setOnAction(e -> trySave());
        Button cancel = new Button(texts.get("annot.editor.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        problem.getStyleClass().add("annot-problem");
        problem.setWrapText(true);
        HBox buttons = new HBox(8, problem, save, cancel);
        HBox.setHgrow(problem, Priority.ALWAYS);
        problem.setMaxWidth(Double.MAX_VALUE);
        BorderPane root = new BorderPane(bodies, form, null, buttons, null);
        BorderPane.setMargin(bodies, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(10));
        root.getStyleClass().add("annot-editor");
        return root;
    }

    private Label label(String key) {
        // a long CWE name made the form's names end in "…" (issue 19)
        return airlock.ui.Labels.name(texts.get(key));
    }

    /** Checks what the service would refuse before asking it, so the message names the field. */
    void trySave() {
        String t = title.getText() == null ? "" : title.getText().strip();
        List<String> tagList = tagList();
        String message = null;
        if (t.isEmpty() || t.length() > AnnotationService.MAX_TITLE) {
            message = texts.format("annot.editor.invalid.title", AnnotationService.MAX_TITLE);
        } else if (body.getText().length() > AnnotationService.MAX_BODY) {
            message = texts.format("annot.editor.invalid.body", AnnotationService.MAX_BODY);
        } else if (tagList.size() > AnnotationService.MAX_TAGS || tagList.stream().anyMatch(x -> x.length() > AnnotationService.MAX_TAG)) {
            message = texts.format("annot.editor.invalid.tags", AnnotationService.MAX_TAGS, AnnotationService.MAX_TAG);
        }
        problem.setText(message == null ? "" : message);
        if (message != null) {
            return;
        }
        CweEntry entry = cwe.chosenProperty().get();
        onSave.accept(new AnnotationContent(t, body.getText(), severity.getValue(), confidence.getValue(),
                entry == null ? null : entry.id(), tagList), status.getValue());
        stage.close();
    }

    private List<String> tagList() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String tag : (tags.getText() == null ? "" : tags.getText()).split(",")) {
            if (!tag.isBlank()) {
                out.add(tag.strip());
            }
        }
        return new ArrayList<>(out);
    }

    void onSave(BiConsumer<AnnotationContent, Status> handler) {
        this.onSave = handler;
    }

    /** Adds a range label (after "Add current selection" produced one). */
    void addRangeLabel(String label) {
        ranges.add(label);
    }

    void showProblem(String message) {
        problem.setText(message);
    }

    Stage stage() {
        return stage;
    }

    TextField titleField() {
        return title;
    }

    TextArea bodyArea() {
        return body;
    }

    TextField tagsField() {
        return tags;
    }

    ChoiceBox<Severity> severityBox() {
        return severity;
    }

    ChoiceBox<Status> statusBox() {
        return status;
    }

    CwePicker cwePicker() {
        return cwe;
    }

    ObservableList<String> rangeLabels() {
        return ranges;
    }
}
