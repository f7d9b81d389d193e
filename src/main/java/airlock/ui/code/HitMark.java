package airlock.ui.code;

import airlock.core.text.DisplayText;
import javafx.scene.control.IndexRange;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.Selection;
import org.fxmisc.richtext.SelectionImpl;

/**
 * The opened search hit, reference or find-in-file match of one code view, painted as an extra
 * selection shape ({@code .hit-mark} in the theme) rather than as a text style: the highlighter
 * replaces style spans when it finishes, a selection shape stays. Columns given in the file's own
 * line are moved onto the shown line, which may show hidden characters masked one for one or as
 * {@code ⟨U+…⟩} tokens.
 */
final class HitMark {
    static final String STYLE_CLASS = "hit-mark";
    private final CodeViewPane pane;
    private Selection<?, ?, ?> shape;
    private int line;
    private int from;
    private int to;
    private String fileLine;
    private boolean set;

    HitMark(CodeViewPane pane) {
        this.pane = pane;
    }

    void set(int fileLineNumber, int fromColumn, int toColumn, String fileLineText) {
        line = fileLineNumber;
        from = Math.max(0, fromColumn);
        to = Math.max(from, toColumn);
        fileLine = fileLineText;
        set = true;
    }

    void clear() {
        set = false;
        if (shape != null) {
            shape.selectRange(0, 0);
        }
    }

    /** Puts the mark on the text shown now (after a goto, or after the view replaced its text). */
    void reapply() {
        if (!set) {
            return;
        }
        GenericStyledArea<?, ?, ?> area = pane.codeArea();
        int paragraph = line - 1 - pane.lineOffset();
        if (paragraph < 0 || paragraph >= area.getParagraphs().size()) {
            shape().selectRange(0, 0);
            return;
        }
        String shown = area.getParagraph(paragraph).getText();
        int[] columns = shownColumns(shown, fileLine, from, to);
        int start = area.getAbsolutePosition(paragraph, columns[0]);
        shape().selectRange(start, area.getAbsolutePosition(paragraph, columns[1]));
    }

    IndexRange range() {
        return !set || shape == null || shape.getLength() == 0 ? null : shape.getRange();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Selection<?, ?, ?> shape() {
        if (shape == null) {
            GenericStyledArea area = pane.codeArea();
            shape = new SelectionImpl<>("hit-mark", area, path -> path.getStyleClass().add(STYLE_CLASS));
            area.addSelection(shape);
        }
        return shape;
    }

    /**
     * Columns [from, to) of {@code fileLine} as columns of {@code shown}, clamped to it. The same length
     * means the same columns (masked one for one); else the file line's display form (tokens) is tried;
     * a line that is neither (a hex view, another page) keeps the columns, clamped.
     */
    static int[] shownColumns(String shown, String fileLine, int from, int to) {
        int f = from;
        int t = to;
        if (fileLine != null && fileLine.length() != shown.length()) {
            DisplayText display = DisplayText.of(fileLine);
            if (display.display().equals(shown)) {
                f = display.toDisplay(Math.min(from, fileLine.length()));
                t = display.toDisplay(Math.min(to, fileLine.length()));
            }
        }
        f = Math.min(f, shown.length());
        t = Math.max(f, Math.min(t, shown.length()));
        return new int[] {f, t};
    }
}
