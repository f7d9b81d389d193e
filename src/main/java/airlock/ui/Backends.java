package airlock.ui;

import airlock.core.annotate.store.Findings;
import airlock.core.search.CodeSearch;
import airlock.core.session.ReviewSession;
import airlock.core.source.SourceTree;
import airlock.core.symbols.SymbolLookup;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the window's features get code answers and keep findings: this process's own indexes and
 * tables under the home's {@code databases} folder, or the keeper's, through its client (then
 * {@code databases} is null: the workstation opens no file of the home).
 *
 * @param databases the home's db folder for in-process indexes and findings, or null
 * @param search    the search to run, or null for this process's {@code Searcher}
 * @param symbols   per source, the symbol lookup to ask; null for an index this process builds
 * @param findings  per session, where its findings are kept; null for this process's tables
 */
public record Backends(Path databases, CodeSearch search, Function<SourceTree, SymbolLookup> symbols,
                       Function<ReviewSession, Findings> findings) {

    /** Everything in this process (tests, and the in-process composition). */
    public static Backends local(Path databases) {
        return new Backends(databases, null, null, null);
    }
}
