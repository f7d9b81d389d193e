package airlock.bench;

import airlock.core.progress.ProgressMonitor;
import airlock.core.symbols.IndexBuilder;
import airlock.core.symbols.ReferencePage;
import airlock.core.symbols.SymbolIndex;
import airlock.core.syntax.Language;
import airlock.core.syntax.LexerHighlighter;
import airlock.core.syntax.TreeSitterHighlighter;
import airlock.core.text.DisplayText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark harness run by bench/nav-bench.sh (not a unit test): builds the symbol index of a folder,
 * then times definition lookup, the full reference list and its first page for one name, plus the
 * lexer/tree-sitter highlighting throughput on one file. Prints "key value" lines.
 */
public final class NavBench {
    private NavBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path db = Path.of(args[1]);
        String name = args.length > 2 ? args[2] : "mutex_lock";
        Path sample = args.length > 3 ? Path.of(args[3]) : null;
        Files.deleteIfExists(db);
        DirectorySource source = new DirectorySource(root);
        long t0 = System.nanoTime();
        var state = new IndexBuilder(source, source.reviewRef(), db).build(List.of(), ProgressMonitor.NONE);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        out("index_build_s", String.format(Locale.ROOT, "%.1f", buildMs / 1000.0));
        out("heap_after_index_mb", heapMb);
        out("files_indexed", state.filesTotal() + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
        out("index_file_mb", Files.size(db) >> 20);
        long o0 = System.nanoTime();
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            idx.preload(); // as the workstation does when it opens an index, in the background
            out("open_and_preload_ms", (System.nanoTime() - o0) / 1_000_000);
            idx.definitions(name); // warm
            long d0 = System.nanoTime();
            int runs = 50;
            int defs = 0;
            for (int i = 0; i < runs; i++) {
                defs = idx.definitions(name).size();
            }
            out("definition_ms", String.format(Locale.ROOT, "%.2f", (System.nanoTime() - d0) / 1e6 / runs));
            out("definitions", defs);
            long p0 = System.nanoTime();
            ReferencePage first = idx.references(name, 0, 100);
            out("references_first_page_ms", (System.nanoTime() - p0) / 1_000_000);
            long r0 = System.nanoTime();
            ReferencePage all = idx.references(name, 0, Integer.MAX_VALUE);
            out("references_all_ms", (System.nanoTime() - r0) / 1_000_000);
            out("references", all.references().size() + " (first page " + first.references().size() + ")");
            long s0 = System.nanoTime();
            int hits = idx.searchSymbols("mtxlck", 50).size();
            out("symbol_search_ms", (System.nanoTime() - s0) / 1_000_000 + " (" + hits + " hits)");
        }
        if (sample != null) {
            String text = Files.readString(sample, StandardCharsets.UTF_8);
            double mb = text.length() / 1e6;
            new LexerHighlighter().highlight(Language.C, text);
            long h0 = System.nanoTime();
            new LexerHighlighter().highlight(Language.C, text);
            DisplayText.of(text);
            double lexMs = (System.nanoTime() - h0) / 1e6;
            out("lexer_highlight_plus_escape_ms", String.format(Locale.ROOT, "%.0f (%.1f MB)", lexMs, mb));
            TreeSitterHighlighter.create().ifPresent(ts -> {
                long ts0 = System.nanoTime();
                ts.highlight(Language.C, text);
                double tsMs = (System.nanoTime() - ts0) / 1e6;
                out("treesitter_highlight_ms", String.format(Locale.ROOT, "%.0f (%.1f MB/s)", tsMs, mb / (tsMs / 1000)));
            });
        }
    }

    private static void out(String key, Object value) {
        System.out.println(key + " " + value);
    }
}
