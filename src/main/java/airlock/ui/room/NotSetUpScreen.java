package airlock.ui.room;

import airlock.core.room.RoomStatus;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "This workstation is not set up": shown by the real workstation on a home whose set-up is not
 * complete. It lists each item of {@link RoomStatus} (set up, missing, refused, with what was found),
 * names the exact commands that set the home up, and offers the {@link ProvisioningScreen} and
 * "Check again". It never offers the demo or a demo credential.
 */
public final class NotSetUpScreen {
    private final VBox root = new VBox(12);
    private final TextArea commands = new TextArea();
    private final Button setUp;
    private final Button checkAgain;

    public NotSetUpScreen(Texts texts, RoomStatus status, Runnable onCheckAgain, Runnable onSetUp) {
        root.getStyleClass().add("room-not-set-up");
        root.setPadding(new Insets(24));
        Label title = new Label(texts.get("room.notsetup.title"));
        title.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        Label intro = wrapped(texts.format("room.notsetup.intro", VisibleText.escape(status.root().toString())));
        GridPane items = new GridPane();
        items.setHgap(12);
        items.setVgap(4);
        int row = 0;
        for (RoomStatus.Item item : status.items()) {
            Label state = new Label(texts.get(switch (item.state()) {
                case OK -> "room.state.ok";
                case MISSING -> "room.state.missing";
                case REFUSED -> "room.state.refused";
            }));
            state.setStyle(item.ok() ? "-fx-text-fill: #1d6b2f; -fx-font-weight: bold;" : "-fx-text-fill: #a11a1a; -fx-font-weight: bold;");
            Label what = new Label(texts.get(switch (item.what()) {
                case HOME -> "room.item.home";
                case WORKSTATION_ID -> "room.item.workstation_id";
                case WORKSTATION_KEY -> "room.item.workstation_key";
                case ROOM_ADMIN -> "room.item.room_admin";
                case POLICY -> "room.item.policy";
                case SUPERVISOR -> "room.item.supervisor";
                case VENDOR -> "room.item.vendor";
                case NO_DEMO -> "room.item.no_demo";
            }));
            Label detail = wrapped(VisibleText.escape(item.detail()));
            detail.setMaxWidth(640);
            items.addRow(row++, state, what, detail);
        }
        Label how = wrapped(texts.get("room.notsetup.commands"));
        commands.setEditable(false);
        commands.setWrapText(true);
        commands.setPrefRowCount(5);
        commands.setStyle("-fx-font-family: monospace;");
        String home = VisibleText.escape(status.root().toString());
        commands.setText(VisibleText.escape(RoomStatus.initCommand(status.root())) + "\n"
                + "airlock room status --home " + home + "\n"
                + "airlock workstation --home " + home);
        Label who = wrapped(texts.get("room.notsetup.who"));
        setUp = new Button(texts.get("room.notsetup.setup"));
        setUp.setDefaultButton(true);
        setUp.setOnAction(e -> onSetUp.run());
        checkAgain = new Button(texts.get("room.notsetup.check"));
        checkAgain.setOnAction(e -> onCheckAgain.run());
        HBox buttons = new HBox(8, setUp, checkAgain);
        VBox content = new VBox(12, title, intro, items, how, commands, who, buttons);
        content.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        javafx.scene.layout.VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        root.getChildren().add(scroll);
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    public Parent root() {
        return root;
    }

    /** The commands shown (tests). */
    public String commandsText() {
        return commands.getText();
    }

    public Button setUpButton() {
        return setUp;
    }

    public Button checkAgainButton() {
        return checkAgain;
    }
}
