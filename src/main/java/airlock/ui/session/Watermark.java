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
    private static final javafx.scene.paint.Color FALLBACK_FILL = javafx.scene.paint.Color.rgb(30, 50, 90, 0.11);
    private static final javafx.scene.text.Font FALLBACK_FONT = javafx.scene.text.Font.font(null,
            javafx.scene.text.FontWeight.BOLD, 20);
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
        // drawn inside its own bounds only: text tiled past them would widen a dialog's layout (issue 19)
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /**
     * The mark fills whatever it is laid over and never asks for room: a Pane's preferred size is that
     * of its children, and the tiles cover the width, so each layout asked for more and a dialog with
     * the mark grew its content past its window, leaving a blank frame without text or buttons (issue 19).
     */
    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 0;
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
                // translucent even where no stylesheet of the theme reaches (the intake window's):
                // an unstyled Text is opaque black and was drawn over dialog labels (issue 19)
                t.setFill(FALLBACK_FILL);
                t.setFont(FALLBACK_FONT);
                t.setRotate(-20);
                t.setX(x);
                t.setY(y);
                t.setMouseTransparent(true);
                getChildren().add(t);
            }
        }
    }
}
