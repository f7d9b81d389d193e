package airlock.ui.session;

import airlock.core.policy.SupervisorConfirmation;
import airlock.ui.Texts;
import java.nio.file.Path;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Start session…": who (inspector, organisation, optional badge), which bundle, and the
 * supervisor's confirmation in the form the room policy asks for (nothing, the room PIN, or a
 * supervisor key file and its passphrase). The dialog stays open with the reason when the start is
 * refused (wrong PIN, unpinned key, another session open) and closes once the session runs.
 */
final class StartSessionDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField inspector = new TextField();
    private final TextField organisation = new TextField();
    private final TextField badge = new TextField();
    private final ComboBox<SessionViewModel.BundleChoice> bundle = new ComboBox<>();
    private final PasswordField pin = new PasswordField();
    private final TextField keyFile = new TextField();
    private final PasswordField passphrase = new PasswordField();
    private final PasswordField inspectorPassphrase = new PasswordField();
    private final Label problem = new Label();
    private final airlock.ui.media.MediaWatch media;
    /** The key file chosen on the supervisor's stick (the field shows it, made visible; it is not typed). */
    private Path keyPath;

    StartSessionDialog(SessionViewModel model, Texts texts, Window owner, String demoHint, java.util.List<String> stylesheets,
                       airlock.ui.media.MediaWatch media) {
        this.media = java.util.Objects.requireNonNull(media);
        dialog.initOwner(owner);
        dialog.setTitle(texts.get("session.start.title"));
        dialog.setHeaderText(model.policyName().isEmpty() ? texts.get("session.start.header.keeper")
                : texts.format("session.start.header", model.policyName()));
        dialog.getDialogPane().getStylesheets().setAll(stylesheets);
        dialog.getDialogPane().getStyleClass().add("session-start");
        ButtonType start = new ButtonType(texts.get("session.start.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        airlock.ui.WindowKeys.closeWithKeys(dialog); // Ctrl+W cancels as Esc does (issue 19)
        // the inspector field gets the keyboard each time the dialog shows, also the second time under openbox (issue 19)
        airlock.ui.WindowFocus.onShown(dialog.getDialogPane().getScene().getWindow(), () -> inspector);

        inspector.setId("session-inspector");
        organisation.setId("session-organisation");
        badge.setId("session-badge");
        bundle.setId("session-bundle");
        pin.setId("session-pin");
        keyFile.setId("session-key-file");
        passphrase.setId("session-passphrase");
        inspectorPassphrase.setId("session-inspector-passphrase");
        problem.setId("session-start-problem");
        problem.getStyleClass().add("session-problem");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        badge.setPromptText(texts.get("session.start.badge.prompt"));
        bundle.setMaxWidth(Double.MAX_VALUE);
        // a long bundle name is cut in the field (the field names keep their width): the whole name as tooltip
        bundle.valueProperty().addListener((obs, old, now) -> bundle.setTooltip(now == null ? null
                : new javafx.scene.control.Tooltip(now.label())));
        bundle.setPromptText(texts.get("session.start.bundle.loading"));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, name(texts.get("session.start.inspector")), inspector);
        if (model.inspectorsNamed()) {
            grid.addRow(row++, name(texts.get("session.start.inspector.passphrase")), inspectorPassphrase);
        }
        grid.addRow(row++, name(texts.get("session.start.organisation")), organisation);
        grid.addRow(row++, name(texts.get("session.start.badge")), badge);
        grid.addRow(row++, name(texts.get("session.start.bundle")), bundle);
        SupervisorConfirmation.Mode mode = model.confirmationMode();
        Label confirm = new Label(switch (mode) {
            case NONE -> texts.get("session.start.confirm.none");
            case PIN -> texts.get("session.start.confirm.pin");
            case KEY -> texts.get("session.start.confirm.key");
        });
        confirm.setWrapText(true);
        confirm.getStyleClass().add("session-confirm");
        grid.add(confirm, 0, row++, 2, 1);
        if (mode == SupervisorConfirmation.Mode.PIN) {
            grid.addRow(row++, name(texts.get("session.start.pin")), pin);
        } else if (mode == SupervisorConfirmation.Mode.KEY) {
            // the supervisor's key is read from the supervisor's stick: a removable medium, then its key files (issue 17)
            Button browse = new Button(texts.get("session.start.key.browse"));
            browse.setId("session-key-choose");
            keyFile.setEditable(false);
            keyFile.setPromptText(texts.get("session.start.key.prompt"));
            browse.setOnAction(event -> airlock.ui.media.MediaChooser.chooseFile(dialog.getDialogPane().getScene().getWindow(),
                    texts, texts.get("session.start.key.choose"), media, airlock.core.media.MediaFiles.named(".key"))
                    .ifPresent(chosen -> {
                        keyPath = chosen;
                        keyFile.setText(airlock.core.text.VisibleText.escape(chosen.toString()));
                    }));
            HBox keyRow = new HBox(6, keyFile, browse);
            HBox.setHgrow(keyFile, Priority.ALWAYS);
            grid.addRow(row++, name(texts.get("session.start.key")), keyRow);
            grid.addRow(row++, name(texts.get("session.start.passphrase")), passphrase);
        }
        GridPane.setHgrow(inspector, Priority.ALWAYS);
        VBox content = new VBox(10, grid);
        if (demoHint != null) {
            Label demo = new Label(demoHint);
            demo.setId("session-demo-hint");
            demo.getStyleClass().add("session-demo-hint");
            // the full width of the dialog, no narrower maximum: the box gives a label the height its text needs
            // at the box's width, and a label held narrower needed another line it did not get ("only the ...",
            // seen in the xvfb walk at 1366x768; issue 19)
            demo.setWrapText(true);
            demo.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            demo.setMaxWidth(Double.MAX_VALUE);
            content.getChildren().add(demo);
        }
        model.unavailableReason().ifPresent(reason -> problem.setText(texts.format("session.unavailable", reason)));
        content.getChildren().add(problem);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);

        Node startButton = dialog.getDialogPane().lookupButton(start);
        startButton.setId("session-start-button");
        startButton.disableProperty().bind(inspector.textProperty().isEmpty().or(organisation.textProperty().isEmpty())
                .or(bundle.valueProperty().isNull()));
        startButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            problem.setText(texts.get("session.start.checking"));
            SessionViewModel.BundleChoice chosen = bundle.getValue();
            Path key = keyPath;
            model.start(new SessionViewModel.StartForm(inspector.getText(), organisation.getText(), badge.getText(),
                    chosen.id(), pin.getText().toCharArray(), key, passphrase.getText().toCharArray(),
                    model.inspectorsNamed() ? inspectorPassphrase.getText().toCharArray() : null), outcome -> {
                        pin.clear();
                        passphrase.clear();
                        inspectorPassphrase.clear();
                        if (outcome.session() != null) {
                            dialog.setResult(start);
                            dialog.close();
                        } else {
                            problem.setText(outcome.problem());
                        }
                    });
        });
        model.listBundles(list -> {
            bundle.getItems().setAll(list);
            // several bundles and none open: the inspector chooses (a wrong guess would review the wrong code);
            // the empty field says so instead of looking like a list that failed to load
            bundle.setPromptText(texts.get(list.isEmpty() ? "session.start.bundle.none" : "session.start.bundle.choose"));
            String open = model.openBundleProperty().get();
            list.stream().filter(b -> b.id().equals(open)).findFirst()
                    .or(() -> list.size() == 1 ? java.util.Optional.of(list.get(0)) : java.util.Optional.empty())
                    .ifPresent(bundle::setValue);
        });
    }

    /** A field's name: never cut (issue 19: "Inspector na…" when a long bundle name widened the field column). */
    private static Label name(String text) {
        return airlock.ui.Labels.name(text);
    }

    Dialog<ButtonType> dialog() {
        return dialog;
    }

    void show() {
        dialog.show();
    }

    /** The first useful control (for tests). */
    TextField inspectorField() {
        return inspector;
    }
}
