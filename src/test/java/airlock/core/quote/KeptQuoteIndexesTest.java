package airlock.core.quote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.progress.ProgressMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes the keeper read and checked are handed out again only while their file is the one read:
 * a file rebuilt, changed in place, removed, or asked for with another key or other rules is read
 * and checked again (and a damaged one refused), never trusted unread.
 */
class KeptQuoteIndexesTest {
    private static final String KEY = "ab".repeat(32) + " refs/tags/v1";
    private static final List<String> TEXTS = List.of(
            "for (i = 0; i < n; i++) { stats[i] = read_reg(dev, 0x10 + i) + q[i]; total += stats[i]; }\n",
            "static int helper(struct device *dev, int flags) { return dev->ops->probe(dev, flags & MASK); }\n");
    @TempDir
    Path dir;

    private static QuoteIndex built() throws Exception {
        return QuoteIndex.build(new QuoteIndex.Source() {
            @Override
            public List<String> paths() {
                return List.of("a.c", "b.c");
            }

            @Override
            public QuoteIndex.FileTexts texts() {
                return TEXTS::get;
            }
        }, QuoteRules.defaults(), 1, ProgressMonitor.NONE);
    }

    @Test
    void keptWhileTheFileIsTheOneRead() throws Exception {
        Path file = dir.resolve("x.qidx");
        QuoteIndex original = built();
        QuoteIndexFile.write(file, KEY, original);
        KeptQuoteIndexes kept = new KeptQuoteIndexes();
        assertTrue(kept.get(file, KEY, QuoteRules.defaults()).isEmpty(), "nothing kept before a read");
        QuoteIndex first = kept.readOrKept(file, KEY, QuoteRules.defaults(), TEXTS::get).orElseThrow();
        assertArrayEquals(original.entries(), first.entries());
        assertSame(first, kept.readOrKept(file, KEY, QuoteRules.defaults(), TEXTS::get).orElseThrow(), "kept, not read again");
        assertTrue(kept.get(file, "cd".repeat(32) + " refs/tags/v1", QuoteRules.defaults()).isEmpty(), "another key");
        assertTrue(kept.get(file, KEY, new QuoteRules(12, 40, 200, 256)).isEmpty(), "other rules");

        QuoteIndexFile.write(file, KEY, original); // rebuilt: another file moved into place
        QuoteIndex second = kept.readOrKept(file, KEY, QuoteRules.defaults(), TEXTS::get).orElseThrow();
        assertNotSame(first, second, "a replaced file is read again");

        // changed in place, same size, the time set back: the inode is the same but the time differs from the one read
        byte[] bytes = Files.readAllBytes(file);
        FileTime read = Files.getLastModifiedTime(file);
        bytes[bytes.length - 10] ^= 0x04;
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(read.toMillis() - 5_000));
        assertTrue(kept.get(file, KEY, QuoteRules.defaults()).isEmpty(), "changed since it was read");
        assertTrue(kept.readOrKept(file, KEY, QuoteRules.defaults(), TEXTS::get).isEmpty(), "and refused when read again");

        Files.delete(file);
        assertTrue(kept.readOrKept(file, KEY, QuoteRules.defaults(), TEXTS::get).isEmpty(), "a missing file");
    }

    @Test
    void atMostAFewAreKept() throws Exception {
        KeptQuoteIndexes kept = new KeptQuoteIndexes();
        QuoteIndex index = built();
        for (int i = 0; i < KeptQuoteIndexes.MAX + 3; i++) {
            Path file = dir.resolve(i + ".qidx");
            QuoteIndexFile.write(file, KEY, index);
            assertTrue(kept.readOrKept(file, KEY, QuoteRules.defaults(), TEXTS::get).isPresent());
        }
        assertEquals(KeptQuoteIndexes.MAX, kept.size());
        assertTrue(kept.get(dir.resolve("0.qidx"), KEY, QuoteRules.defaults()).isEmpty(), "the least recently used went");
        assertTrue(kept.get(dir.resolve((KeptQuoteIndexes.MAX + 2) + ".qidx"), KEY, QuoteRules.defaults()).isPresent());
    }
}
