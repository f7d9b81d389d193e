package airlock.bench;

import airlock.core.progress.ProgressMonitor;
import airlock.core.symbols.IndexBuilder;
import airlock.core.symbols.IndexState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark harness run by bench/nav-accuracy.py (not a unit test): builds the symbol index of a folder
 * through the product's {@link IndexBuilder} (language detection, decoding, extraction, the SQLite
 * tables the workstation queries) into the given file, then prints "files_indexed n". The accuracy tool
 * reads the tables back itself. Usage: IndexFolder folder index.sqlite
 */
public final class IndexFolder {
    private IndexFolder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: IndexFolder folder index.sqlite");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Path db = Path.of(args[1]);
        Files.deleteIfExists(db);
        DirectorySource source = new DirectorySource(root);
        long t0 = System.nanoTime();
        IndexState state = new IndexBuilder(source, source.reviewRef(), db).build(List.of(), ProgressMonitor.NONE);
        System.out.println("files_indexed " + state.filesTotal());
        System.out.println("index_build_ms " + (System.nanoTime() - t0) / 1_000_000);
    }
}
