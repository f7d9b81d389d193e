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

    /**
     * Each time {@code stage} is shown, sets its size again (within the screen) on the next pulse, after
     * {@link #SETTLE} and once more after {@link #LATE}.
     */
    public static void applyWhenShown(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
            // the size asked for, read as the window is shown: by the time the window manager has taken the
            // window the stage may already report the minimum it was left at (800x500 in the one-process demo)
            double width = stage.getWidth();
            double height = stage.getHeight();
            Platform.runLater(() -> {
                reapply(stage, width, height);
                PauseTransition again = new PauseTransition(SETTLE);
                again.setOnFinished(e -> reapply(stage, width, height));
                again.play();
                PauseTransition late = new PauseTransition(LATE);
                late.setOnFinished(e -> reapply(stage, width, height));
                late.play();
            });
        });
    }

    /**
     * The last time the size is set again. In the one-process window the FX thread is busy for seconds
     * after the window is shown (the home, the sessions, the seal screen, the code view's warm-up, the
     * intake screen opening over it), and openbox had not yet taken the window when the size was set
     * after {@link #SETTLE}: it stayed at its minimum, 800x500 (issue 19).
     */
    public static final Duration LATE = Duration.millis(2500);

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

    private static void reapply(Stage stage, double width, double height) {
        if (stage.isShowing() && !stage.isMaximized() && !stage.isFullScreen()) {
            fit(stage, width, height, javafx.stage.Screen.getPrimary().getVisualBounds());
        }
    }

    /**
     * Sets the stage's size to the one wanted, no larger than {@code screen}, and moves it so that it lies within
     * {@code screen}: a window placed by the window manager while it was still small (openbox puts it
     * where its minimum fits) would otherwise reach past the screen's edge once it gets its size.
     */
    static void fit(Stage stage, double wantedWidth, double wantedHeight, javafx.geometry.Rectangle2D screen) {
        double width = Math.min(wantedWidth, screen.getWidth());
        double height = Math.min(wantedHeight, screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        // set even when it looks right: the stage can report a place the window manager did not keep
        stage.setX(Math.max(screen.getMinX(), Math.min(stage.getX(), screen.getMaxX() - width)));
        stage.setY(Math.max(screen.getMinY(), Math.min(stage.getY(), screen.getMaxY() - height)));
    }
}
