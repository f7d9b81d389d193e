package airlock.ui.search;

import airlock.core.search.MatchRange;
import java.util.List;

/** One result row: a matching line of a file (repository text, escaped only when shown). */
public record SearchHit(String path, int line, String text, List<MatchRange> ranges) {
}
