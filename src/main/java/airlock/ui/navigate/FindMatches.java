package airlock.ui.navigate;

import airlock.core.search.LineMatch;
import airlock.core.search.MatchRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The matches of find in file in one shown text, in text order, and which one is current: next and
 * previous wrap, and the first step from nowhere starts at the caret. No toolkit: tested with plain JUnit.
 */
final class FindMatches {
    /** More matches than this are not walked (the count says "n+"). */
    static final int MAX_MATCHES = 10_000;
    private final List<int[]> matches;
    private final boolean more;
    private int current = -1;

    private FindMatches(List<int[]> matches, boolean more) {
        this.matches = matches;
        this.more = more;
    }

    static FindMatches none() {
        return new FindMatches(List.of(), false);
    }

    /** The non-empty matches of {@code lines} (line numbers 1-based in the shown text), at most {@link #MAX_MATCHES}. */
    static FindMatches of(List<LineMatch> lines) {
        List<int[]> out = new ArrayList<>();
        for (LineMatch line : lines) {
            for (MatchRange r : line.ranges()) {
                if (r.end() > r.start()) {
                    if (out.size() == MAX_MATCHES) {
                        return new FindMatches(out, true);
                    }
                    out.add(new int[] {line.number() - 1, r.start(), r.end()});
                }
            }
        }
        return new FindMatches(out, false);
    }

    int count() {
        return matches.size();
    }

    /** Whether there were more matches than {@link #MAX_MATCHES}. */
    boolean more() {
        return more;
    }

    /** The current match's index, or -1 before the first step. */
    int current() {
        return current;
    }

    /** The current match as {paragraph (0-based), from column, to column}, or null. */
    int[] currentMatch() {
        return current < 0 ? null : matches.get(current).clone();
    }

    /**
     * Moves to the next ({@code forward}) or previous match and returns it, or null when there is none. The
     * first step goes to the first match after the caret (at or after it going forward, before it going back).
     */
    int[] step(boolean forward, int caretParagraph, int caretColumn) {
        int n = matches.size();
        if (n == 0) {
            return null;
        }
        if (current >= 0) {
            current = Math.floorMod(current + (forward ? 1 : -1), n);
            return currentMatch();
        }
        current = forward ? 0 : n - 1;
        for (int i = 0; i < n; i++) {
            int[] m = matches.get(i);
            int cmp = m[0] != caretParagraph ? Integer.compare(m[0], caretParagraph) : Integer.compare(m[1], caretColumn);
            if (forward && cmp >= 0) {
                current = i;
                break;
            }
            if (!forward && cmp < 0) {
                current = i;
            }
        }
        return currentMatch();
    }
}
