package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.search.IndexBuilder;
import airlock.core.search.SearchIndex;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code airlock search-index}: builds or resumes the trigram search index of a bundle (every ref,
 * or one), printing progress to standard error.
 */
@Command(name = "search-index", description = "Build (or resume building) the search index of a bundle.")
final class SearchIndexCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bundle", required = true, paramLabel = "ID|PATH",
            description = "Imported bundle id, a bundle folder (on a stick) imported before, or a git repository folder.")
    String bundle;

    @Option(names = "--ref", paramLabel = "REF", description = "Index only this ref (default: every ref).")
    String ref;

    @Override
    public Integer call() throws AirlockException {
        PrintWriter err = spec.commandLine().getErr();
        if (SourceResolver.readsStore(bundle)) {
            StoreReadGate.requireKeeperAccount(home.location(), "search-index");
        }
        ExecutorService pool = WorkerPool.create("index");
        try (SourceResolver.Opened opened = SourceResolver.open(home.open(), bundle);
             SearchIndex index = SearchIndex.open(opened.indexDir(), Runtime.getRuntime().availableProcessors())) {
            List<String> refs = ref != null ? List.of(ref) : opened.source().refs();
            for (String r : refs) {
                opened.source().commitOf(r);
            }
            IndexBuilder.Result result = new IndexBuilder(pool).build(opened.source(), refs, index,
                    new TextProgress(err));
            err.println("airlock: search index complete: " + result.blobsTotal() + " files ("
                    + result.blobsAdded() + " added now) in " + opened.indexDir());
            return AirlockCommand.OK;
        } catch (CancelledException e) {
            err.println("airlock: indexing stopped; run the command again to resume.");
            return AirlockCommand.IO_ERROR;
        } finally {
            pool.shutdownNow();
        }
    }
}
