package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.search.CodeSearch;
import airlock.core.search.FileMatches;
import airlock.core.search.LineMatch;
import airlock.core.search.MatchRange;
import airlock.core.search.SearchIndex;
import airlock.core.search.SearchListener;
import airlock.core.search.SearchQuery;
import airlock.core.search.SearchSummary;
import airlock.core.source.SourceTree;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keeper's search. The keeper writes the {@code search.run} entry (the query) first, then sends
 * each page of hits as soon as it is found; this class fetches the pages until the keeper says the
 * search {@code finished} and hands them to the view file by file; the summary is the last page's. The {@code source} and {@code index}
 * arguments are not used: the keeper searches the bundle of its session.
 */
public final class KeeperCodeSearch implements CodeSearch {
    private final KeeperClient client;

    public KeeperCodeSearch(KeeperClient client) {
        this.client = client;
    }

    @Override
    public boolean recordsRuns() {
        return true;
    }

    @Override
    public SearchSummary search(SourceTree source, SearchIndex index, SearchQuery query, SearchListener listener,
                                ProgressMonitor monitor) throws AirlockException {
        return run(query, null, listener, monitor);
    }

    private SearchSummary run(SearchQuery query, String diffFrom, SearchListener listener, ProgressMonitor monitor)
            throws AirlockException {
        List<String> languages = query.languages().stream().sorted().toList();
        Answer.SearchResults first = client.search(new Request.Search(query.pattern(), query.regex(), query.ignoreCase(),
                query.wholeWord(), query.include(), query.exclude(), languages, query.ref(), Limits.MAX_HITS_PAGE, diffFrom));
        long matches = 0;
        Answer.SearchResults page = first;
        List<Answer.Hit> file = new ArrayList<>();
        while (true) {
            for (Answer.Hit hit : page.hits()) {
                if (!file.isEmpty() && !(file.get(0).path().equals(hit.path()) && file.get(0).ref().equals(hit.ref()))) {
                    listener.onFile(matchesOf(file));
                    file.clear();
                }
                file.add(hit);
                matches += Math.max(1, hit.spans().size());
            }
            int next = page.offset() + page.hits().size();
            if (page.finished() && (page.hits().isEmpty() || next >= page.total())) {
                break;
            }
            if (monitor.isCancelled()) {
                throw new CancelledException();
            }
            page = client.searchPage(first.search(), next, Limits.MAX_HITS_PAGE);
        }
        if (!file.isEmpty()) {
            listener.onFile(matchesOf(file));
        }
        // the last page is the finished search's: its counts are final
        List<String> incomplete = new ArrayList<>();
        if (!page.complete()) {
            incomplete.add("the keeper's search did not read every file in scope");
        }
        if (page.truncated()) {
            incomplete.add("the keeper kept only the first " + page.total() + " matching lines");
        }
        return new SearchSummary(page.filesMatched(), page.linesMatched(), matches, 0, 0, 0, 0, coverage(page.coverage()),
                incomplete);
    }

    private static FileMatches matchesOf(List<Answer.Hit> hits) {
        List<LineMatch> lines = new ArrayList<>();
        for (Answer.Hit h : hits) {
            lines.add(new LineMatch(h.line(), h.text(), h.spans().stream().map(s -> new MatchRange(s.start(), s.end())).toList()));
        }
        return new FileMatches(hits.get(0).ref(), hits.get(0).path(), lines);
    }

    /**
     * The keeper names its coverage in lower case. It does not send the counts of files in scope, read
     * or left out of a partial index (version 1), so those are 0 in the summary this returns.
     */
    private static SearchSummary.Coverage coverage(String keeper) throws KeeperException {
        try {
            return SearchSummary.Coverage.valueOf(keeper.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KeeperException("keeper.protocol", "The keeper reported an unknown search coverage.");
        }
    }

    @Override
    public SearchSummary searchDiff(SourceTree source, String baseRef, SearchQuery query, SearchListener listener,
                                    ProgressMonitor monitor) throws AirlockException {
        // history/diff (issue 16, kread): the keeper searches the lines of the files that differ from baseRef,
        // after its search.run entry (with diffFrom) is committed
        if (query.ref() == null) {
            throw new airlock.core.search.InvalidQueryException("A diff search needs the ref to compare with the base ref.");
        }
        return run(query, baseRef, listener, monitor);
    }
}
