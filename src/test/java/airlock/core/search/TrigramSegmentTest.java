package airlock.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.progress.ProgressMonitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's own segment format: round trip, crash safety, damage, case handling. */
class TrigramSegmentTest {
    private static final String MAIN = "refs/heads/main";
    @TempDir
    Path tmp;
    private ExecutorService pool;
    private GitSource source;

    @BeforeEach
    void setUp() throws Exception {
        pool = Executors.newFixedThreadPool(2);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            files.put("src/f" + i + ".c", TestRepos.utf8("int f" + i + "(void) { return " + i + "; }\n"
                    + (i % 9 == 0 ? "/* Needle here */\n" : "") + (i % 11 == 0 ? "NEEDLE_MAX\n" : "")));
        }
        files.put("u/kelvin.txt", TestRepos.utf8("the \u212Aey and a \u017Fpoon in \u0130stanbul\n"));
        files.put("u/plain.txt", TestRepos.utf8("the key and a spoon in istanbul\n"));
        files.put("bin/blob.o", new byte[] {'N', 'e', 'e', 'd', 'l', 'e', 0, 1});
        source = TestRepos.init(tmp.resolve("repo")).write(files).commit("v1").source();
    }

    @AfterEach
    void tearDown() {
        source.close();
        pool.shutdownNow();
    }

    private static String blob(int n) {
        return String.format("%040x", n);
    }

    @Test
    void aSegmentRoundTripsItsBlobsKindsAndPostings() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("seg"));
        SegmentWriter writer = new SegmentWriter(dir);
        writer.add(blob(1), TrigramSegment.KIND_TEXT, "abcd".getBytes(StandardCharsets.UTF_8),
                "\uFEFFabcd".getBytes(StandardCharsets.UTF_8));
        writer.add(blob(2), TrigramSegment.KIND_BINARY, null, null);
        writer.add(blob(3), TrigramSegment.KIND_TEXT, "xbcdabc".getBytes(StandardCharsets.UTF_8),
                "xbcdabc".getBytes(StandardCharsets.UTF_8));
        writer.add(blob(4), TrigramSegment.KIND_TOO_LARGE, null, null);
        for (int i = 5; i < 400; i++) {
            // far-apart doc numbers make multi-byte varint gaps
            writer.add(blob(i), TrigramSegment.KIND_TEXT, (i % 150 == 0 ? "zabc" : "qqq").getBytes(StandardCharsets.UTF_8), null);
        }
        SegmentWriter.Written written = writer.write();
        assertEquals(399, written.blobs().size());
        assertEquals(0, writer.docs(), "the writer starts a new batch");
        TrigramSegment segment = TrigramSegment.open(written.file());
        assertEquals(399, segment.docCount());
        assertEquals(blob(1), segment.blobId(0));
        assertEquals(blob(399), segment.blobId(398));
        assertEquals(TrigramSegment.KIND_BINARY, segment.kind(1));
        assertEquals(TrigramSegment.KIND_TOO_LARGE, segment.kind(3));
        assertEquals(bits(0, 2, 149, 299), segment.postings(tri("abc")));
        assertEquals(bits(0, 2), segment.postings(tri("bcd")));
        assertEquals(bits(2), segment.postings(tri("dab")));
        assertEquals(new BitSet(), segment.postings(tri("ABC")), "trigrams keep their case");
        assertEquals(new BitSet(), segment.postings(tri("nop")));
        assertEquals("\uFEFFabcd", new String(segment.text(0), StandardCharsets.UTF_8), "the blob's bytes as stored");
        assertEquals("xbcdabc", new String(segment.text(2), StandardCharsets.UTF_8));
        assertEquals(null, segment.text(1), "a binary blob has no text");
        assertEquals(null, segment.text(4), "a blob added without its bytes is read from the store");
        BitSet qqq = segment.postings(tri("qqq"));
        assertEquals(399 - 4 - 2, qqq.cardinality());
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, "*.tmp")) {
            assertFalse(left.iterator().hasNext(), "no temporary file is left behind");
        }
    }

    private static int tri(String s) {
        return ByteTrigrams.of(s.getBytes(StandardCharsets.UTF_8))[0];
    }

    private static BitSet bits(int... on) {
        BitSet b = new BitSet();
        for (int i : on) {
            b.set(i);
        }
        return b;
    }

    private List<String> search(SearchIndex index, SearchQuery query, SearchSummary[] summary) throws Exception {
        List<String> out = new ArrayList<>();
        summary[0] = new Searcher(pool).search(source, index, query,
                f -> f.lines().forEach(l -> out.add(f.path() + ":" + l.number())), ProgressMonitor.NONE);
        return out;
    }

    /** Indexes the test repository into {@code dir} with one worker: one segment, returned. */
    private Path buildOneSegment(Path dir) throws Exception {
        try (SearchIndex index = SearchIndex.open(dir, 1)) {
            new IndexBuilder(pool).build(source, List.of(MAIN), index, ProgressMonitor.NONE);
        }
        List<Path> written = segments(dir);
        assertEquals(1, written.size());
        return written.get(0);
    }

    private static List<Path> segments(Path dir) throws Exception {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "seg-*.tri")) {
            found.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    @Test
    void aCrashMidSegmentLosesOnlyThatSegmentAndTheNextBuildResumes() throws Exception {
        Path dir = tmp.resolve("idx");
        try (SearchIndex index = SearchIndex.open(dir, 2)) {
            // small batches: many segments
            new IndexBuilder(pool, 200).build(source, List.of(MAIN), index, ProgressMonitor.NONE);
            assertEquals(203, index.size());
        }
        List<Path> committed = segments(dir);
        assertTrue(committed.size() > 4, "expected several segments, got " + committed.size());
        // a crash while writing: the segment in flight exists only as a partial temporary file
        Path lost = committed.get(1);
        byte[] whole = Files.readAllBytes(lost);
        Files.delete(lost);
        Files.write(dir.resolve(lost.getFileName() + ".tmp"), java.util.Arrays.copyOf(whole, whole.length / 2));
        SearchSummary[] summary = new SearchSummary[1];
        SearchQuery query = SearchQuery.literal("Needle", MAIN);
        List<String> scanned = search(null, query, summary);
        assertEquals(23, scanned.size());
        try (SearchIndex index = SearchIndex.open(dir, 2)) {
            assertFalse(Files.exists(dir.resolve(lost.getFileName() + ".tmp")), "the half-written file is dropped");
            assertTrue(index.size() < 203, "the lost segment's blobs are not indexed: " + index.size());
            assertEquals(scanned, search(index, query, summary), "a partial index never hides a match");
            assertEquals(SearchSummary.Coverage.PARTIAL_INDEX, summary[0].coverage());
            assertTrue(summary[0].filesUnindexed() > 0);
            IndexBuilder.Result resumed = new IndexBuilder(pool, 200).build(source, List.of(MAIN), index,
                    ProgressMonitor.NONE);
            assertTrue(resumed.blobsAdded() > 0 && resumed.blobsAdded() < 203, "only the lost blobs are redone");
            assertEquals(203, index.size());
            assertEquals(scanned, search(index, query, summary));
            assertEquals(SearchSummary.Coverage.INDEXED, summary[0].coverage());
        }
    }

    @Test
    void aDamagedOrTruncatedSegmentIsAClearErrorNeverAWrongNoMatch() throws Exception {
        Path dir = tmp.resolve("idx");
        Path segment = buildOneSegment(dir);
        byte[] good = Files.readAllBytes(segment);
        // one flipped bit in the posting lists
        byte[] flipped = good.clone();
        flipped[good.length - 20] ^= 0x04;
        Files.write(segment, flipped);
        AirlockException e = assertThrows(AirlockException.class, () -> SearchIndex.open(dir, 1));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("Delete the folder"), e.getMessage());
        assertTrue(e.getMessage().contains(segment.getFileName().toString()), e.getMessage());
        // cut short
        Files.write(segment, java.util.Arrays.copyOf(good, good.length - 100));
        e = assertThrows(AirlockException.class, () -> SearchIndex.open(dir, 1));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        // another format entirely
        Files.write(segment, "not an index".repeat(10).getBytes(StandardCharsets.UTF_8));
        e = assertThrows(AirlockException.class, () -> SearchIndex.open(dir, 1));
        assertTrue(e.getMessage().contains("Delete the folder"), e.getMessage());
        Files.write(segment, good);
        try (SearchIndex index = SearchIndex.open(dir, 1)) {
            assertEquals(203, index.size());
        }
    }

    @Test
    void searchesReadTheIndexCopyAndADamagedOrMissingCopyOnlyCostsSpeed() throws Exception {
        Path dir = tmp.resolve("idx");
        Path segment = buildOneSegment(dir);
        Path text = TrigramSegment.textOf(segment);
        String base = segment.getFileName().toString();
        assertTrue(base.matches("seg-[0-9a-f]{16}\\.tri"), base);
        assertEquals(base.replace(".tri", ".txt"), text.getFileName().toString());
        assertTrue(Files.size(text) > 200 * 30, "the text blobs' bytes are kept beside the segment");
        SearchQuery query = SearchQuery.regex("Needle|NEEDLE", MAIN);
        SearchSummary[] summary = new SearchSummary[1];
        List<String> scanned = search(null, query, summary);
        assertEquals(23 + 19, scanned.size());
        try (SearchIndex index = SearchIndex.open(dir, 1)) {
            String blob = source.list(MAIN).stream().filter(e -> e.path().equals("src/f0.c")).findFirst().orElseThrow().blobId();
            assertEquals(new String(source.read(source.list(MAIN).stream().filter(e -> e.path().equals("src/f0.c"))
                    .findFirst().orElseThrow(), 1 << 20), StandardCharsets.UTF_8), new String(index.text(blob), StandardCharsets.UTF_8));
            assertEquals(scanned, search(index, query, summary));
        }
        // every byte of the copy replaced: each blob fails its checksum and is read from the store
        byte[] good = Files.readAllBytes(text);
        byte[] bad = good.clone();
        for (int i = TrigramSegment.TEXT_MAGIC.length; i < bad.length; i++) {
            bad[i] = (byte) (bad[i] == 'N' ? 'X' : bad[i]);
        }
        Files.write(text, bad);
        try (SearchIndex index = SearchIndex.open(dir, 1)) {
            assertEquals(scanned, search(index, query, summary), "a damaged copy never hides a match");
            assertEquals(SearchSummary.Coverage.INDEXED, summary[0].coverage());
        }
        // cut short, then gone
        Files.write(text, java.util.Arrays.copyOf(good, good.length / 2));
        try (SearchIndex index = SearchIndex.open(dir, 1)) {
            assertEquals(scanned, search(index, query, summary));
        }
        Files.delete(text);
        try (SearchIndex index = SearchIndex.open(dir, 1)) {
            assertEquals(scanned, search(index, query, summary));
            assertEquals(203, index.size(), "the trigrams still serve");
        }
    }

    @Test
    void openingRemovesOrphanTextFilesAndEarlierVersionSegments() throws Exception {
        Path dir = tmp.resolve("idx");
        Path segment = buildOneSegment(dir);
        // a crash between the text file's rename and its segment's; and an unfinished text file
        Path orphan = dir.resolve("seg-00000000000000aa.txt");
        Files.write(orphan, TrigramSegment.TEXT_MAGIC);
        Path partial = dir.resolve("seg-00000000000000ab.txt.tmp");
        Files.write(partial, TrigramSegment.TEXT_MAGIC);
        // a segment of the format before text files ("AIRTRI02")
        Path earlier = dir.resolve("seg-00000000000000ac.tri");
        byte[] old = Files.readAllBytes(segment);
        old[7] = '2';
        Files.write(earlier, old);
        try (SearchIndex index = SearchIndex.open(dir, 1)) {
            assertEquals(203, index.size());
        }
        assertFalse(Files.exists(orphan), "a text file without its segment is dropped");
        assertFalse(Files.exists(partial), "an unfinished text file is dropped");
        assertFalse(Files.exists(earlier), "an earlier version's segment is dropped, to be indexed again");
        assertTrue(Files.exists(TrigramSegment.textOf(segment)));
    }

    @Test
    void caseSensitiveQueriesNarrowAndIgnoreCaseFindsEveryVariant() throws Exception {
        try (SearchIndex index = SearchIndex.open(tmp.resolve("idx"), 2)) {
            new IndexBuilder(pool).build(source, List.of(MAIN), index, ProgressMonitor.NONE);
            SearchSummary[] summary = new SearchSummary[1];
            SearchSummary[] none = new SearchSummary[1];
            for (SearchQuery query : List.of(
                    SearchQuery.literal("Needle", MAIN), SearchQuery.literal("NEEDLE", MAIN),
                    SearchQuery.literal("needle", MAIN).withIgnoreCase(true),
                    SearchQuery.regex("(?i)needle_m", MAIN), SearchQuery.regex("N[Ee]{2}DLE", MAIN),
                    SearchQuery.literal("key", MAIN).withIgnoreCase(true),
                    SearchQuery.literal("SPOON", MAIN).withIgnoreCase(true),
                    SearchQuery.literal("istanbul", MAIN).withIgnoreCase(true),
                    SearchQuery.literal("\u212Aey", MAIN), SearchQuery.literal("\u017Fpoon", MAIN))) {
                List<String> scanned = search(null, query, none);
                assertEquals(scanned, search(index, query, summary), query.toString());
                assertEquals(SearchSummary.Coverage.INDEXED, summary[0].coverage(), query.toString());
                assertEquals(scanned.stream().map(s -> s.substring(0, s.indexOf(':'))).distinct().count(),
                        summary[0].filesRead(), "only files with a match are read: " + query);
            }
            assertEquals(List.of("u/kelvin.txt:1", "u/plain.txt:1"),
                    search(index, SearchQuery.literal("KEY", MAIN).withIgnoreCase(true), summary));
        }
    }
}
