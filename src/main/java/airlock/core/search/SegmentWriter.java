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
 * and written as posting lists. The text blobs' bytes stream to the segment's text file as they
 * come ({@link TrigramSegment}), so a search reads candidates without inflating them again.
 * Both files go to temporary names that are forced to disk and then atomically renamed, the text
 * file first: a crash leaves either the whole segment or ignored files that the next opening removes.
 */
final class SegmentWriter {
    /** A batch ends at this many (trigram, doc) pairs: 128 MiB of memory per worker. */
    static final int MAX_PAIRS = 16 << 20;
    /** A batch also ends once its text file holds this much (fewer, larger files; far under any limit). */
    static final long MAX_TEXT_BYTES = 1L << 30;

    private final Path dir;
    private String name;
    private FileChannel text;
    private long textBytes;
    private long[] offsets = new long[1024];
    private int[] lengths = new int[1024];
    private int[] crcs = new int[1024];
    private final CRC32C crc = new CRC32C();

    private final long[] seen = new long[1 << 18];
    private long[] pairs = new long[1 << 20];
    private int pairCount;
    private final List<String> blobs = new ArrayList<>();
    private byte[] kinds = new byte[1024];

    /** A writer of segments into {@code dir}. */
    SegmentWriter(Path dir) {
        this.dir = dir;
    }

    int docs() {
        return blobs.size();
    }

    /** Whether the batch is big enough to write. */
    boolean full(int maxPairs) {
        return pairCount >= maxPairs || textBytes >= MAX_TEXT_BYTES;
    }

    /**
     * Adds one blob; {@code text} (its indexed UTF-8 bytes) and {@code raw} (the blob's bytes as
     * stored, kept for searches) only when {@code kind} is text.
     */
    void add(String blobId, int kind, byte[] text, byte[] raw) throws AirlockException {
        int doc = blobs.size();
        blobs.add(blobId);
        if (doc == kinds.length) {
            kinds = Arrays.copyOf(kinds, doc * 2);
            offsets = Arrays.copyOf(offsets, doc * 2);
            lengths = Arrays.copyOf(lengths, doc * 2);
            crcs = Arrays.copyOf(crcs, doc * 2);
        }
        kinds[doc] = (byte) kind;
        offsets[doc] = 0;
        lengths[doc] = 0;
        crcs[doc] = 0;
        if (text == null) {
            return;
        }
        if (raw != null) {
            keep(doc, raw);
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

    /** Appends a text blob's bytes to the batch's text file (opened at the first one). */
    private void keep(int doc, byte[] raw) throws AirlockException {
        try {
            if (text == null) {
                name = SearchIndex.newSegmentName();
                text = FileChannel.open(dir.resolve(name + TrigramSegment.TEXT_SUFFIX + ".tmp"),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                writeFully(ByteBuffer.wrap(TrigramSegment.TEXT_MAGIC));
                textBytes = TrigramSegment.TEXT_MAGIC.length;
            }
            writeFully(ByteBuffer.wrap(raw));
        } catch (IOException e) {
            throw new AirlockException("search.index.write", "Cannot write the search index's text file in " + dir + ": "
                    + e.getMessage(), e);
        }
        crc.reset();
        crc.update(raw);
        offsets[doc] = textBytes;
        lengths[doc] = raw.length;
        crcs[doc] = (int) crc.getValue();
        textBytes += raw.length;
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            text.write(buffer);
        }
    }

    /** Writes the batch as a segment and starts a new batch; returns the blob ids written. */
    Written write() throws AirlockException {
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
            head.put(hex.parseHex(blobs.get(d))).put(kinds[d]).putLong(offsets[d]).putInt(lengths[d]).putInt(crcs[d]);
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
        if (name == null) {
            name = SearchIndex.newSegmentName();
        }
        Path tmp = dir.resolve(name + TrigramSegment.SUFFIX + ".tmp");
        Path target = dir.resolve(name + TrigramSegment.SUFFIX);
        try {
            if (text != null) {
                // the text file first: a segment on disk always has its text
                text.force(true);
                text.close();
                text = null;
                Files.move(dir.resolve(name + TrigramSegment.TEXT_SUFFIX + ".tmp"),
                        dir.resolve(name + TrigramSegment.TEXT_SUFFIX), StandardCopyOption.ATOMIC_MOVE);
            }
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

    /** Forgets the batch (after a failure, or once written); an unfinished text file is removed. */
    void clear() {
        pairCount = 0;
        blobs.clear();
        textBytes = 0;
        if (text != null) {
            Path tmp = dir.resolve(name + TrigramSegment.TEXT_SUFFIX + ".tmp");
            try {
                text.close();
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // left for the next opening of the index, which removes unfinished files
                org.slf4j.LoggerFactory.getLogger(SegmentWriter.class).warn("cannot remove {}", tmp, e);
            }
            text = null;
        }
        name = null;
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
