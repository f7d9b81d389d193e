package airlock.ui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Makes a window really get the size it asked for. JavaFX 21 on X11 (JDK-8316423, fixed in JavaFX 22;
 * the stack is pinned to 21) can leave a window at 200×200 under some window managers (seen with
 * openbox on Xvfb at 1366×768) while the stage reports the size it asked for: the main window and
 * the seal screen came up as small squares with their content cut. Setting the same size again once
 * the window is on screen makes the window manager apply it (checked with xdotool's geometry).
 * Once is not always enough: when a modal dialog owned by the window opens in the same moment (the
 * two-process demo's session start), the window manager can still leave the window at 200×200
 * (issue 16's xvfb run), so the size is set again after {@link #SETTLE}.
 */
public final class WindowSize {
    private WindowSize() {
    }

    /** How long after it is shown the window's size is set a second time. */
    public static final Duration SETTLE = Duration.millis(600);

    /** Each time {@code stage} is shown, sets its size again on the next pulse and once more after {@link #SETTLE}. */
    public static void applyWhenShown(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> Platform.runLater(() -> {
            reapply(stage);
            PauseTransition again = new PauseTransition(SETTLE);
            again.setOnFinished(e -> reapply(stage));
            again.play();
        }));
    }

    /**
     * As {@link #applyWhenShown}, plus a minimum size (up to 800x500, never more than the scene asks for):
     * a minimum is a hint the window manager itself keeps, where setting the size again was not always
     * enough (the seal screen in the app image under openbox, the set-up screens).
     */
    public static void keepSize(Stage stage, javafx.scene.Scene scene) {
        stage.setMinWidth(Math.min(800, scene.getWidth()));
        stage.setMinHeight(Math.min(500, scene.getHeight()));
        applyWhenShown(stage);
    }

    private static void reapply(Stage stage) {
        if (stage.isShowing() && !stage.isMaximized() && !stage.isFullScreen()) {
            double width = stage.getWidth();
            double height = stage.getHeight();
            stage.setWidth(width);
            stage.setHeight(height);
        }
    }
}
