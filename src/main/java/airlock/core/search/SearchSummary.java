package airlock.core.search;

import java.util.List;

/**
 * What a finished search did: counts for the user and the session log, and how much the index
 * helped. A search is complete unless {@link #incomplete()} names files where the pattern exceeded
 * its budget (a pathological regular expression) or that are too large to search.
 *
 * @param filesMatched   files with at least one matching line
 * @param linesMatched   matching lines
 * @param matches        matches (a line can hold several)
 * @param filesInScope   files the path and language filters let through
 * @param filesRead      files read and verified
 * @param filesUnindexed files read because the index does not hold them (missing or partial index)
 * @param binarySkipped  files skipped because they hold a NUL byte, as ripgrep skips them
 * @param coverage       how the index took part
 * @param incomplete     "ref:path: reason" for each file not fully searched (pattern too costly, file too large)
 */
public record SearchSummary(int filesMatched, long linesMatched, long matches, int filesInScope, int filesRead,
                            int filesUnindexed, int binarySkipped, Coverage coverage, List<String> incomplete) {

    public SearchSummary {
        incomplete = List.copyOf(incomplete);
    }

    /** How the index took part in a search. */
    public enum Coverage {
        /** Every file in scope was in the index and the query had trigrams to look up. */
        INDEXED,
        /** The index is partial: the files it lacks were scanned. */
        PARTIAL_INDEX,
        /** There is no index: every file was scanned. */
        NO_INDEX,
        /** The query has no trigram the index could use (e.g. {@code \w+\d}): every file was scanned. */
        SCANNED
    }

    public boolean complete() {
        return incomplete.isEmpty();
    }
}
