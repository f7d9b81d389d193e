package airlock.ui;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Makes a window really get the size it asked for. JavaFX 21 on X11 (JDK-8316423, fixed in JavaFX 22;
 * the stack is pinned to 21) can leave a window at 200×200 under some window managers (seen with
 * openbox on Xvfb at 1366×768) while the stage reports the size it asked for: the main window and
 * the seal screen came up as small squares with their content cut. Setting the same size again once
 * the window is on screen makes the window manager apply it (checked with xdotool's geometry).
 */
public final class WindowSize {
    private WindowSize() {
    }

    /** Each time {@code stage} is shown, sets its size again on the next pulse. */
    public static void applyWhenShown(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> Platform.runLater(() -> {
            if (stage.isShowing() && !stage.isMaximized() && !stage.isFullScreen()) {
                double width = stage.getWidth();
                double height = stage.getHeight();
                stage.setWidth(width);
                stage.setHeight(height);
            }
        }));
    }
}
