package airlock.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * Labels whose text is never cut where it matters (issue 19): a field's name keeps its whole width,
 * longer text wraps, and either kind tells its full text as a tooltip when the room is short anyway.
 */
public final class Labels {
    private Labels() {
    }

    /** A field name beside its control: never narrower than its text. */
    public static Label name(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setTooltip(new Tooltip(text));
        return label;
    }

    /** A sentence or a path: wraps onto more lines instead of ending in "…", and has its text as tooltip. */
    public static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setTooltip(new Tooltip(text));
        return label;
    }
}
