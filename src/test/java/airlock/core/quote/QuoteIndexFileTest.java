package airlock.core.quote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.progress.ProgressMonitor;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quote index kept on disk (issue 18): what is written is read back the same; a damaged,
 * cut, foreign, stale or crafted file is refused with a reason, never trusted, and loadOrBuild then
 * builds the index again and rewrites the file.
 */
class QuoteIndexFileTest {
    private static final String KEY = "ab".repeat(32) + " refs/tags/v1";
    @TempDir
    Path dir;

    private static final List<String> PATHS = List.of("src/ring.c", "src/util.c", "docs/ünïcode.txt");
    private static final List<String> TEXTS = List.of(
            "for (i = 0; i < n; i++) { stats[i] = read_reg(dev, 0x10 + i) + q[i]; total += stats[i]; }\n",
            "static int helper(struct device *dev, int flags) { return dev->ops->probe(dev, flags & MASK); }\n",
            "Plain words about the driver, and what it does when the queue is full and the lock is held.\n");

    /** A source that counts how often it was asked to build (each build reads every file once). */
    private static final class Counting implements QuoteIndex.Source {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<String> paths() {
            return PATHS;
        }

        @Override
        public QuoteIndex.FileTexts texts() {
            return id -> {
                reads.incrementAndGet();
                return TEXTS.get(id);
            };
        }
    }

    private QuoteIndex built() throws Exception {
        return QuoteIndex.build(new Counting(), QuoteRules.defaults(), 1, ProgressMonitor.NONE);
    }

    private Path written() throws Exception {
        Path file = QuoteIndexFile.path(dir.resolve("db"), "ab".repeat(32), QuoteRules.defaults());
        QuoteIndexFile.write(file, KEY, built());
        return file;
    }

    private static String refused(Path file) {
        QuoteIndexFile.Read read = QuoteIndexFile.read(file, KEY, QuoteRules.defaults(), id -> TEXTS.get(id));
        assertNull(read.index(), "must not be used");
        assertNotNull(read.refused());
        return read.refused();
    }

    @Test
    void whatIsWrittenIsReadBackTheSameAndFindsTheSameQuotes() throws Exception {
        QuoteIndex original = built();
        Path file = written();
        assertTrue(file.startsWith(dir.resolve("db").resolve("quotes")), file.toString());
        QuoteIndexFile.Read read = QuoteIndexFile.read(file, KEY, QuoteRules.defaults(), id -> TEXTS.get(id));
        assertNull(read.refused(), read.refused());
        QuoteIndex back = read.index();
        assertArrayEquals(original.entries(), back.entries());
        assertEquals(original.paths(), back.paths());
        assertEquals(original.k(), back.k());
        assertEquals(original.window(), back.window());
        QuoteCheck check = new QuoteCheck(back, QuoteRules.defaults());
        QuoteCheck.TextScan scan = check.scan("See: stats[i] = read_reg(dev, 0x10 + i) + q[i]; total += stats[i]; in the loop");
        assertEquals(1, scan.files().size(), scan.toString());
        assertFalse(Files.list(file.getParent()).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary left");
    }

    @Test
    void everyFlippedByteIsNoticed() throws Exception {
        Path file = written();
        byte[] good = Files.readAllBytes(file);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            Files.write(file, bad);
            String why = refused(file);
            assertTrue(why.startsWith("damaged") || why.startsWith("not a quote index"), i + ": " + why);
        }
    }

    @Test
    void aCutOrExtendedFileIsRefused() throws Exception {
        Path file = written();
        byte[] good = Files.readAllBytes(file);
        for (int length : new int[] {0, 5, QuoteIndexFile.MAGIC.length, QuoteIndexFile.MAGIC.length + 6, good.length / 2,
            good.length - QuoteIndexFile.CHECKSUM, good.length - 1}) {
            Files.write(file, Arrays.copyOf(good, length));
            String why = refused(file);
            assertTrue(why.startsWith("damaged") || why.startsWith("not a quote index"), length + ": " + why);
        }
        Files.write(file, concat(good, new byte[] {0}));
        assertEquals("damaged (bytes after its checksum)", refused(file));
    }

    @Test
    void anotherBundlesOrOtherRulesIndexIsStale() throws Exception {
        Path file = written();
        QuoteIndexFile.Read other = QuoteIndexFile.read(file, "cd".repeat(32) + " refs/tags/v1", QuoteRules.defaults(), id -> "");
        assertEquals("stale (made for another bundle or ref)", other.refused());
        QuoteRules longer = new QuoteRules(12, 40, 200, 256);
        QuoteIndexFile.Read rules = QuoteIndexFile.read(file, KEY, longer, id -> "");
        assertTrue(rules.refused().startsWith("stale (made with k="), rules.refused());
        assertEquals("no index file", refused(dir.resolve("absent.qidx")));
        Files.createDirectories(dir.resolve("folder.qidx"));
        assertEquals("not a regular file", refused(dir.resolve("folder.qidx")));
    }

    @Test
    void aCraftedFileWithAValidChecksumIsStillCheckedEntryByEntry() throws Exception {
        // someone who can write the home can recompute the checksum: counts, lengths and entries are checked too
        assertTrue(refused(crafted(Integer.MAX_VALUE, 0, new long[0])).contains("file count"));
        assertTrue(refused(crafted(1, 1L << 40, new long[0])).contains("entry count"));
        assertTrue(refused(crafted(1, 2, new long[] {5L << 24, 3L << 24})).contains("out of order"));
        assertTrue(refused(crafted(1, 1, new long[] {(5L << 24) | 7})).contains("of no file"));
        assertTrue(refused(crafted(1, 1, new long[] {5L << 24}, -1)).contains("path length"));
        assertNull(QuoteIndexFile.read(crafted(1, 1, new long[] {5L << 24}), KEY, QuoteRules.defaults(), id -> "").refused(),
                "the well-formed crafted file itself is accepted: the checks above are what refused the others");
    }

    private Path crafted(int files, long count, long[] entries) throws Exception {
        return crafted(files, count, entries, 4);
    }

    private Path crafted(int files, long count, long[] entries, int pathLength) throws Exception {
        byte[] key = KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4096 + entries.length * 12);
        b.put(QuoteIndexFile.MAGIC).putInt(QuoteRules.defaults().k()).putInt(QuoteRules.defaults().window());
        b.putInt(key.length).put(key).putInt(files);
        if (files == 1) {
            b.putInt(pathLength).put("a.c\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        b.putLong(count);
        for (long e : entries) {
            b.putLong(e).putInt(0);
        }
        byte[] body = Arrays.copyOf(b.array(), b.position());
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body);
        Path file = dir.resolve("crafted-" + System.nanoTime() + ".qidx");
        Files.write(file, concat(body, ByteBuffer.allocate(4).putInt((int) crc.getValue()).array()));
        return file;
    }

    /**
     * A file of the previous format (2, ending with a SHA-256), even whole and for this key, is not
     * read as this one: refused as of another format, and ensure and loadOrBuild build it again.
     */
    @Test
    void aFileOfThePreviousFormatIsRefusedAndBuiltAgain() throws Exception {
        Path file = QuoteIndexFile.path(dir.resolve("db"), "ab".repeat(32), QuoteRules.defaults());
        QuoteIndexFile.write(file, KEY, built());
        byte[] bytes = Files.readAllBytes(file);
        byte[] v2 = "airlock-quote-index/2\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(v2.length, QuoteIndexFile.MAGIC.length);
        byte[] body = Arrays.copyOf(bytes, bytes.length - QuoteIndexFile.CHECKSUM);
        System.arraycopy(v2, 0, body, 0, v2.length);
        Files.write(file, concat(body, java.security.MessageDigest.getInstance("SHA-256").digest(body)));
        assertEquals("not a quote index of this format", refused(file));
        assertFalse(QuoteIndexFile.ofThisVersion(file));
        Counting source = new Counting();
        assertTrue(QuoteIndexFile.ensure(file, KEY, source, QuoteRules.defaults(), 1, ProgressMonitor.NONE), "built again");
        assertEquals(PATHS.size(), source.reads.get());
        QuoteIndexFile.Read read = QuoteIndexFile.read(file, KEY, QuoteRules.defaults(), id -> TEXTS.get(id));
        assertNotNull(read.index(), read.refused());
        assertArrayEquals(built().entries(), read.index().entries());
    }

    /** The entries are checked in chunks of the mapping: an index of more entries than one chunk holds is read back whole, and a fault past the first chunk is found. */
    @Test
    void entriesPastTheFirstChunkAreSummedAndChecked() throws Exception {
        int n = 200_000; // 2.4 MB of entries: three chunks
        long[] entries = new long[n];
        for (int i = 0; i < n; i++) {
            entries[i] = (long) (i - n / 2) * 97 << 24; // ascending, all of file 0
        }
        Path good = crafted(1, n, entries);
        QuoteIndexFile.Read read = QuoteIndexFile.read(good, KEY, QuoteRules.defaults(), id -> "");
        assertNull(read.refused(), read.refused());
        assertArrayEquals(entries, read.index().entries());
        long[] swapped = entries.clone();
        swapped[150_001] = swapped[150_000];
        assertEquals("damaged (entry 150001 out of order or of no file)", refused(crafted(1, n, swapped)));
        byte[] bytes = Files.readAllBytes(good);
        bytes[bytes.length - 4 - 12 * 10 + 8] ^= 0x10; // a context near the end: only the checksum sees it
        Files.write(good, bytes);
        assertEquals("damaged (its checksum does not match)", refused(good));
    }

    /**
     * The keeper stops its index thread with an interrupt, which closes the channel the build is
     * writing (ClosedByInterruptException): the build is cancelled, not a failure to keep the file
     * ("Cannot keep the quote index … (null)" was logged), and leaves no file and no temporary.
     */
    @Test
    void anInterruptWhileTheFileIsWrittenCancelsTheBuild() throws Exception {
        Path file = QuoteIndexFile.path(dir.resolve("db"), "ab".repeat(32), QuoteRules.defaults());
        Counting counting = new Counting();
        QuoteIndex.Source interrupting = new QuoteIndex.Source() {
            @Override
            public List<String> paths() {
                if (counting.reads.get() == PATHS.size()) {
                    Thread.currentThread().interrupt(); // every file fingerprinted: the header is being written
                }
                return PATHS;
            }

            @Override
            public QuoteIndex.FileTexts texts() {
                return counting.texts();
            }
        };
        try {
            airlock.core.AirlockException e = org.junit.jupiter.api.Assertions.assertThrows(airlock.core.AirlockException.class,
                    () -> QuoteIndexFile.build(file, KEY, interrupting, QuoteRules.defaults(), 1, ProgressMonitor.NONE));
            assertTrue(e instanceof airlock.core.progress.CancelledException, e.code() + ": " + e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertFalse(Files.exists(file));
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(), left.toList(), "no temporary file or run left");
        }
        // and a write failing for another reason still says why, never "(null)"
        Files.delete(file.getParent());
        Files.writeString(file.getParent(), "a file where the folder should be");
        airlock.core.AirlockException failed = org.junit.jupiter.api.Assertions.assertThrows(airlock.core.AirlockException.class,
                () -> QuoteIndexFile.build(file, KEY, counting, QuoteRules.defaults(), 1, ProgressMonitor.NONE));
        assertEquals("quote.index.write", failed.code());
        assertFalse(failed.getMessage().contains("(null)"), failed.getMessage());
    }

    @Test
    void loadOrBuildBuildsOnceAndRebuildsADamagedFile() throws Exception {
        Path file = QuoteIndexFile.path(dir.resolve("db"), "ab".repeat(32), QuoteRules.defaults());
        Counting source = new Counting();
        long[] first = QuoteIndexFile.loadOrBuild(file, KEY, source, QuoteRules.defaults(), 1, ProgressMonitor.NONE).entries();
        assertEquals(PATHS.size(), source.reads.get(), "built: every file read once");
        assertArrayEquals(built().entries(), first, "the file built in runs holds what the build in memory holds");
        QuoteIndex second = QuoteIndexFile.loadOrBuild(file, KEY, source, QuoteRules.defaults(), 1, ProgressMonitor.NONE);
        assertEquals(PATHS.size(), source.reads.get(), "loaded: no file read");
        assertArrayEquals(first, second.entries());
        second = null; // mapped: the file below is changed in place, which the product never does (it moves a new file in)

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 0x40; // an entry changed
        Files.write(file, bytes);
        QuoteIndex third = QuoteIndexFile.loadOrBuild(file, KEY, source, QuoteRules.defaults(), 1, ProgressMonitor.NONE);
        assertEquals(2 * PATHS.size(), source.reads.get(), "damaged: built again");
        assertArrayEquals(first, third.entries());
        assertNull(QuoteIndexFile.read(file, KEY, QuoteRules.defaults(), id -> "").refused(), "and rewritten intact");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** ensure (intake, start-up) builds a missing or stale file once; when the header fits it neither builds nor reads the files. */
    @Test
    void ensureBuildsAMissingOrStaleIndexOnceAndThenLeavesIt() throws Exception {
        Path file = QuoteIndexFile.path(dir.resolve("db"), "ab".repeat(32), QuoteRules.defaults());
        Counting source = new Counting();
        assertTrue(QuoteIndexFile.ensure(file, KEY, source, QuoteRules.defaults(), 1, ProgressMonitor.NONE));
        assertEquals(PATHS.size(), source.reads.get());
        QuoteIndexFile.Read read = QuoteIndexFile.read(file, KEY, QuoteRules.defaults(), id -> TEXTS.get(id));
        assertNotNull(read.index(), read.refused());
        assertArrayEquals(built().entries(), read.index().entries());

        assertFalse(QuoteIndexFile.ensure(file, KEY, source, QuoteRules.defaults(), 1, ProgressMonitor.NONE));
        assertEquals(PATHS.size(), source.reads.get(), "an index already there is not built again");

        // another key (the bundle's review ref moved) or other rules: built again for them
        assertTrue(QuoteIndexFile.ensure(file, "ab".repeat(32) + " refs/tags/v2", source, QuoteRules.defaults(), 1, ProgressMonitor.NONE));
        assertEquals(2 * PATHS.size(), source.reads.get());
        assertNotNull(QuoteIndexFile.read(file, "ab".repeat(32) + " refs/tags/v2", QuoteRules.defaults(), id -> TEXTS.get(id)).index());

        // a file that is not an index at all (cut to its first bytes) is built again too
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 10));
        assertTrue(QuoteIndexFile.ensure(file, KEY, source, QuoteRules.defaults(), 1, ProgressMonitor.NONE));
        assertNotNull(QuoteIndexFile.read(file, KEY, QuoteRules.defaults(), id -> TEXTS.get(id)).index());
    }
}
