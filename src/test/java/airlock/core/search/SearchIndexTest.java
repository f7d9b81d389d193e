package airlock.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.git.GitSource;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
    private static final String MAIN = "refs/heads/main";
    @TempDir
    Path tmp;
    private ExecutorService pool;
    private GitSource source;

    @BeforeEach
    void setUp() throws Exception {
        pool = Executors.newFixedThreadPool(2);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            files.put("src/f" + i + ".c", TestRepos.utf8("int f" + i + "(void) { return " + i + "; }\n"
                    + (i % 7 == 0 ? "/* needle here */\n" : "")));
        }
        files.put("bin/blob.o", new byte[] {'n', 'e', 'e', 'd', 'l', 'e', 0, 1});
        source = TestRepos.init(tmp.resolve("repo")).write(files).commit("v1").source();
    }

    @AfterEach
    void tearDown() {
        source.close();
        pool.shutdownNow();
    }

    private List<String> search(SearchIndex index, SearchQuery query, SearchSummary[] summary) throws Exception {
        List<String> out = new ArrayList<>();
        summary[0] = new Searcher(pool).search(source, index, query,
                f -> f.lines().forEach(l -> out.add(f.path() + ":" + l.number())), ProgressMonitor.NONE);
        return out;
    }

    @Test
    void indexedResultsEqualScannedResultsAndTheIndexNarrowsTheReads() throws Exception {
        try (SearchIndex index = SearchIndex.open(tmp.resolve("idx"), 2)) {
            IndexBuilder.Result result = new IndexBuilder(pool).build(source, List.of(MAIN), index, ProgressMonitor.NONE);
            assertEquals(301, result.blobsAdded());
            SearchSummary[] indexed = new SearchSummary[1];
            SearchSummary[] scanned = new SearchSummary[1];
            SearchQuery query = SearchQuery.literal("needle", MAIN);
            assertEquals(search(null, query, scanned), search(index, query, indexed));
            assertEquals(43, indexed[0].filesMatched());
            assertEquals(SearchSummary.Coverage.INDEXED, indexed[0].coverage());
            assertEquals(43, indexed[0].filesRead(), "only candidates are read");
            assertEquals(1, indexed[0].binarySkipped());
            assertEquals(SearchSummary.Coverage.NO_INDEX, scanned[0].coverage());
            assertEquals(301, scanned[0].filesRead());
        }
    }

    @Test
    void aCancelledBuildIsPartialSaysSoAndResumes() throws Exception {
        Path dir = tmp.resolve("idx");
        ProgressMonitor cancelSoon = ProgressMonitor.cancelledWhen(() -> true);
        try (SearchIndex index = SearchIndex.open(dir, 2)) {
            assertThrows(CancelledException.class,
                    () -> new IndexBuilder(pool).build(source, List.of(MAIN), index, cancelSoon));
        }
        // reopened as after a restart: whatever was committed is there, the rest is scanned
        try (SearchIndex index = SearchIndex.open(dir, 2)) {
            assertTrue(index.size() < 301, "the cancelled build should not have finished: " + index.size());
            SearchSummary[] summary = new SearchSummary[1];
            List<String> found = search(index, SearchQuery.literal("needle", MAIN), summary);
            assertEquals(43, found.size());
            assertEquals(SearchSummary.Coverage.PARTIAL_INDEX, summary[0].coverage());
            assertTrue(summary[0].filesUnindexed() > 0);
            IndexBuilder.Result resumed = new IndexBuilder(pool).build(source, List.of(MAIN), index, ProgressMonitor.NONE);
            assertEquals(301 - resumed.blobsAdded(), index.size() - resumed.blobsAdded());
            assertEquals(301, index.size());
            search(index, SearchQuery.literal("needle", MAIN), summary);
            assertEquals(SearchSummary.Coverage.INDEXED, summary[0].coverage());
        }
    }

    @Test
    void anEarlierVersionsSqliteIndexIsReplacedNotUsed() throws Exception {
        Path dir = tmp.resolve("idx");
        Files.createDirectories(dir);
        Files.write(dir.resolve("trigrams-0.sqlite"), "this is not a database, just text".repeat(100).getBytes());
        Files.write(dir.resolve("trigrams-0.sqlite-wal"), new byte[16]);
        try (SearchIndex index = SearchIndex.open(dir, 2)) {
            assertEquals(0, index.size());
        }
        assertFalse(Files.exists(dir.resolve("trigrams-0.sqlite")));
        assertFalse(Files.exists(dir.resolve("trigrams-0.sqlite-wal")));
    }

    @Test
    void openingLeavesASegmentThatABuildIsWritingAlone() throws Exception {
        Path dir = tmp.resolve("locked");
        Path writing = dir.resolve("seg-0000000000000001.tri.tmp");
        try (SearchIndex index = SearchIndex.open(dir, 1); java.io.Closeable build = index.buildLock()) {
            Files.write(writing, new byte[16]);
            try (SearchIndex other = SearchIndex.open(dir, 1)) {
                assertTrue(Files.exists(writing), "a segment being written survives another opening");
            }
        }
        try (SearchIndex later = SearchIndex.open(dir, 1)) {
            assertFalse(Files.exists(writing), "with no build running, an unfinished segment is removed");
        }
    }

    @Test
    void pathGlobsAndLanguagesFilter() throws Exception {
        SearchSummary[] summary = new SearchSummary[1];
        SearchQuery query = SearchQuery.literal("needle", MAIN).withPaths(List.of("f7*.c"), List.of());
        assertEquals(List.of("src/f7.c:2", "src/f70.c:2", "src/f77.c:2"), search(null, query, summary));
        query = SearchQuery.literal("needle", MAIN).withPaths(List.of("!src"), List.of());
        assertEquals(List.of(), search(null, query, summary));
        query = SearchQuery.literal("return 1;", MAIN).withLanguages(java.util.Set.of("c"));
        assertEquals(List.of("src/f1.c:1"), search(null, query, summary));
        assertThrows(InvalidQueryException.class, () -> search(null,
                SearchQuery.literal("x", MAIN).withLanguages(java.util.Set.of("klingon")), summary));
        assertThrows(InvalidQueryException.class, () -> search(null, SearchQuery.literal("x", "refs/heads/nope"), summary));
    }
}
