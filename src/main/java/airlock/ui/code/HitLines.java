package airlock.ui.code;

import airlock.core.search.MatchRange;
import airlock.core.text.VisibleText;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * How a hit (search result, reference) is drawn in a result list: under a header naming its file when it is
 * the first hit of that file, its line number, then the code line with the matches in the theme's match
 * style. Repository text becomes inert {@link Text} nodes, escaped piece by piece ({@link VisibleText}: control
 * and bidi characters as {@code ⟨U+…⟩} tokens) so the match offsets stay right; nothing can be selected.
 */
public final class HitLines {
    /** How much of a long line a row shows. */
    public static final int MAX_SHOWN_CHARS = 240;

    private HitLines() {
    }

    /**
     * The row of one hit.
     *
     * @param fileHeader the escaped header of the hit's file when it starts a new file's group, else null
     */
    public static Node row(String fileHeader, int line, String text, List<MatchRange> ranges) {
        Text number = new Text(line + ": ");
        number.getStyleClass().add("search-location");
        TextFlow flow = new TextFlow(number);
        appendLine(flow, text, ranges);
        flow.getStyleClass().add("hit-line");
        if (fileHeader == null) {
            return flow;
        }
        Label header = new Label(fileHeader);
        header.getStyleClass().add("hit-file");
        header.setMaxWidth(Double.MAX_VALUE);
        return new VBox(2, header, flow);
    }

    /** The header of a file's group: the escaped path and how many hits of it the list holds. */
    public static String header(String path, int hits, boolean more) {
        return VisibleText.escape(path) + "  (" + hits + (more ? "+" : "") + ")";
    }

    /** Appends {@code text} (leading blanks dropped, at most {@link #MAX_SHOWN_CHARS}) with its matches styled. */
    public static void appendLine(TextFlow flow, String text, List<MatchRange> ranges) {
        int from = 0;
        if (!ranges.isEmpty() && ranges.get(0).start() > MAX_SHOWN_CHARS / 2) {
            from = ranges.get(0).start() - MAX_SHOWN_CHARS / 4;
            flow.getChildren().add(new Text("\u2026"));
        }
        // indentation says nothing in a result list: start at the first visible character
        int firstMatch = ranges.isEmpty() ? text.length() : Math.min(text.length(), ranges.get(0).start());
        while (from < firstMatch && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        int to = Math.min(text.length(), from + MAX_SHOWN_CHARS);
        int at = from;
        for (MatchRange range : ranges) {
            int start = Math.max(range.start(), at);
            int end = Math.min(range.end(), to);
            if (start >= to) {
                break;
            }
            if (start > at) {
                flow.getChildren().add(new Text(VisibleText.escape(text.substring(at, start))));
            }
            if (end > start) {
                Text match = new Text(VisibleText.escape(text.substring(start, end)));
                match.getStyleClass().add("search-match");
                flow.getChildren().add(match);
            }
            at = Math.max(at, end);
        }
        if (at < to) {
            flow.getChildren().add(new Text(VisibleText.escape(text.substring(at, to))));
        }
        if (to < text.length()) {
            flow.getChildren().add(new Text("\u2026"));
        }
    }
}
