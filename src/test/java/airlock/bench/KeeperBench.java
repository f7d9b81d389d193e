package airlock.bench;

import airlock.core.bundle.BundleStore;
import airlock.core.git.IsolatedGit;
import airlock.core.home.AirlockHome;
import airlock.core.progress.ProgressMonitor;
import airlock.core.search.FileMatches;
import airlock.core.search.SearchIndex;
import airlock.core.search.SearchQuery;
import airlock.core.search.Searcher;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import airlock.core.symbols.Definition;
import airlock.core.symbols.DefinitionLines;
import airlock.core.symbols.Reference;
import airlock.core.symbols.ReferencePage;
import airlock.core.symbols.SymbolIndex;
import airlock.keeper.client.KeeperClient;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Benchmark harness of {@code bench/keeper-bench.sh} (not a test): the same four reads done
 * in-process on the keeper's home (what the single-process workstation did) and through a running
 * keeper's socket inside a session (file.open + pages, search.run, symbols.definitions,
 * symbols.references: each recorded before it is answered), run by run in turn, so both meet the same
 * machine load. A search is timed to its first 100 hits ({@code search-first}: in-process when the
 * listener has had 100 lines, through the keeper the first page's answer) and to its end. Prints one line per operation and mode:
 * {@code op mode median_ms min_ms max_ms detail}. The in-process reads only read the home.
 *
 * <p>Arguments: {@code HOME SOCKET BUNDLE_ID PATH SYMBOL RUNS}, or {@code room HOME} to install the demo
 * room policy (PIN confirmation) into a home before its keeper starts.
 */
public final class KeeperBench {
    private KeeperBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("room")) {
            // the demo room policy (session start confirmed with the demo PIN), installed before the keeper starts
            airlock.core.demo.DemoRoom.install(AirlockHome.open(Path.of(args[1])), new java.security.SecureRandom());
            return;
        }
        IsolatedGit.install();
        awaitIndexes(Path.of(args[0]), Path.of(args[1]), args[2]);
        AirlockHome home = AirlockHome.open(Path.of(args[0]));
        Path socket = Path.of(args[1]);
        String bundle = args[2];
        String path = args[3];
        String symbol = args[4];
        int runs = Integer.parseInt(args[5]);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        BundleStore store = new BundleStore(home);
        try (SourceTree source = store.open(store.get(bundle))) {
            String ref = source.reviewRef();
            SearchIndex index = SearchIndex.open(home.databases().resolve("search").resolve(SearchIndex.keyOf(source)), 1);
            SymbolIndex symbols = SymbolIndex.open(SymbolIndex.fileFor(home.databases(), source.commitOf(ref)));
            SourceEntry file = source.find(ref, path);
            SearchQuery query = new SearchQuery(symbol, false, false, false, List.of(), List.of(), Set.of(), ref);
            Searcher searcher = new Searcher(pool);

            Callable<String> openIn = () -> {
                SourceEntry e = source.find(ref, path);
                return source.read(e, e.size()).length + " bytes";
            };
            // the first 100 hits (what the keeper's first page holds) and the whole search, in one run
            Callable<long[]> searchIn = () -> {
                long t0 = System.nanoTime();
                long[] first = {-1};
                int[] lines = {0};
                var summary = searcher.search(source, index, query, (FileMatches f) -> {
                    lines[0] += f.lines().size();
                    if (first[0] < 0 && lines[0] >= 100) {
                        first[0] = System.nanoTime() - t0;
                    }
                }, ProgressMonitor.NONE);
                long all = System.nanoTime() - t0;
                return new long[] {first[0] < 0 ? all : first[0], all, summary.linesMatched()};
            };
            Callable<String> definitionIn = () -> {
                List<Definition> defs = symbols.definitions(symbol);
                List<Definition> shown = defs.subList(0, Math.min(defs.size(), 200));
                return DefinitionLines.withLines(shown, source, ref, shown.size()).size() + " definitions";
            };
            Callable<String> referencesIn = () -> {
                ReferencePage page = symbols.references(symbol, 0, 200);
                Map<String, byte[]> files = new HashMap<>();
                int lines = 0;
                for (Reference r : page.references()) {
                    byte[] bytes = files.computeIfAbsent(r.path(), p -> {
                        try {
                            SourceEntry e = source.find(ref, p);
                            return e == null ? null : source.read(e, airlock.core.symbols.IndexBuilder.MAX_FILE_BYTES);
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        }
                    });
                    if (DefinitionLines.line(bytes, r.line()) != null) {
                        lines++;
                    }
                }
                return page.references().size() + " of " + page.total() + " references, " + lines + " lines";
            };

            try (KeeperClient client = KeeperClient.connect(socket, "keeper-bench")) {
                if (!client.status().state().equals("none")) {
                    // an interrupted earlier run left its session open; the keeper resumed it: end it first
                    Answer.SessionEnded left = client.endSession();
                    System.out.println("# ended session " + left.id() + ", left open by an interrupted run");
                }
                client.startSession("Bench Inspector", "Bench", null, bundle, airlock.core.demo.DemoRoom.PIN);
                try {
                    // each run does the in-process read, then the same read through the keeper, so both meet
                    // the same machine load (other processes share the 2 cores): the comparison is paired
                    pair("open-1MB", runs, openIn, () -> client.read(ref, path, file.size()).length + " bytes");
                    // where the open's time goes: the file.open request alone (its entry committed, no content), and
                    // the content alone (one page frame of the already opened file)
                    measure("#open-entry", "keeper", runs, () -> "entry " + client.open(ref, path).entry());
                    measure("#open-page", "keeper", runs, () -> client.page(ref, path, 0,
                            (int) Math.min(airlock.protocol.Limits.MAX_PAGE_BYTES, file.size())).length() + " bytes");
                    pairSearch(runs, searchIn, () -> {
                        long t0 = System.nanoTime();
                        Answer.SearchResults r = client.search(new Request.Search(symbol, false, false, false, List.of(), List.of(),
                                List.of(), ref, 100));
                        long first = System.nanoTime() - t0;
                        // the rest: the page past the last hit kept is answered when the search finished
                        Answer.SearchResults end = client.searchPage(r.search(), airlock.protocol.Limits.MAX_SEARCH_HITS, 1);
                        long all = System.nanoTime() - t0;
                        if (!end.finished() || r.hits().size() != 100) {
                            throw new IllegalStateException("the keeper's search did not give a first page of 100 and finish");
                        }
                        return new long[] {first, all, end.linesMatched()};
                    });
                    pair("definition", runs, definitionIn, () -> client.definitions(symbol, 200).definitions().size()
                            + " definitions");
                    pair("references", runs, referencesIn, () -> {
                        Answer.References r = client.references(symbol, 0, 200);
                        return r.references().size() + " of " + r.total() + " references";
                    });
                } finally {
                    Answer.SessionEnded ended = client.endSession();
                    System.out.println("# session " + ended.id() + ": " + ended.entries() + " entries");
                }
            } finally {
                index.close();
                symbols.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until the running keeper has built the bundle's indexes (it builds them itself at start). */
    /**
     * The keeper builds the bundle's quote index (issue 18) on its index thread after the search and symbol
     * indexes, on both cores: about 33 s of CPU for the kernel, once per bundle (then kept in
     * {@code <home>/db/quotes/}). Measured during that build, every figure of both sides shares the cores with
     * it (the runs after the quote index came to the keeper did, and the keeper stopped at each run's end never
     * finished it): wait until its file is written (atomically, so present means complete) in this version's
     * format (a file of an older format is rebuilt by the keeper, in the background).
     */
    private static void awaitQuoteIndex(Path home, String bundle) throws Exception {
        long t0 = System.nanoTime();
        Path quotes = home.resolve("db").resolve("quotes");
        while (System.nanoTime() - t0 < 900_000_000_000L) {
            try (var files = java.nio.file.Files.list(quotes)) {
                if (files.anyMatch(f -> f.getFileName().toString().startsWith(bundle + "-")
                        && f.getFileName().toString().endsWith(airlock.core.quote.QuoteIndexFile.SUFFIX)
                        && airlock.core.quote.QuoteIndexFile.ofThisVersion(f))) {
                    System.out.printf("# quote index ready after waiting %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
                    return;
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // not begun yet
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the keeper did not write the quote index within 15 minutes");
    }

    private static void awaitIndexes(Path home, Path socket, String bundle) throws Exception {
        long t0 = System.nanoTime();
        try (KeeperClient client = KeeperClient.connect(socket, "keeper-bench")) {
            while (true) {
                for (Answer.IndexInfo i : client.call(new Request.IndexStatus(), Answer.Indexes.class).indexes()) {
                    if (i.bundle().equals(bundle) && i.state().equals("ready")) {
                        System.out.printf("# indexes ready after waiting %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
                        awaitQuoteIndex(home, bundle);
                        return;
                    }
                    if (i.bundle().equals(bundle) && i.state().equals("failed")) {
                        throw new IllegalStateException("the keeper could not build the indexes: " + i.message());
                    }
                }
                Thread.sleep(2000);
            }
        }
    }

    /** Times {@code op} in-process and through the keeper, alternating run by run (2 warm-ups each). */
    private static void pair(String op, int runs, Callable<String> in, Callable<String> keeper) throws Exception {
        in.call();
        keeper.call();
        in.call();
        keeper.call();
        long[] a = new long[runs];
        long[] b = new long[runs];
        String da = "";
        String db = "";
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            da = in.call();
            a[i] = (System.nanoTime() - t0) / 1_000;
            t0 = System.nanoTime();
            db = keeper.call();
            b[i] = (System.nanoTime() - t0) / 1_000;
        }
        print(op, "in-process", a, da.replace(' ', '_'));
        print(op, "keeper", b, db.replace(' ', '_'));
    }

    /** A search timed to its first 100 hits and to its end, in both modes, alternating run by run; each body returns {first ns, all ns, lines}. */
    private static void pairSearch(int runs, Callable<long[]> in, Callable<long[]> keeper) throws Exception {
        in.call();
        keeper.call();
        in.call();
        keeper.call();
        long[][] first = new long[2][runs];
        long[][] all = new long[2][runs];
        long[] lines = new long[2];
        for (int i = 0; i < runs; i++) {
            int m = 0;
            for (Callable<long[]> body : List.of(in, keeper)) {
                long[] r = body.call();
                first[m][i] = r[0] / 1_000;
                all[m][i] = r[1] / 1_000;
                lines[m] = r[2];
                m++;
            }
        }
        for (int m = 0; m < 2; m++) {
            String mode = m == 0 ? "in-process" : "keeper";
            print("search-first", mode, first[m], "first_100_hits_of_" + lines[m] + "_lines");
            print("search-all", mode, all[m], lines[m] + "_lines");
        }
    }

    private static void print(String op, String mode, long[] us, String detail) {
        Arrays.sort(us);
        int runs = us.length;
        System.out.printf("%s %s %.1f %.1f %.1f %s%n", op, mode, us[runs / 2] / 1000.0, us[0] / 1000.0, us[runs - 1] / 1000.0,
                detail);
        System.out.flush();
    }

    private static void measure(String op, String mode, int runs, Callable<String> body) throws Exception {
        body.call(); // warm-up
        body.call();
        long[] ms = new long[runs];
        String detail = "";
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            detail = body.call();
            ms[i] = (System.nanoTime() - t0) / 1_000;
        }
        Arrays.sort(ms);
        System.out.printf("%s %s %.1f %.1f %.1f %s%n", op, mode, ms[runs / 2] / 1000.0, ms[0] / 1000.0, ms[runs - 1] / 1000.0,
                detail.replace(' ', '_'));
        System.out.flush();
    }
}
