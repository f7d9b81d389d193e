package airlock.ui;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Where the keyboard goes when a dialog or secondary window appears (issue 19): to its first useful
 * control, every time it is shown, also the second time and under a window manager.
 *
 * <p>Asking a control for the focus right after {@code show()} is not enough: the request only sets the
 * window's focus owner, and under a real window manager (openbox) a window opened from another one that
 * still holds the keyboard does not always receive it — the second session's start dialog came up
 * while the typed inspector name went into the main window's search field. So this asks the window
 * itself for the keyboard once it is shown (and again on the next pulse, after the window manager has
 * mapped it), and puts the focus on the control whenever the window gains the keyboard for the first
 * time after being shown.
 */
public final class WindowFocus {
    private static final String MARK = WindowFocus.class.getName();

    private WindowFocus() {
    }

    /**
     * Each time {@code window} is shown, it asks for the keyboard and {@code target} (asked at that
     * moment: the first useful control may depend on the state) gets the focus. Call once per window,
     * before it is shown.
     */
    public static void onShown(Window window, Supplier<? extends Node> target) {
        if (window.getProperties().put(MARK, Boolean.TRUE) != null) {
            throw new IllegalStateException("WindowFocus.onShown called twice on one window");
        }
        boolean[] placed = {false};
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
            placed[0] = false;
            place(window, target, placed);
            // once more on the next pulse: the window manager maps the window after show() returns
            Platform.runLater(() -> place(window, target, placed));
        });
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> placed[0] = false);
        window.focusedProperty().addListener((obs, was, now) -> {
            if (now && !placed[0]) {
                focusTarget(target);
                placed[0] = true;
            }
        });
    }

    private static void place(Window window, Supplier<? extends Node> target, boolean[] placed) {
        // once placed, never again until shown anew: a late pulse must not pull the focus back while the
        // user types on (seen under load: the name typed on into the organisation moved back to the inspector)
        if (!window.isShowing() || placed[0]) {
            return;
        }
        if (!window.isFocused()) {
            window.requestFocus();
        }
        focusTarget(target);
        placed[0] = window.isFocused();
    }

    private static void focusTarget(Supplier<? extends Node> target) {
        Node node = target.get();
        if (node != null && !node.isDisabled() && node.isVisible()) {
            node.requestFocus();
        }
    }
}
