package airlock.ui.seal;

import airlock.core.policy.SupervisorAction;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The supervisor's end-of-session screen: on the left the files that will leave (name, size,
 * SHA-256) and the room-policy checks with Redact / Refuse / Override; on the right the selected
 * file as it will be read, as plain escaped text (the HTML report is shown as source, nothing is
 * rendered or loaded); at the bottom the seal: supervisor, key file, passphrase, media folder,
 * progress. Nothing on this screen can be copied out.
 */
public final class SealView {
    private final SealViewModel model;
    private final Texts texts;
    private final ScrollPane root = new ScrollPane();
    private final VBox content = new VBox(6);
    private final VBox checkList = new VBox(8);
    private final PasswordField passphrase = new PasswordField();

    public SealView(SealViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        content.getStyleClass().add("seal-screen");
        content.setPadding(new Insets(12));
        Label title = new Label();
        title.getStyleClass().add("seal-title");
        title.textProperty().bind(model.headlineProperty());
        Label details = new Label();
        details.setWrapText(true);
        details.textProperty().bind(model.detailsProperty());

        SplitPane split = new SplitPane(left(), preview());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);
        // the checks and the preview take the height the window has to spare, and keep room for a few lines
        split.setMinHeight(260);
        split.setPrefHeight(320);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label filesTitle = new Label(texts.get("seal.files"));
        filesTitle.getStyleClass().add("seal-section");
        // One column of sections, each as wide as the window; none is ever given less than its
        // minimum height (labels: their wrapped text): the screen scrolls instead (issue 18).
        content.getChildren().setAll(title, details, filesTitle, fileTable(), split, new QuotaTable(model, texts).node(),
                new LogDisclosuresPane(model.logDisclosures(), texts, model).root(), sealPanel());
        keepHeights(content);
        content.setMinWidth(860);
        root.setContent(content);
        root.setFitToWidth(true);
        root.setFitToHeight(true); // content grows to the window, and is never squeezed below its minimum: it scrolls
        root.getStyleClass().add("seal-scroll");
        // Nothing on the supervisor's screen goes to the clipboard either.
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            boolean copy = event.isShortcutDown() && (event.getCode() == KeyCode.C || event.getCode() == KeyCode.X
                    || event.getCode() == KeyCode.INSERT);
            if (copy || (event.isShiftDown() && event.getCode() == KeyCode.DELETE)) {
                event.consume();
            }
        });
    }

    /**
     * Every label under {@code node} keeps the height of its (wrapped) text, added now or later: a
     * label's default minimum is one line, so a column short of room cut headings into each other.
     */
    static void keepHeights(javafx.scene.Node node) {
        if (node instanceof Label label) {
            label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        if (node instanceof javafx.scene.control.TitledPane titled && titled.getContent() != null) {
            keepHeights(titled.getContent());
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            keepHeights(scroll.getContent());
        }
        if (node instanceof SplitPane split) {
            split.getItems().forEach(SealView::keepHeights);
        }
        if (node instanceof javafx.scene.layout.Pane pane) {
            pane.getChildren().forEach(SealView::keepHeights);
            pane.getChildren().addListener((ListChangeListener<javafx.scene.Node>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(SealView::keepHeights);
                }
            });
        }
    }

    private TableView<SealViewModel.FileRow> fileTable() {
        TableView<SealViewModel.FileRow> table = new TableView<>(model.files());
        table.setId("seal-files");
        table.getColumns().add(column(texts.get("seal.column.name"), SealViewModel.FileRow::name, 300));
        table.getColumns().add(column(texts.get("seal.column.kind"), SealViewModel.FileRow::kind, 250));
        table.getColumns().add(column(texts.get("seal.column.size"), SealViewModel.FileRow::size, 100));
        TableColumn<SealViewModel.FileRow, String> sha = column(texts.get("seal.column.sha"), SealViewModel.FileRow::sha256, 560);
        sha.getStyleClass().add("seal-sha");
        table.getColumns().add(sha);
        table.setPrefHeight(190);
        table.setMinHeight(150);
        table.setContextMenu(new ContextMenu());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });
        return table;
    }

    private Parent left() {
        Label checksTitle = new Label(texts.get("seal.checks"));
        checksTitle.getStyleClass().add("seal-section");
        Label none = new Label(texts.get("seal.checks.none"));
        none.visibleProperty().bind(Bindings.isEmpty(model.checks()));
        none.managedProperty().bind(none.visibleProperty());
        model.checks().addListener((ListChangeListener<SealViewModel.CheckRow>) change -> fillChecks());
        ScrollPane scroll = new ScrollPane(checkList);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(90); // room for one check
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label supervisorLabel = fullWidth(new Label(texts.get("seal.supervisor")));
        TextField supervisor = new TextField();
        supervisor.setId("seal-supervisor");
        supervisor.setPromptText(texts.get("seal.supervisor.prompt"));
        supervisor.textProperty().bindBidirectional(model.supervisorProperty());
        HBox who = new HBox(8, supervisorLabel, supervisor);
        HBox.setHgrow(supervisor, Priority.ALWAYS);
        VBox box = new VBox(6, checksTitle, who, none, scroll);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    private static TableColumn<SealViewModel.FileRow, String> column(String title,
            java.util.function.Function<SealViewModel.FileRow, String> value, double width) {
        TableColumn<SealViewModel.FileRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private void fillChecks() {
        checkList.getChildren().clear();
        int i = 0;
        for (SealViewModel.CheckRow check : model.checks()) {
            Label reason = new Label(check.reason());
            reason.setWrapText(true);
            Label state = new Label(check.state());
            state.setWrapText(true);
            state.getStyleClass().add(check.open() ? "seal-check-open" : "seal-check-done");
            VBox card = new VBox(4, reason, state);
            card.getStyleClass().add("seal-check");
            card.setId("seal-check-" + i);
            if (!check.decided()) {
                TextField why = new TextField();
                why.setId("seal-reason-" + i);
                why.setPromptText(texts.get("seal.reason.prompt"));
                HBox actions = new HBox(6);
                for (SupervisorAction action : check.violation().kind().allowedActions()) {
                    Button button = new Button(texts.get(SealViewModel.actionKey(action)));
                    button.setId("seal-" + action.wire() + "-" + i);
                    button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "Red..." in a narrow column
                    button.disableProperty().bind(model.runningProperty());
                    button.setOnAction(event -> model.decide(check, action, why.getText()));
                    actions.getChildren().add(button);
                }
                // the reason on a line of its own, as wide as the card; the buttons under it at their full width
                card.getChildren().addAll(why, actions);
            }
            checkList.getChildren().add(card);
            i++;
        }
    }

    private Parent preview() {
        Label title = new Label();
        title.getStyleClass().add("seal-section");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null ? ""
                : texts.format("seal.preview.title", model.selectedProperty().get().name()), model.selectedProperty()));
        TextArea text = new TextArea();
        text.setId("seal-preview");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("seal-preview");
        text.setContextMenu(new ContextMenu());
        text.textProperty().bind(model.previewProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox box = new VBox(6, title, text);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private java.util.function.Function<javafx.stage.Window, java.util.Optional<java.nio.file.Path>> mediaChooser;

    /** Export goes to a removable device chosen with {@code chooser} (the workstation's media chooser), not to any folder. */
    public void useMediaChooser(java.util.function.Function<javafx.stage.Window, java.util.Optional<java.nio.file.Path>> chooser) {
        this.mediaChooser = java.util.Objects.requireNonNull(chooser);
    }

    private java.util.function.Supplier<airlock.ui.media.MediaWatch> media;

    /**
     * The removable media this screen chooses from: the supervisor's key is read from the
     * supervisor's stick (issue 17) and, without {@link #useMediaChooser}, the export goes to one.
     * Without it, the mounted removable devices under the default roots.
     */
    public void useMedia(java.util.function.Supplier<airlock.ui.media.MediaWatch> watch) {
        this.media = java.util.Objects.requireNonNull(watch);
    }

    private airlock.ui.media.MediaWatch media() {
        if (media == null) {
            airlock.ui.media.MediaWatch removable = new airlock.ui.media.MediaWatch(airlock.core.bundle.MediaLocations.removable(
                    airlock.core.media.RemovableMedia.system(java.util.List.of())), java.time.Duration.ofSeconds(2));
            media = () -> removable;
        }
        return media.get();
    }

    private Parent sealPanel() {
        TextField key = readOnly(model.keyFileProperty().get());
        key.setId("seal-key-file");
        model.keyFileProperty().addListener((obs, old, path) -> key.setText(show(path)));
        Button chooseKey = new Button(texts.get("seal.key.choose"));
        chooseKey.setId("seal-key-choose");
        // the supervisor's key is read from the supervisor's stick: a removable medium, then its key files,
        // as the session-start dialog does (issue 17); no general file chooser on this screen
        chooseKey.setOnAction(event -> airlock.ui.media.MediaChooser.chooseFile(window(), texts, texts.get("seal.key.choose"),
                media(), airlock.core.media.MediaFiles.named(".key")).ifPresent(model.keyFileProperty()::set));
        passphrase.setId("seal-passphrase");
        passphrase.setPromptText(texts.get("seal.passphrase.prompt"));
        TextField folder = readOnly(model.folderProperty().get());
        model.folderProperty().addListener((obs, old, path) -> folder.setText(show(path)));
        Button chooseFolder = new Button(texts.get("seal.folder.choose"));
        chooseFolder.setId("seal-folder-choose");
        chooseFolder.setOnAction(event -> {
            java.util.Optional<Path> chosen;
            if (mediaChooser != null) {
                chosen = mediaChooser.apply(window());
            } else {
                media().start();
                chosen = new airlock.ui.media.MediaChooser(window(), texts, texts.get("media.export.title"), media()).showAndWait();
            }
            chosen.ifPresent(model.folderProperty()::set);
        });
        Button action = new Button();
        action.setId("seal-run");
        action.setDefaultButton(true);
        action.textProperty().bind(Bindings.createStringBinding(() -> texts.get(
                model.stageProperty().get() == SealViewModel.Stage.SEALED_NOT_EXPORTED ? "seal.run.retry" : "seal.run"),
                model.stageProperty()));
        action.disableProperty().bind(model.actionDisabled());
        action.setOnAction(event -> {
            char[] typed = passphrase.getText().toCharArray();
            passphrase.clear();
            model.sealAndWrite(typed);
        });
        Button cancel = new Button(texts.get("seal.cancel"));
        cancel.setId("seal-cancel");
        cancel.disableProperty().bind(model.stageProperty().isNotEqualTo(SealViewModel.Stage.WORKING));
        cancel.setOnAction(event -> model.cancel());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.stageProperty().isEqualTo(SealViewModel.Stage.WORKING));
        bar.setPrefWidth(220);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, fullWidth(new Label(texts.get("seal.key"))), key, chooseKey);
        grid.addRow(1, fullWidth(new Label(texts.get("seal.passphrase"))), passphrase);
        grid.addRow(2, fullWidth(new Label(texts.get("seal.folder"))), folder, chooseFolder);
        for (Button b : new Button[] {chooseKey, chooseFolder, action, cancel}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the text fields give way, not the buttons
        }
        key.setMinWidth(120);
        folder.setMinWidth(120);
        GridPane.setHgrow(key, Priority.ALWAYS);
        GridPane.setHgrow(folder, Priority.ALWAYS);
        passphrase.disableProperty().bind(model.stageProperty().isNotEqualTo(SealViewModel.Stage.REVIEW));

        Label blocked = new Label();
        blocked.setId("seal-blocked");
        blocked.setWrapText(true);
        blocked.getStyleClass().add("seal-blocked");
        blocked.textProperty().bind(model.blockReasonProperty());
        blocked.visibleProperty().bind(model.blockedProperty().and(model.stageProperty().isEqualTo(SealViewModel.Stage.REVIEW)));
        blocked.managedProperty().bind(blocked.visibleProperty());
        Label message = new Label();
        message.setId("seal-message");
        message.setWrapText(true);
        message.getStyleClass().add("seal-message");
        message.textProperty().bind(model.messageProperty());
        Label error = new Label();
        error.setId("seal-error");
        error.setWrapText(true);
        error.getStyleClass().add("seal-error");
        error.textProperty().bind(model.errorProperty().map(VisibleText::escape));
        Label hint = new Label();
        hint.setId("seal-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("seal-hint");
        hint.textProperty().bind(model.hintProperty().map(VisibleText::escape));
        hint.visibleProperty().bind(model.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        Label title = new Label(texts.get("seal.section"));
        title.getStyleClass().add("seal-section");
        // after sealing the screen is closed here (Cancel only stops running work), issue 19
        Button close = new Button(texts.get("window.close"));
        close.setId("seal-close");
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.disableProperty().bind(model.stageProperty().isEqualTo(SealViewModel.Stage.WORKING));
        close.setOnAction(event -> {
            if (window() instanceof javafx.stage.Stage stage) {
                stage.close();
            }
        });
        Label written = new Label();
        written.setId("seal-written");
        written.setWrapText(true);
        written.getStyleClass().add("seal-written");
        model.writtenFiles().addListener((javafx.collections.ListChangeListener<airlock.core.media.WrittenFile>) change -> {
            StringBuilder lines = new StringBuilder();
            for (airlock.core.media.WrittenFile f : model.writtenFiles()) {
                lines.append(texts.format("seal.written.file", VisibleText.escape(String.valueOf(f.path().getFileName())),
                        f.size(), f.sha256())).append('\n');
            }
            written.setText(lines.toString().strip());
        });
        written.visibleProperty().bind(written.textProperty().isNotEmpty());
        written.managedProperty().bind(written.visibleProperty());
        VBox panel = new VBox(6, title, hint, grid, new HBox(8, action, cancel, close, bar), blocked, message, written, error);
        panel.getStyleClass().add("seal-panel");
        panel.setPadding(new Insets(10, 0, 0, 0));
        return panel;
    }

    private static Label fullWidth(Label label) {
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static TextField readOnly(Path initial) {
        TextField field = new TextField(show(initial));
        field.setEditable(false);
        field.setPrefColumnCount(50);
        return field;
    }

    private static String show(Path path) {
        return path == null ? "" : VisibleText.escape(path.toString());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
