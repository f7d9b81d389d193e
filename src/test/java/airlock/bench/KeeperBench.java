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
 * symbols.references: each recorded before it is answered). Prints one line per operation and mode:
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
        awaitIndexes(Path.of(args[1]), args[2]);
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

            measure("open-1MB", "in-process", runs, () -> {
                SourceEntry e = source.find(ref, path);
                return source.read(e, e.size()).length + " bytes";
            });
            long[] firstMs = new long[1];
            measure("search-first", "in-process", runs, () -> {
                List<String> hits = new ArrayList<>();
                long t0 = System.nanoTime();
                firstMs[0] = -1;
                var summary = searcher.search(source, index, query, (FileMatches f) -> {
                    if (firstMs[0] < 0) {
                        firstMs[0] = (System.nanoTime() - t0) / 1_000_000;
                    }
                    if (hits.size() < 20_000) {
                        f.lines().forEach(l -> hits.add(f.path()));
                    }
                }, ProgressMonitor.NONE);
                return summary.linesMatched() + " lines, " + summary.coverage() + ", first file after " + firstMs[0] + " ms";
            });
            measure("definition", "in-process", runs, () -> {
                List<Definition> defs = symbols.definitions(symbol);
                List<Definition> shown = defs.subList(0, Math.min(defs.size(), 200));
                return DefinitionLines.withLines(shown, source, ref, shown.size()).size() + " definitions";
            });
            measure("references", "in-process", runs, () -> {
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
            });
            index.close();
            symbols.close();

            try (KeeperClient client = KeeperClient.connect(socket, "keeper-bench")) {
                client.startSession("Bench Inspector", "Bench", null, bundle, airlock.core.demo.DemoRoom.PIN);
                try {
                    measure("open-1MB", "keeper", runs, () -> client.read(ref, path, file.size()).length + " bytes");
                    measure("search-first", "keeper", runs, () -> {
                        Answer.SearchResults r = client.search(new Request.Search(symbol, false, false, false, List.of(), List.of(),
                                List.of(), ref, 100));
                        return r.linesMatched() + " lines, " + r.coverage() + ", first page " + r.hits().size() + " hits";
                    });
                    measure("definition", "keeper", runs, () -> client.definitions(symbol, 200).definitions().size()
                            + " definitions");
                    measure("references", "keeper", runs, () -> {
                        Answer.References r = client.references(symbol, 0, 200);
                        return r.references().size() + " of " + r.total() + " references";
                    });
                } finally {
                    Answer.SessionEnded ended = client.endSession();
                    System.out.println("# session " + ended.id() + ": " + ended.entries() + " entries");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until the running keeper has built the bundle's indexes (it builds them itself at start). */
    private static void awaitIndexes(Path socket, String bundle) throws Exception {
        long t0 = System.nanoTime();
        try (KeeperClient client = KeeperClient.connect(socket, "keeper-bench")) {
            while (true) {
                for (Answer.IndexInfo i : client.call(new Request.IndexStatus(), Answer.Indexes.class).indexes()) {
                    if (i.bundle().equals(bundle) && i.state().equals("ready")) {
                        System.out.printf("# indexes ready after waiting %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
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
