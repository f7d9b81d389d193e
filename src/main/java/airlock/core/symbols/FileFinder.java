package airlock.core.symbols;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Go to file (Ctrl+P): fuzzy search over the paths of a ref, held in memory. */
public final class FileFinder {
    private final List<String> paths;

    public FileFinder(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    /** A path with its score. */
    public record FileMatch(String path, int score) {
    }

    /** The best {@code limit} paths for {@code query}, best first; an empty query lists the first paths. */
    public List<FileMatch> find(String query, int limit) {
        String q = query.strip().replace(" ", "");
        PriorityQueue<FileMatch> top = new PriorityQueue<>(Comparator.comparingInt(FileMatch::score));
        for (String p : paths) {
            int s = FuzzyMatcher.score(q, p);
            if (s == FuzzyMatcher.NONE) {
                continue;
            }
            top.add(new FileMatch(p, s));
            if (top.size() > limit) {
                top.poll();
            }
        }
        List<FileMatch> out = new ArrayList<>(top);
        out.sort(Comparator.comparingInt(FileMatch::score).reversed().thenComparing(FileMatch::path));
        return out;
    }
}
