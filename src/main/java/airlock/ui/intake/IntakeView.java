package airlock.ui.intake;

import airlock.core.bundle.MediaLocations.Medium;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.intake.IntakeViewModel.Detail;
import airlock.ui.intake.IntakeViewModel.FoundBundle;
import airlock.ui.intake.IntakeViewModel.Stage;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.ProgressState;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Region;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The intake window: media on the left, the bundles on the chosen medium in the middle, the
 * verdict on the right. Binds to {@link IntakeViewModel} and delegates every action to it.
 */
public final class IntakeView {
    private final IntakeViewModel model;
    private final Texts texts;
    private final javafx.stage.Stage stage = new javafx.stage.Stage();
    private final GridPane detailGrid = new GridPane();
    private final ListView<FoundBundle> bundleList = new ListView<>();
    private ListView<Medium> mediaList;
    private Button verifyButton;

    public IntakeView(IntakeViewModel model, MainViewModel main, Texts texts, Window owner) {
        this.model = model;
        this.texts = texts;
        stage.initOwner(owner);
        stage.setTitle(texts.get("intake.title"));
        HBox root = new HBox(mediaColumn(), bundlesColumn(), verdictColumn(main));
        root.getStyleClass().add("intake-root");
        Scene scene = new Scene(root, 1100, 560);
        scene.getStylesheets().add(IntakeView.class.getResource("/airlock/ui/intake.css").toExternalForm());
        stage.setScene(scene);
        airlock.ui.WindowKeys.closeWithKeys(stage);
        // the keyboard on the first useful control each time the screen shows (issue 19: it had none):
        // Verify when a bundle is chosen, else the bundles found, else the media
        airlock.ui.WindowFocus.onShown(stage, () -> verifyButton != null && !verifyButton.isDisabled() ? verifyButton
                : !bundleList.getItems().isEmpty() ? bundleList : mediaList);
        model.stageProperty().addListener((obs, old, now) -> {
            if (now == Stage.OPENED && !model.throughKeeper()) { // through the keeper the screen stays with its verdict
                stage.close();
            }
        });
    }

    public void show() {
        model.refreshMedia();
        stage.show();
        stage.toFront();
    }

    public javafx.stage.Stage stage() {
        return stage;
    }

    private VBox mediaColumn() {
        ListView<Medium> list = new ListView<>(model.media());
        list.setId("intake-media");
        mediaList = list;
        list.setCellFactory(v -> cell(airlock.ui.media.MediaChooser::describe));
        mirrorSelection(list, model.selectedMediumProperty());
        Button refresh = new Button(texts.get("intake.media.refresh"));
        refresh.setOnAction(e -> model.refreshMedia());
        // no "open a folder" here: the inspector chooses among mounted removable devices only (issue 17)
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        return column(texts.get("intake.media"), list, hint(model.mediaHintProperty()), new HBox(6, refresh), 300);
    }

    private VBox bundlesColumn() {
        ListView<FoundBundle> list = bundleList;
        list.setItems(model.bundles());
        list.setCellFactory(v -> cell(FoundBundle::name));
        mirrorSelection(list, model.selectedBundleProperty());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && model.selectedBundleProperty().get() != null) {
                model.verify();
                e.consume();
            }
        });
        return column(texts.get("intake.bundles"), list, hint(model.bundlesHintProperty()), new HBox(), 280);
    }

    /**
     * Keeps a list's selection and the model's choice the same both ways. Replacing the list's items
     * (Refresh, a folder opened as media, a rescan) clears a ListView's selection while the model's
     * choice stays, so the selection is put back after every change of the items; otherwise the
     * chosen medium is not highlighted although it is the one in use.
     */
    private static <T> void mirrorSelection(ListView<T> list, javafx.beans.property.ObjectProperty<T> chosen) {
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                chosen.set(item);
            }
        });
        chosen.addListener((obs, old, item) -> list.getSelectionModel().select(item));
        list.getItems().addListener((javafx.collections.ListChangeListener<T>) change -> {
            T item = chosen.get();
            if (item != null && list.getItems().contains(item) && list.getSelectionModel().getSelectedItem() != item) {
                list.getSelectionModel().select(item);
            }
        });
        if (chosen.get() != null) {
            list.getSelectionModel().select(chosen.get());
        }
    }

    private VBox verdictColumn(MainViewModel main) {
        Label headline = new Label();
        headline.textProperty().bind(model.headlineProperty());
        headline.getStyleClass().add("intake-headline");
        headline.setMaxWidth(Double.MAX_VALUE);
        model.stageProperty().addListener((obs, old, now) -> {
            headline.getStyleClass().removeAll("accepted", "refused");
            if (now == Stage.ACCEPTED || now == Stage.OPENED) {
                headline.getStyleClass().add("accepted");
            } else if (now == Stage.REFUSED) {
                headline.getStyleClass().add("refused");
            }
        });
        Label explanation = new Label();
        explanation.textProperty().bind(model.explanationProperty());
        explanation.getStyleClass().add("intake-explanation");
        explanation.managedProperty().bind(explanation.textProperty().isNotEmpty());
        detailGrid.setHgap(10);
        detailGrid.setVgap(3);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        detailGrid.getColumnConstraints().add(labels);
        model.details().addListener((ListChangeListener<Detail>) change -> fillDetails());
        ScrollPane details = new ScrollPane(detailGrid);
        details.setFitToWidth(true);
        // a fixed preferred width: the verdict's long values (commits, digests) scroll inside it
        // instead of squeezing the media and bundle columns once a bundle is verified
        details.setPrefViewportWidth(420);
        VBox.setVgrow(details, Priority.ALWAYS);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        Label phase = new Label();
        bar.visibleProperty().bind(Bindings.createBooleanBinding(model::isBusy, model.stageProperty()));
        phase.visibleProperty().bind(bar.visibleProperty());
        main.progressProperty().addListener((obs, old, p) -> showProgress(bar, phase, p));
        Button verify = new Button(texts.get("intake.verify"));
        verify.setId("intake-verify");
        verifyButton = verify;
        verify.setDefaultButton(true);
        verify.disableProperty().bind(model.selectedBundleProperty().isNull()
                .or(Bindings.createBooleanBinding(model::isBusy, model.stageProperty())));
        verify.setOnAction(e -> model.verify());
        Button cancel = new Button(texts.get("intake.cancel"));
        cancel.disableProperty().bind(bar.visibleProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button accept = new Button(texts.get("intake.accept"));
        accept.disableProperty().bind(model.stageProperty().isNotEqualTo(Stage.ACCEPTED));
        accept.setOnAction(e -> model.accept());
        if (model.throughKeeper()) { // intake through the keeper (issue 16, kwire): one step, the keeper's verdict
            verify.setText(texts.get("intake.keeper.verify"));
            accept.setVisible(false);
            accept.setManaged(false);
        }
        // the keyboard follows the flow: a bundle chosen for the user (the scan picks the first)
        // puts Verify under Enter, an accepted one puts "Accept and open" under Enter/Space; a user
        // walking the bundle list with the arrow keys keeps the focus there
        model.selectedBundleProperty().addListener((obs, old, b) -> {
            if (b != null && !bundleList.isFocused()) {
                javafx.application.Platform.runLater(verify::requestFocus);
            }
        });
        model.stageProperty().addListener((obs, old, now) -> {
            if (now == Stage.ACCEPTED) {
                javafx.application.Platform.runLater(accept::requestFocus);
            }
        });
        Button close = airlock.ui.WindowKeys.closeButton(texts, stage);
        close.setId("intake-close");
        VBox box = new VBox(8, headline, explanation, details, bar, phase, new HBox(6, verify, cancel, accept, close));
        box.getStyleClass().add("intake-column");
        box.setPrefWidth(460);
        box.setMinWidth(320);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static void showProgress(ProgressBar bar, Label phase, ProgressState p) {
        if (p == null) {
            bar.setProgress(0);
            phase.setText("");
            return;
        }
        bar.setProgress(p.total() > 0 ? p.fraction() : ProgressBar.INDETERMINATE_PROGRESS);
        phase.setText(p.phase() == null ? p.taskTitle() : p.phase());
    }

    private void fillDetails() {
        detailGrid.getChildren().clear();
        int row = 0;
        String previous = null;
        for (Detail detail : model.details()) {
            Label label = new Label(detail.label().equals(previous) ? "" : detail.label());
            label.getStyleClass().add("intake-label");
            Label value = new Label(detail.value());
            value.getStyleClass().add("intake-value");
            value.setMaxWidth(520);
            GridPane.setValignment(label, VPos.TOP);
            detailGrid.addRow(row++, label, value);
            previous = detail.label();
        }
    }

    private VBox column(String title, ListView<?> list, Label hint, HBox buttons, double width) {
        Label heading = new Label(title);
        heading.getStyleClass().add("intake-heading");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(6, heading, list, hint, buttons);
        box.getStyleClass().add("intake-column");
        box.setPrefWidth(width);
        box.setMinWidth(width * 0.8);
        box.setPadding(new Insets(0));
        return box;
    }

    private static Label hint(javafx.beans.value.ObservableStringValue text) {
        Label hint = new Label();
        hint.textProperty().bind(text);
        hint.getStyleClass().add("intake-hint");
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        hint.setMaxWidth(280);
        return hint;
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
