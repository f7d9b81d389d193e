package airlock.ui;

import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * How every secondary window of the workstation closes from the keyboard and by a button (issue 19):
 * Esc (when no control used it, e.g. to close an open list) and Ctrl+W close the window, and a Close
 * button does the same. The versions and intake windows closed only through the window manager.
 */
public final class WindowKeys {
    private static final KeyCombination CLOSE = KeyCombination.keyCombination("Shortcut+W");

    private WindowKeys() {
    }

    /** Esc and Ctrl+W close {@code stage}. */
    public static void closeWithKeys(Stage stage) {
        // a filter: lists and tables consume Esc themselves (to cancel an edit they never start here)
        stage.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            boolean escape = event.getCode() == KeyCode.ESCAPE && !event.isShortcutDown() && !event.isAltDown()
                    && !(stage.getScene() != null && stage.getScene().getFocusOwner() instanceof javafx.scene.control.ComboBoxBase<?> box
                    && box.isShowing());
            if (CLOSE.match(event) || escape) {
                event.consume();
                stage.close();
            }
        });
    }

    /**
     * Ctrl+W closes {@code dialog} as Esc does (through its cancel button; a dialog without one stays).
     * JavaFX dialogs close on Esc only.
     */
    public static void closeWithKeys(javafx.scene.control.Dialog<?> dialog) {
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (CLOSE.match(event)) {
                event.consume();
                dialog.close();
            }
        });
    }

    /** A Close button for {@code stage}. */
    public static Button closeButton(Texts texts, Stage stage) {
        Button close = new Button(texts.get("window.close"));
        close.getStyleClass().add("window-close");
        close.setOnAction(event -> stage.close());
        return close;
    }
}
