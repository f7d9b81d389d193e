package airlock.core.search;

import airlock.core.AirlockException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.SourceTree;

/**
 * A text search over the code under review, as the search view model runs it: {@link Searcher} in
 * this process, or the keeper's search ({@code airlock.keeper.client.KeeperCodeSearch}), which
 * writes the {@code search.run} entry itself before it sends a hit.
 */
public interface CodeSearch {
    /** Searches {@code query.ref()} (or every ref) of {@code source}; {@code index} may be null. */
    SearchSummary search(SourceTree source, SearchIndex index, SearchQuery query, SearchListener listener,
                         ProgressMonitor monitor) throws AirlockException;

    /** Searches only the lines changed between {@code baseRef} and {@code query.ref()}. */
    SearchSummary searchDiff(SourceTree source, String baseRef, SearchQuery query, SearchListener listener,
                             ProgressMonitor monitor) throws AirlockException;

    /** True when the search writes its own log entry (the keeper's); the caller must then not write one. */
    boolean recordsRuns();
}
