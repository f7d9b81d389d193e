package airlock.ui.room;

import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.choose.PathChooser;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The room administrator's set-up, for someone who has never seen Airlock: four numbered steps, each
 * saying what to bring and why, each file chosen with the in-app {@link PathChooser} (never the
 * platform's chooser), then "Set up", which does what {@code airlock room init} does and lists every
 * step it read back — or the one reason it refused, having written nothing.
 */
public final class ProvisioningScreen {
    private final Texts texts;
    private final Stage stage;
    private final Supplier<List<Path>> roots;
    private final ProvisioningModel model;
    private final VBox root = new VBox(12);
    private final Button run;
    private final Button open;

    public ProvisioningScreen(Texts texts, Stage stage, Path home, Supplier<List<Path>> roots, Runnable onBack, Runnable onDone) {
        this.texts = texts;
        this.stage = stage;
        this.roots = roots;
        this.model = new ProvisioningModel(texts, home);
        root.getStyleClass().add("room-provisioning");
        root.setPadding(new Insets(24));
        Label title = new Label(texts.get("room.provision.title"));
        title.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        Label intro = wrapped(texts.format("room.provision.intro", VisibleText.escape(home.toString())));
        VBox steps = new VBox(14,
                fileStep(1, new Step("room.provision.admin", "room.provision.admin.why", "room.provision.admin.title"),
                        model.adminKeyProperty()),
                fileStep(2, new Step("room.provision.policy", "room.provision.policy.why", "room.provision.policy.title"),
                        model.policyProperty()),
                listStep(3, new Step("room.provision.supervisor", "room.provision.supervisor.why", "room.provision.supervisor.title"),
                        model.supervisorKeys()),
                listStep(4, new Step("room.provision.vendor", "room.provision.vendor.why", "room.provision.vendor.title"),
                        model.vendorKeys()));
        run = new Button(texts.get("room.provision.run"));
        run.setDefaultButton(true);
        run.disableProperty().bind(model.readyProperty().not());
        run.setOnAction(e -> model.setUp());
        Button back = new Button(texts.get("room.provision.back"));
        back.setOnAction(e -> onBack.run());
        back.disableProperty().bind(model.doneProperty());
        open = new Button(texts.get("room.provision.open"));
        open.visibleProperty().bind(model.doneProperty());
        open.managedProperty().bind(model.doneProperty());
        open.setOnAction(e -> onDone.run());
        TextArea outcome = new TextArea();
        outcome.setEditable(false);
        outcome.setWrapText(true);
        outcome.setPrefRowCount(8);
        outcome.textProperty().bind(model.outcomeProperty());
        outcome.visibleProperty().bind(model.outcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        outcome.styleProperty().bind(Bindings.when(model.failedProperty())
                .then("-fx-text-fill: #a11a1a;").otherwise("-fx-text-fill: #1d4f2a;"));
        VBox content = new VBox(14, title, intro, steps, new HBox(8, run, back, open), outcome);
        content.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        javafx.scene.layout.VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        root.getChildren().add(scroll);
        // the outcome is below the steps: bring it into view when it arrives
        model.outcomeProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
            content.layout();
            scroll.setVvalue(scroll.getVmax());
        }));
    }

    /** The message keys of one step: its heading, why it is needed, the chooser's title. */
    private record Step(String heading, String why, String title) {
    }

    private VBox fileStep(int number, Step key, javafx.beans.property.ObjectProperty<Path> target) {
        Label heading = heading(number, key);
        Label why = wrapped(texts.get(key.why()));
        Label chosen = new Label();
        chosen.textProperty().bind(Bindings.createStringBinding(() -> target.get() == null
                ? texts.get("room.provision.none") : VisibleText.escape(target.get().toString()), target));
        Button choose = new Button(texts.get("room.provision.choose"));
        choose.setOnAction(e -> PathChooser.chooseFile(stage, texts, texts.get(key.title()),
                roots.get(), p -> true).ifPresent(target::set));
        choose.disableProperty().bind(model.doneProperty());
        return new VBox(4, heading, why, new HBox(8, choose, chosen));
    }

    private VBox listStep(int number, Step key, ObservableList<Path> target) {
        Label heading = heading(number, key);
        Label why = wrapped(texts.get(key.why()));
        ListView<Path> list = new ListView<>(target);
        list.setPrefHeight(64);
        list.setPlaceholder(new Label(texts.get("room.provision.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : VisibleText.escape(item.toString()));
            }
        });
        Button add = new Button(texts.get("room.provision.add"));
        add.setOnAction(e -> PathChooser.chooseFile(stage, texts, texts.get(key.title()),
                roots.get(), p -> true).filter(p -> !target.contains(p)).ifPresent(target::add));
        Button remove = new Button(texts.get("room.provision.remove"));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(model.doneProperty()));
        remove.setOnAction(e -> target.remove(list.getSelectionModel().getSelectedItem()));
        add.disableProperty().bind(model.doneProperty());
        return new VBox(4, heading, why, list, new HBox(8, add, remove));
    }

    private Label heading(int number, Step key) {
        Label heading = new Label(number + ". " + texts.get(key.heading()));
        heading.setStyle("-fx-font-weight: bold;");
        return heading;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    public Parent root() {
        return root;
    }

    public ProvisioningModel model() {
        return model;
    }

    public Button runButton() {
        return run;
    }

    public Button openButton() {
        return open;
    }
}
