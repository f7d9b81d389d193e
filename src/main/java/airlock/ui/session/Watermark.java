package airlock.ui.session;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;

/**
 * The session watermark: inspector, session id and time, tiled diagonally and semi-transparent
 * over everything below it. It ignores the mouse, has no menu item or setting that hides it, and
 * is redrawn whenever its text or size changes; empty text (no session) draws nothing.
 */
public final class Watermark extends Pane {
    private static final double STEP_X = 420;
    private static final double STEP_Y = 150;
    private final ObservableStringValue text;

    public Watermark(ObservableStringValue text) {
        this.text = text;
        getStyleClass().add("session-watermark");
        setMouseTransparent(true);
        setFocusTraversable(false);
        setPickOnBounds(false);
        text.addListener((obs, old, now) -> redraw());
        widthProperty().addListener((obs, old, now) -> redraw());
        heightProperty().addListener((obs, old, now) -> redraw());
    }

    /** The text drawn (empty when no session is open). */
    public String text() {
        return text.get();
    }

    private void redraw() {
        getChildren().clear();
        String value = text.get();
        if (value == null || value.isEmpty()) {
            return;
        }
        int row = 0;
        for (double y = 40; y < getHeight() + STEP_Y; y += STEP_Y, row++) {
            for (double x = (row % 2) * STEP_X / 2 - STEP_X / 2; x < getWidth(); x += STEP_X) {
                Text t = new Text(value);
                t.getStyleClass().add("session-watermark-text");
                t.setRotate(-20);
                t.setX(x);
                t.setY(y);
                t.setMouseTransparent(true);
                getChildren().add(t);
            }
        }
    }
}
