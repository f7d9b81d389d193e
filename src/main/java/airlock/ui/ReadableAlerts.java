package airlock.ui;

import javafx.scene.control.Alert;
import javafx.scene.layout.Region;

/**
 * Alerts that carry a sentence or two of text. JavaFX sizes an alert to its message on one line, so
 * a long message made the window wider than the screen and pushed its buttons out of reach; these
 * get a reading width and wrap, growing in height instead.
 */
public final class ReadableAlerts {
    /** About 70 characters of the UI font per line. */
    public static final double WIDTH = 560;

    private ReadableAlerts() {
    }

    public static Alert wrapped(Alert alert) {
        alert.getDialogPane().setPrefWidth(WIDTH);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        return alert;
    }
}
