package airlock.core.search;

import java.util.List;

/** Every matching line of one file at one ref, in line order. */
public record FileMatches(String ref, String path, List<LineMatch> lines) {
    public FileMatches {
        lines = List.copyOf(lines);
    }

    /** The number of matches (a line can hold several). */
    public int matchCount() {
        int count = 0;
        for (LineMatch line : lines) {
            count += line.ranges().size();
        }
        return count;
    }
}
