package airlock.ui.code;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The gutter of one line: its number and one fixed-width column per kind of mark. Built for every
 * line that scrolls into view, so it is deliberately light: a region with plain {@link Text} nodes
 * (no controls, whose skins and CSS cost several times as much), and a mark column holds a node only
 * on lines that have a mark.
 */
final class GutterLine extends Region {
    /** A mark column is this many times the font size wide. */
    private static final double COLUMN_EMS = 1.4;
    private static final double NUMBER_LEFT = 6;
    private static final double NUMBER_RIGHT = 8;
    private final Text number;
    private final Region[] cells;

    /**
     * @param number the line number, already padded to the widest number's width
     * @param marks  one entry per column, null where the line has no mark
     */
    GutterLine(String number, List<GutterMark> marks) {
        getStyleClass().add("gutter-line");
        this.number = new Text(number);
        this.number.getStyleClass().add("lineno");
        this.number.setTextOrigin(VPos.TOP);
        getChildren().add(this.number);
        cells = new Region[marks.size()];
        for (int i = 0; i < cells.length; i++) {
            GutterMark mark = marks.get(i);
            if (mark == null) {
                continue;
            }
            Region cell = new MarkCell(mark);
            if (mark.tooltip() != null) {
                Tooltip tip = new Tooltip(mark.tooltip());
                tip.setWrapText(true);
                tip.setMaxWidth(520);
                Tooltip.install(cell, tip);
            }
            cells[i] = cell;
            getChildren().add(cell);
        }
    }

    private double columnWidth() {
        return Math.ceil(number.getFont().getSize() * COLUMN_EMS);
    }

    private double numberWidth() {
        return Math.ceil(number.getLayoutBounds().getWidth());
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + NUMBER_LEFT + numberWidth() + NUMBER_RIGHT + cells.length * columnWidth()
                + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + Math.ceil(number.getLayoutBounds().getHeight()) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset() + NUMBER_LEFT;
        number.relocate(x, snappedTopInset());
        x += numberWidth() + NUMBER_RIGHT;
        double column = columnWidth();
        for (Region cell : cells) {
            if (cell != null) {
                cell.resizeRelocate(x, 0, column, getHeight());
            }
            x += column;
        }
    }

    /** A mark: its symbol centred in the column, the column styled by the mark's classes (a bar, a colour). */
    private static final class MarkCell extends Region {
        private final Text symbol;

        MarkCell(GutterMark mark) {
            symbol = new Text(mark.symbol());
            symbol.setTextOrigin(VPos.TOP);
            symbol.getStyleClass().add("text");
            getChildren().add(symbol);
            getStyleClass().add("gutter-mark");
            getStyleClass().addAll(mark.styleClasses());
        }

        @Override
        protected void layoutChildren() {
            double w = symbol.getLayoutBounds().getWidth();
            symbol.relocate(Math.max(0, (getWidth() - w) / 2), snappedTopInset());
        }
    }
}
