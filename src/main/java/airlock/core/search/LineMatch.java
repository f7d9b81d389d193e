package airlock.core.search;

import java.util.List;

/**
 * One matching line, as {@code rg -n} counts and prints it: lines end at LF only (a CR stays part of
 * the line), the last line needs no LF, numbering starts at 1.
 *
 * @param number line number, 1-based
 * @param text   the line without its LF; repository text, to be escaped before display
 * @param ranges every match in the line, in order, never empty
 */
public record LineMatch(int number, String text, List<MatchRange> ranges) {
    public LineMatch {
        // the search's own compact list is kept as it is (no object per match)
        ranges = ranges instanceof Ranges own ? own.trimmed() : List.copyOf(ranges);
    }
}
