package airlock.ui.main;

/**
 * Columns [{@code from}, {@code to}) of a line to mark when it is shown: a search hit or a reference.
 *
 * @param from     first column (UTF-16 offset into the file's line), 0-based
 * @param to       end column, exclusive
 * @param lineText the file's text of that line (repository text, never interpreted), or null when unknown;
 *                 it lets the view move the columns onto a line shown with visible tokens
 */
public record LineMark(int from, int to, String lineText) {
    public LineMark {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad columns " + from + ".." + to);
        }
    }
}
