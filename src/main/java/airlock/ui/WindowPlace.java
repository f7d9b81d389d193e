package airlock.ui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * What every dialog and secondary window of the workstation gets, wherever it is built (issue 19):
 * it is centred on its owner and kept inside the visual bounds of the owner's screen, and a dialog
 * (an {@code Alert} or {@code Dialog}: the end-session confirmation, the summary, information and
 * choice dialogs) closes with Ctrl+W as with Esc.
 *
 * <p>JavaFX places a {@code Dialog} once, before it is shown, from its owner's position and its own
 * preferred size, and never keeps it on the screen; a {@code Stage} is centred on the screen, not its
 * owner. A dialog over a window near an edge, or one that grew after it was placed, reached past the
 * screen, and under openbox the second session's start dialog came up in the screen's top-left corner
 * with its frame off-screen. Here the place is set again once the window is shown (and on the next
 * pulse, after the window manager has mapped it), and whenever its size changes it is moved back inside.
 */
public final class WindowPlace {
    private static final String MARK = WindowPlace.class.getName();
    private static final KeyCombination CLOSE = KeyCombination.keyCombination("Shortcut+W");
    private static boolean watching;

    private WindowPlace() {
    }

    /** From now on, every stage that opens with an owner is placed and keyed as above. Safe to call again. */
    public static void watchAllWindows() {
        if (watching) {
            return;
        }
        watching = true;
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(WindowPlace::adopt);
            }
        });
        java.util.List.copyOf(Window.getWindows()).forEach(WindowPlace::adopt);
    }

    private static void adopt(Window window) {
        // popups (menus, tooltips, combo lists) are placed by their controls; the main window by itself
        if (!(window instanceof Stage stage) || stage.getOwner() == null || stage.getProperties().put(MARK, Boolean.TRUE) != null) {
            return;
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
            centreOnOwner(stage);
            Platform.runLater(() -> centreOnOwner(stage));
            // a window manager may place the window later than the next pulse: the xvfb walk under openbox saw
            // the second session's end confirmation land in the screen's top-left corner. Once more, a moment
            // later, only if it sits in that corner (where a window manager puts what it did not place; a
            // person does not drag a dialog there within a fraction of a second)
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(400));
            later.setOnFinished(done -> {
                if (inTopLeftCorner(stage)) {
                    centreOnOwner(stage);
                }
            });
            later.play();
        });
        stage.widthProperty().addListener((obs, old, now) -> keepInside(stage));
        stage.heightProperty().addListener((obs, old, now) -> keepInside(stage));
        stage.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (CLOSE.match(event) && stage.getScene() != null && stage.getScene().getRoot() instanceof DialogPane pane
                    && closeLikeEscape(pane)) {
                event.consume();
            }
        });
    }

    /**
     * Presses the dialog's cancel button (the one Esc presses), or its only button (an information alert's OK,
     * which JavaFX also lets the window close). Returns whether a button was pressed.
     */
    static boolean closeLikeEscape(DialogPane pane) {
        Button only = null;
        int buttons = 0;
        for (ButtonType type : pane.getButtonTypes()) {
            if (!(pane.lookupButton(type) instanceof Button button) || button.isDisabled()) {
                continue;
            }
            buttons++;
            only = button;
            if (button.isCancelButton() || type.getButtonData().isCancelButton()) {
                button.fire();
                return true;
            }
        }
        if (buttons == 1) {
            only.fire();
            return true;
        }
        return false;
    }

    /** Centres {@code stage} on its owner, inside the visual bounds of the owner's screen (smaller if need be). */
    public static void centreOnOwner(Stage stage) {
        Window owner = stage.getOwner();
        if (owner == null || !stage.isShowing() || !owner.isShowing() || !sized(stage) || stage.isMaximized()
                || stage.isFullScreen()) {
            return;
        }
        Rectangle2D screen = screenOf(owner);
        double width = Math.min(stage.getWidth(), screen.getWidth());
        double height = Math.min(stage.getHeight(), screen.getHeight());
        if (width < stage.getWidth()) {
            stage.setWidth(width);
        }
        if (height < stage.getHeight()) {
            stage.setHeight(height);
        }
        double x = owner.getX() + (owner.getWidth() - width) / 2;
        double y = owner.getY() + (owner.getHeight() - height) / 2;
        stage.setX(clamp(x, screen.getMinX(), screen.getMaxX() - width));
        stage.setY(clamp(y, screen.getMinY(), screen.getMaxY() - height));
    }

    /** Whether {@code stage} lies at the top-left corner of its owner's screen. */
    static boolean inTopLeftCorner(Stage stage) {
        if (stage.getOwner() == null || !stage.isShowing() || Double.isNaN(stage.getX()) || Double.isNaN(stage.getY())) {
            return false;
        }
        Rectangle2D screen = screenOf(stage.getOwner());
        return stage.getX() <= screen.getMinX() + 1 && stage.getY() <= screen.getMinY() + 1;
    }

    /** Moves {@code stage} back inside its screen when it reaches past it (it grew after it was placed). */
    private static void keepInside(Stage stage) {
        if (!stage.isShowing() || !sized(stage) || stage.isMaximized() || stage.isFullScreen()
                || Double.isNaN(stage.getX()) || Double.isNaN(stage.getY())) {
            return;
        }
        Rectangle2D screen = screenOf(stage.getOwner());
        double x = clamp(stage.getX(), screen.getMinX(), screen.getMaxX() - Math.min(stage.getWidth(), screen.getWidth()));
        double y = clamp(stage.getY(), screen.getMinY(), screen.getMaxY() - Math.min(stage.getHeight(), screen.getHeight()));
        if (x != stage.getX()) {
            stage.setX(x);
        }
        if (y != stage.getY()) {
            stage.setY(y);
        }
    }

    private static boolean sized(Stage stage) {
        return !Double.isNaN(stage.getWidth()) && !Double.isNaN(stage.getHeight()) && stage.getWidth() > 0 && stage.getHeight() > 0;
    }

    /** The visual bounds of the screen that holds most of {@code window} (the primary one if it is on none). */
    static Rectangle2D screenOf(Window window) {
        if (window != null && !Double.isNaN(window.getX()) && !Double.isNaN(window.getY())) {
            var screens = Screen.getScreensForRectangle(window.getX() + window.getWidth() / 2,
                    window.getY() + window.getHeight() / 2, 1, 1);
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }
}
