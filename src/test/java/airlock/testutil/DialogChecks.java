package airlock.testutil;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Window;

/** Checks of issue 19 that every dialog's test can ask (on the FX thread, after layout). */
public final class DialogChecks {
    private DialogChecks() {
    }

    /**
     * The labels under {@code root} that are shown cut: the text drawn (the label's own text node) is not the
     * label's text (it ends in "…" or is clipped to nothing). Labels not shown (themselves or a parent hidden)
     * and empty ones are skipped. Each entry names the label's text and what is drawn.
     */
    public static List<String> cutLabels(Parent root) {
        List<String> out = new ArrayList<>();
        for (Node node : root.lookupAll(".label")) {
            if (!(node instanceof Label label) || label.getText() == null || label.getText().isBlank() || !shown(label)) {
                continue;
            }
            String drawn = null;
            for (Node child : label.getChildrenUnmodifiable()) {
                if (child instanceof Text text) {
                    drawn = text.getText();
                }
            }
            if (label.getGraphic() != null && drawn == null && label.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) {
                continue;
            }
            if (drawn == null || !drawn.equals(label.getText())) {
                out.add("\"" + label.getText() + "\" drawn as \"" + drawn + "\" (" + label.getWidth() + " wide, needs "
                        + label.prefWidth(-1) + ")");
            }
        }
        return out;
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** Null when {@code window} lies within the primary screen's visual bounds, else what reaches past them. */
    public static String offScreen(Window window) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double x = window.getX();
        double y = window.getY();
        double w = window.getWidth();
        double h = window.getHeight();
        if (Double.isNaN(x) || Double.isNaN(y) || x < screen.getMinX() - 0.5 || y < screen.getMinY() - 0.5
                || x + w > screen.getMaxX() + 0.5 || y + h > screen.getMaxY() + 0.5) {
            return "at " + x + "," + y + " " + w + "x" + h + " outside " + screen.getMinX() + "," + screen.getMinY() + " "
                    + screen.getWidth() + "x" + screen.getHeight();
        }
        return null;
    }
}
