package airlock.core.search;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Collects the trigrams of a batch of blobs in memory (one per build worker, reused batch after
 * batch) and writes them as one {@link TrigramSegment}. Each blob's distinct trigrams are found with
 * a 2^24-bit set and appended as (trigram, doc) pairs; at the end of the batch the pairs are sorted
 * and written as posting lists. Writing goes to a temporary file that is forced to disk and then
 * atomically renamed, so a crash leaves either the whole segment or an ignored temporary file.
 */
final class SegmentWriter {
    /** A batch ends at this many (trigram, doc) pairs: 128 MiB of memory per worker. */
    static final int MAX_PAIRS = 16 << 20;

    private final long[] seen = new long[1 << 18];
    private long[] pairs = new long[1 << 20];
    private int pairCount;
    private final List<String> blobs = new ArrayList<>();
    private byte[] kinds = new byte[1024];

    int docs() {
        return blobs.size();
    }

    /** Whether the batch is big enough to write. */
    boolean full(int maxPairs) {
        return pairCount >= maxPairs;
    }

    /** Adds one blob; {@code text} (its indexed UTF-8 bytes) only when {@code kind} is text. */
    void add(String blobId, int kind, byte[] text) {
        int doc = blobs.size();
        blobs.add(blobId);
        if (doc == kinds.length) {
            kinds = Arrays.copyOf(kinds, doc * 2);
        }
        kinds[doc] = (byte) kind;
        if (text == null) {
            return;
        }
        int start = pairCount;
        long docBits = doc;
        ByteTrigrams.extract(text, text.length, tri -> {
            long bit = 1L << tri;
            int word = tri >>> 6;
            if ((seen[word] & bit) == 0) {
                seen[word] |= bit;
                if (pairCount == pairs.length) {
                    pairs = Arrays.copyOf(pairs, pairs.length * 2);
                }
                pairs[pairCount++] = ((long) tri << 32) | docBits;
            }
        });
        for (int i = start; i < pairCount; i++) {
            seen[(int) (pairs[i] >>> 38)] = 0;
        }
    }

    /** Writes the batch as a segment in {@code dir} and starts a new batch; returns the blob ids written. */
    Written write(Path dir) throws AirlockException {
        Arrays.sort(pairs, 0, pairCount);
        int grams = 0;
        for (int i = 0; i < pairCount; i++) {
            if (i == 0 || (pairs[i] >>> 32) != (pairs[i - 1] >>> 32)) {
                grams++;
            }
        }
        // postings: at most 5 bytes per pair (a varint of a doc gap); sized exactly below
        ByteBuffer postings = ByteBuffer.allocate(Math.max(16, pairCount * 3));
        ByteBuffer table = ByteBuffer.allocate((grams + 1) * 8).order(ByteOrder.LITTLE_ENDIAN);
        int prevDoc = -1;
        long prevGram = -1;
        for (int i = 0; i < pairCount; i++) {
            long gram = pairs[i] >>> 32;
            int doc = (int) pairs[i];
            if (gram != prevGram) {
                table.putInt((int) gram).putInt(postings.position());
                prevGram = gram;
                prevDoc = -1;
            }
            if (postings.remaining() < 5) {
                postings = ByteBuffer.allocate(postings.capacity() * 2).put(postings.flip());
            }
            int gap = doc - prevDoc - 1;
            while ((gap & ~0x7F) != 0) {
                postings.put((byte) ((gap & 0x7F) | 0x80));
                gap >>>= 7;
            }
            postings.put((byte) gap);
            prevDoc = doc;
        }
        table.putInt(0x7FFFFFFF).putInt(postings.position());
        int docCount = blobs.size();
        ByteBuffer head = ByteBuffer.allocate(TrigramSegment.HEADER + docCount * TrigramSegment.DOC_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        head.put(TrigramSegment.MAGIC).putInt(docCount).putInt(grams).putInt(postings.position());
        HexFormat hex = HexFormat.of();
        for (int d = 0; d < docCount; d++) {
            head.put(hex.parseHex(blobs.get(d))).put(kinds[d]);
        }
        head.flip();
        table.flip();
        postings.flip();
        CRC32C crc = new CRC32C();
        crc.update(head.duplicate());
        crc.update(table.duplicate());
        crc.update(postings.duplicate());
        ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        tail.putInt((int) crc.getValue()).put(TrigramSegment.END).flip();
        Path tmp = dir.resolve(SearchIndex.newSegmentName() + ".tmp");
        Path target = dir.resolve(tmp.getFileName().toString().replace(".tmp", ""));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer[] parts = {head, table, postings, tail};
                while (tail.hasRemaining()) {
                    ch.write(parts);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dir);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw new AirlockException("search.index.write", "Cannot write the search index segment " + target + ": "
                    + e.getMessage(), e);
        }
        Written written = new Written(target, List.copyOf(blobs));
        clear();
        return written;
    }

    /** Forgets the batch (after a failure, or once written). */
    void clear() {
        pairCount = 0;
        blobs.clear();
        if (pairs.length > MAX_PAIRS * 2L) {
            pairs = new long[1 << 20];
        }
    }

    private static void forceDirectory(Path dir) {
        // makes the rename durable; not every platform can open a directory for this
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(SegmentWriter.class).debug("cannot force directory {}", dir, e);
        }
    }

    /** A segment now on disk and the blobs in it. */
    record Written(Path file, List<String> blobs) {
    }
}
