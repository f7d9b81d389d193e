package airlock.ui.main;

import airlock.ui.Texts;
import airlock.ui.task.ProgressState;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.geometry.Orientation;

/** Bottom bar: workstation, session, bundle, messages, progress of the running task, clock. */
final class StatusBar extends HBox {
    /** How long a status message stays. */
    static final javafx.util.Duration MESSAGE_LIFETIME = javafx.util.Duration.seconds(15);
    private final HBox extra = new HBox(8);

    StatusBar(MainViewModel model, Texts texts) {
        super(8);
        getStyleClass().add("status-bar");
        Label workstation = label("status-workstation");
        workstation.setText(model.workstationText());
        Label session = label("status-session");
        session.textProperty().bind(model.sessionTextProperty());
        Label bundle = label("status-bundle");
        bundle.textProperty().bind(model.bundleTextProperty());
        Label message = label("status-message");
        message.textProperty().bind(model.statusMessageProperty());
        message.setMinWidth(0);
        // a message is news, not a state: it goes after a while, so a refusal does not take the bar over (issue 19)
        javafx.animation.PauseTransition expiry = new javafx.animation.PauseTransition(MESSAGE_LIFETIME);
        model.statusMessageProperty().addListener((obs, old, now) -> {
            expiry.stop();
            if (now != null && !now.isEmpty()) {
                expiry.setOnFinished(event -> model.expireStatus(now));
                expiry.playFromStart();
            }
        });
        Label clock = label("status-clock");
        clock.textProperty().bind(model.clockTextProperty());
        // on a narrow window the workstation, bundle and message give way first: the session's
        // elapsed time, entry count and chain head and the clock are always shown whole
        session.setMinWidth(Region.USE_PREF_SIZE);
        clock.setMinWidth(Region.USE_PREF_SIZE);

        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(140);
        Label task = label("status-task");
        Button cancel = new Button(texts.get("status.cancel"));
        cancel.getStyleClass().add("status-cancel");
        cancel.setOnAction(event -> model.cancelRunning());
        HBox progress = new HBox(6, task, bar, cancel);
        progress.getStyleClass().add("status-progress");
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        model.progressProperty().addListener((obs, old, state) -> showProgress(progress, task, bar, state));

        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(workstation, separator(), session, separator(), bundle, separator(), message,
                spring, extra, progress, separator(), clock);
    }

    private static void showProgress(HBox box, Label task, ProgressBar bar, ProgressState state) {
        box.setVisible(state != null);
        if (state != null) {
            task.setText(state.phase().isEmpty() ? state.taskTitle() : state.taskTitle() + " — " + state.phase());
            bar.setProgress(state.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : state.fraction());
        }
    }

    /** Room for features to show their own status (e.g. the index state). */
    HBox extraItems() {
        return extra;
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().addAll("status-item", styleClass);
        // a label cut short on a narrow window still tells its whole text (issue 19)
        label.textProperty().addListener((obs, old, now) -> label.setTooltip(now == null || now.isEmpty() ? null : new Tooltip(now)));
        return label;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
