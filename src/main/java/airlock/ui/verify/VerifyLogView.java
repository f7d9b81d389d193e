package airlock.ui.verify;

import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "Verify a sealed log": choose the log on the stick and the trust folder, verify, read the verdict. */
public final class VerifyLogView {
    private final VerifyLogViewModel model;
    private final Texts texts;
    private final VBox root = new VBox(12);
    private final GridPane details = new GridPane();
    private final airlock.ui.media.MediaWatch media;

    /** @param media the removable media the log and the trust folder are chosen on (nothing else is offered) */
    public VerifyLogView(VerifyLogViewModel model, Texts texts, airlock.ui.media.MediaWatch media) {
        this.model = model;
        this.texts = texts;
        this.media = java.util.Objects.requireNonNull(media);
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        root.setPadding(new Insets(16));
        root.getStyleClass().add("verify-log");
        Label title = new Label(texts.get("verify.title"));
        title.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");

        TextField logField = pathField(model.logFileProperty().get());
        model.logFileProperty().addListener((obs, old, path) -> logField.setText(show(path)));
        Button chooseLog = new Button(texts.get("verify.choose.log"));
        chooseLog.setId("verify-choose-log");
        chooseLog.setOnAction(event -> {
            // a sealed log is read from the stick it was written to: no other folder is offered (issue 17)
            airlock.ui.media.MediaChooser.chooseFile(window(), texts, texts.get("verify.choose.log.title"), media,
                    airlock.core.media.MediaFiles.named(".log")).ifPresent(model.logFileProperty()::set);
        });
        TextField trustField = pathField(model.trustFolderProperty().get());
        model.trustFolderProperty().addListener((obs, old, path) -> trustField.setText(show(path)));
        Button chooseTrust = new Button(texts.get("verify.choose.trust"));
        chooseTrust.setOnAction(event -> {
            airlock.ui.media.MediaChooser.chooseFolder(window(), texts, texts.get("verify.choose.trust.title"), media, p -> true)
                    .ifPresent(model.trustFolderProperty()::set);
        });
        Button verify = new Button(texts.get("verify.run"));
        verify.setId("verify-run");
        verify.setDefaultButton(true);
        verify.disableProperty().bind(model.runningProperty().or(model.logFileProperty().isNull()));
        verify.setOnAction(event -> model.verify());

        GridPane inputs = new GridPane();
        inputs.setHgap(8);
        inputs.setVgap(8);
        inputs.addRow(0, new Label(texts.get("verify.log")), logField, chooseLog);
        inputs.addRow(1, new Label(texts.get("verify.trust")), trustField, chooseTrust);
        GridPane.setHgrow(logField, Priority.ALWAYS);
        GridPane.setHgrow(trustField, Priority.ALWAYS);

        Label headline = new Label();
        headline.setId("verify-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(model.headlineProperty());
        model.outcomeProperty().addListener((obs, old, outcome) -> headline.setStyle(style(outcome)));
        Label reason = new Label();
        reason.setId("verify-reason");
        reason.setWrapText(true);
        reason.textProperty().bind(model.reasonProperty().map(VisibleText::escape));

        details.setHgap(16);
        details.setVgap(4);
        model.details().addListener((ListChangeListener<String[]>) change -> fillDetails());
        root.getChildren().addAll(title, inputs, new HBox(8, verify), headline, reason, details);
    }

    private void fillDetails() {
        details.getChildren().clear();
        int row = 0;
        for (String[] pair : model.details()) {
            Label name = new Label(pair[0]);
            name.setStyle("-fx-font-weight: bold;");
            details.addRow(row++, name, new Label(VisibleText.escape(pair[1])));
        }
    }

    private static String style(VerifyLogViewModel.Outcome outcome) {
        String base = "-fx-font-size: 1.2em; -fx-font-weight: bold; -fx-padding: 8; -fx-background-radius: 4; ";
        return switch (outcome) {
            case VALID -> base + "-fx-background-color: #dff3e0; -fx-text-fill: #1b5e20;";
            case INVALID -> base + "-fx-background-color: #fde2e1; -fx-text-fill: #b71c1c;";
            default -> base;
        };
    }

    private static TextField pathField(Path initial) {
        TextField field = new TextField(show(initial));
        field.setEditable(false);
        field.setPrefColumnCount(48);
        return field;
    }

    private static String show(Path path) {
        return path == null ? "" : VisibleText.escape(path.toString());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

}
