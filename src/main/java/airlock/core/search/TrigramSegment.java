package airlock.core.search;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * One immutable segment of the search index, after Russ Cox's codesearch: the blobs it holds and,
 * for each trigram they contain, a posting list of their (segment-local) numbers. Layout, little
 * endian:
 *
 * <pre>
 * magic "AIRTRI02" | int docCount | int gramCount | int postingBytes
 * docCount × (20-byte blob id, 1-byte kind)
 * (gramCount + 1) × (int trigram, int offset of its postings)   sorted by trigram; the last is a sentinel
 * postings: per trigram, ascending doc numbers as varint gaps (first: the number itself)
 * int CRC-32C of everything before | "END1"
 * </pre>
 *
 * A segment is written under a temporary name, forced to disk and renamed into place
 * ({@link SegmentWriter}), so a segment either exists whole or not at all; the checksum catches a
 * file damaged afterwards, which is reported, never read as "no match".
 */
final class TrigramSegment {
    static final int KIND_TEXT = 0;
    static final int KIND_BINARY = 1;
    static final int KIND_TOO_LARGE = 2;
    static final byte[] MAGIC = {'A', 'I', 'R', 'T', 'R', 'I', '0', '2'};
    static final byte[] END = {'E', 'N', 'D', '1'};
    static final int HEADER = 8 + 12;
    static final int DOC_BYTES = 21;

    private final Path file;
    private final ByteBuffer data;
    private final int docCount;
    private final int gramCount;
    private final int gramsAt;
    private final int postingsAt;
    private final int postingBytes;

    private TrigramSegment(Path file, ByteBuffer data, int docCount, int gramCount, int postingBytes) {
        this.file = file;
        this.data = data;
        this.docCount = docCount;
        this.gramCount = gramCount;
        this.gramsAt = HEADER + docCount * DOC_BYTES;
        this.postingsAt = gramsAt + (gramCount + 1) * 8;
        this.postingBytes = postingBytes;
    }

    /** Maps and checks a segment: its structure, its bounds and its checksum. */
    static TrigramSegment open(Path file) throws AirlockException {
        ByteBuffer data;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw damaged(file, "larger than 2 GiB");
            }
            MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            data = mapped.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new AirlockException("search.index.open", "Cannot read the search index segment " + file + ": "
                    + e.getMessage() + ". Delete the folder to rebuild the index.", e);
        }
        int size = data.capacity();
        if (size < HEADER + 8) {
            throw damaged(file, "truncated (" + size + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (data.get(i) != MAGIC[i]) {
                throw damaged(file, "not a trigram segment of this version");
            }
        }
        for (int i = 0; i < END.length; i++) {
            if (data.get(size - 4 + i) != END[i]) {
                throw damaged(file, "truncated (no end mark)");
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(data.duplicate().position(0).limit(size - 8));
        if ((int) crc.getValue() != data.getInt(size - 8)) {
            throw damaged(file, "checksum mismatch");
        }
        int docs = data.getInt(8);
        int grams = data.getInt(12);
        int postings = data.getInt(16);
        long expected = (long) HEADER + (long) docs * DOC_BYTES + (grams + 1L) * 8 + postings + 8;
        if (docs < 0 || grams < 0 || postings < 0 || expected != size) {
            throw damaged(file, "inconsistent sizes");
        }
        TrigramSegment segment = new TrigramSegment(file, data, docs, grams, postings);
        segment.checkTable();
        return segment;
    }

    private void checkTable() throws AirlockException {
        int prevGram = -1;
        int prevOffset = 0;
        for (int g = 0; g <= gramCount; g++) {
            int gram = data.getInt(gramsAt + g * 8);
            int offset = data.getInt(gramsAt + g * 8 + 4);
            if ((g < gramCount && (gram <= prevGram || gram > 0xFFFFFF)) || offset < prevOffset || offset > postingBytes
                    || (g == gramCount && offset != postingBytes)) {
                throw damaged(file, "bad trigram table");
            }
            prevGram = gram;
            prevOffset = offset;
        }
        for (int d = 0; d < docCount; d++) {
            int kind = data.get(HEADER + d * DOC_BYTES + 20);
            if (kind < KIND_TEXT || kind > KIND_TOO_LARGE) {
                throw damaged(file, "bad document kind");
            }
        }
    }

    private static AirlockException damaged(Path file, String what) {
        return new AirlockException("search.index.damaged", "The search index segment " + file + " is damaged ("
                + what + "). Delete the folder to rebuild the index.");
    }

    Path file() {
        return file;
    }

    int docCount() {
        return docCount;
    }

    String blobId(int doc) {
        byte[] id = new byte[20];
        data.get(HEADER + doc * DOC_BYTES, id);
        return HexFormat.of().formatHex(id);
    }

    int kind(int doc) {
        return data.get(HEADER + doc * DOC_BYTES + 20);
    }

    /** The documents holding {@code trigram} (an empty set when none does). */
    BitSet postings(int trigram) throws AirlockException {
        BitSet out = new BitSet(docCount);
        int lo = 0;
        int hi = gramCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int g = data.getInt(gramsAt + mid * 8);
            if (g < trigram) {
                lo = mid + 1;
            } else if (g > trigram) {
                hi = mid - 1;
            } else {
                int at = postingsAt + data.getInt(gramsAt + mid * 8 + 4);
                int end = postingsAt + data.getInt(gramsAt + mid * 8 + 12);
                int doc = -1;
                while (at < end) {
                    int gap = 0;
                    int shift = 0;
                    byte b;
                    do {
                        if (at >= end || shift > 28) {
                            throw damaged(file, "bad posting list");
                        }
                        b = data.get(at++);
                        gap |= (b & 0x7F) << shift;
                        shift += 7;
                    } while (b < 0);
                    doc += gap + 1;
                    if (gap < 0 || doc >= docCount) {
                        throw damaged(file, "bad posting list");
                    }
                    out.set(doc);
                }
                return out;
            }
        }
        return out;
    }
}
