package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.home.AirlockHome;
import airlock.core.source.SourceTree;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import airlock.core.progress.ProgressMonitor;
import airlock.core.search.FileMatches;
import airlock.core.search.InvalidQueryException;
import airlock.core.search.LineMatch;
import airlock.core.search.SearchIndex;
import airlock.core.search.SearchQuery;
import airlock.core.search.SearchSummary;
import airlock.core.search.Searcher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code airlock search}: prints {@code path:line:text} for every matching line, as {@code rg -n}
 * does, with repository text escaped (see {@link TerminalText}). Uses the bundle's search index
 * when one was built ({@code airlock search-index}); files the index lacks are scanned.
 */
@Command(name = "search", description = {
    "Search a bundle's code. Prints path:line:text per matching line (ref:path:line:text with --all-refs).",
    "Control, bidi and invisible characters are printed as ⟨U+XXXX⟩."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:matches found", "1:no match", "2:bad query or usage", "3:I/O or environment error"})
final class SearchCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bundle", required = true, paramLabel = "ID|PATH",
            description = "Imported bundle id, a bundle folder (on a stick) imported before, or a git repository folder.")
    String bundle;

    @Option(names = {"-e", "--regex"}, description = "QUERY is a regular expression (java.util.regex syntax).")
    boolean regex;

    @Option(names = {"-i", "--ignore-case"}, description = "Case-insensitive (Unicode) matching.")
    boolean ignoreCase;

    @Option(names = {"-w", "--word"}, description = "Only matches not touching a word character on either side.")
    boolean word;

    @Option(names = "--path", paramLabel = "GLOB",
            description = "Only files matching GLOB (repeatable; without '/' matches the file name; '!GLOB' excludes).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "LANG", description = "Only files of this language (repeatable), e.g. c, java.")
    List<String> languages = new ArrayList<>();

    @Option(names = "--ref", paramLabel = "REF", description = "The ref to search (default: the ref under review).")
    String ref;

    @Option(names = "--all-refs", description = "Search every ref; lines are printed as ref:path:line:text.")
    boolean allRefs;

    @Option(names = "--diff-from", paramLabel = "BASE",
            description = "Only lines added or changed between BASE and the searched ref.")
    String diffFrom;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The text or pattern to find.")
    String pattern;

    @Override
    public Integer call() throws AirlockException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (allRefs && (ref != null || diffFrom != null)) {
            err.println("airlock: --all-refs cannot be combined with --ref or --diff-from");
            return AirlockCommand.USAGE;
        }
        boolean fromStore = SourceResolver.readsStore(bundle);
        if (fromStore) {
            StoreReadGate.requireKeeperAccount(home.location(), "search");
        }
        ExecutorService pool = WorkerPool.create("search");
        AirlockHome opened0 = home.open();
        try (SourceResolver.Opened opened = SourceResolver.open(opened0, bundle)) {
            String searchRef = allRefs ? null : ref != null ? ref : opened.source().reviewRef();
            SearchQuery query = new SearchQuery(pattern, regex, ignoreCase, word, paths, List.of(),
                    Set.copyOf(languages), searchRef);
            if (fromStore) {
                // compile the query first (a bad pattern is a usage error, not a read), then record, then print
                airlock.core.search.TextMatcher.compile(query);
                StoreReadGate.record(opened0, ledgerData(opened.source(), searchRef), Clock.systemUTC());
            }
            Searcher searcher = new Searcher(pool);
            SearchSummary summary;
            boolean withRef = allRefs;
            if (diffFrom != null) {
                summary = searcher.searchDiff(opened.source(), diffFrom, query, f -> print(out, f, false),
                        ProgressMonitor.NONE);
            } else if (SearchIndex.exists(opened.indexDir())) {
                try (SearchIndex index = SearchIndex.open(opened.indexDir(), 1)) {
                    summary = searcher.search(opened.source(), index, query, f -> print(out, f, withRef),
                            ProgressMonitor.NONE);
                }
            } else {
                summary = searcher.search(opened.source(), null, query, f -> print(out, f, withRef),
                        ProgressMonitor.NONE);
            }
            out.flush();
            report(err, summary);
            return summary.filesMatched() > 0 ? AirlockCommand.OK : AirlockCommand.CHECK_FAILED;
        } catch (InvalidQueryException e) {
            err.println("airlock: " + TerminalText.of(e.getMessage()));
            return AirlockCommand.USAGE;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ledger entry of a store read: who, which bundle, what query, which ref — before any output. */
    private Map<String, Object> ledgerData(SourceTree source, String searchRef) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("origin", "cli");
        data.put("account", System.getProperty("user.name"));
        data.put("bundle", source.label());
        data.put("query", pattern);
        data.put("regex", regex);
        data.put("ignoreCase", ignoreCase);
        data.put("wholeWord", word);
        data.put("paths", List.copyOf(paths));
        data.put("languages", List.copyOf(new java.util.TreeSet<>(languages)));
        data.put("ref", searchRef);
        data.put("diffFrom", diffFrom);
        return data;
    }

    private static void print(PrintWriter out, FileMatches file, boolean withRef) {
        String prefix = (withRef ? TerminalText.escape(file.ref()) + ":" : "") + TerminalText.escape(file.path()) + ":";
        for (LineMatch line : file.lines()) {
            out.print(prefix);
            out.print(line.number());
            out.print(':');
            out.print(TerminalText.escape(line.text()));
            out.print('\n');
        }
    }

    private static void report(PrintWriter err, SearchSummary summary) {
        switch (summary.coverage()) {
            case NO_INDEX -> err.println("airlock: note: no search index for this bundle; every file was scanned"
                    + " (build one with 'airlock search-index').");
            case PARTIAL_INDEX -> err.println("airlock: note: the search index is incomplete; "
                    + summary.filesUnindexed() + " files it lacks were scanned (results are complete).");
            default -> { }
        }
        for (String file : summary.incomplete()) {
            err.println("airlock: warning: not fully searched: " + TerminalText.escape(file));
        }
    }
}
