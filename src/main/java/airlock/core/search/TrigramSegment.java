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
 * magic "AIRTRI03" | int docCount | int gramCount | int postingBytes
 * docCount × (20-byte blob id, 1-byte kind, long offset, int length, int CRC-32C of the blob's bytes)
 * (gramCount + 1) × (int trigram, int offset of its postings)   sorted by trigram; the last is a sentinel
 * postings: per trigram, ascending doc numbers as varint gaps (first: the number itself)
 * int CRC-32C of everything before | "END1"
 * </pre>
 *
 * A segment is written under a temporary name, forced to disk and renamed into place
 * ({@link SegmentWriter}), so a segment either exists whole or not at all; the checksum catches a
 * file damaged afterwards, which is reported, never read as "no match".
 *
 * <p>Beside each segment {@code seg-X.tri} lies its text file {@code seg-X.txt}: "AIRTXT01" and then
 * the bytes of its text blobs, where each document's offset and length point. Searches read a
 * candidate's bytes from there instead of inflating it from the object store again (the way zoekt
 * keeps content in its shards; cindex and ripgrep read a checked-out tree instead). It is only a
 * copy: a blob whose stored checksum does not match, or a missing or short text file, is read from
 * the object store, so damage costs speed, never a match.
 */
final class TrigramSegment {
    static final int KIND_TEXT = 0;
    static final int KIND_BINARY = 1;
    static final int KIND_TOO_LARGE = 2;
    static final byte[] MAGIC = {'A', 'I', 'R', 'T', 'R', 'I', '0', '3'};
    static final byte[] END = {'E', 'N', 'D', '1'};
    static final byte[] TEXT_MAGIC = {'A', 'I', 'R', 'T', 'X', 'T', '0', '1'};
    static final String SUFFIX = ".tri";
    static final String TEXT_SUFFIX = ".txt";
    static final int HEADER = 8 + 12;
    static final int DOC_BYTES = 37;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrigramSegment.class);

    private final Path file;
    private final ByteBuffer data;
    private final int docCount;
    private final int gramCount;
    private final int gramsAt;
    private final int postingsAt;
    private final int postingBytes;
    /** The text file, or null when there is none usable (its blobs are then read from the store). */
    private volatile FileChannel text;
    /**
     * The text file mapped (when under 2 GiB): a candidate's bytes are copied once from the page
     * cache into its array, where a positional read into a heap buffer copies twice (through a
     * temporary direct buffer).
     */
    private volatile MappedByteBuffer textMap;
    private volatile boolean textWarned;

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
        segment.openText();
        return segment;
    }

    /** The text file of the segment {@code file}. */
    static Path textOf(Path file) {
        return withSuffix(file, SUFFIX, TEXT_SUFFIX);
    }

    /** The segment whose text file is {@code textFile}. */
    static Path segmentOf(Path textFile) {
        return withSuffix(textFile, TEXT_SUFFIX, SUFFIX);
    }

    private static Path withSuffix(Path file, String from, String to) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - from.length()) + to);
    }

    private void openText() {
        long needed = TEXT_MAGIC.length;
        for (int d = 0; d < docCount; d++) {
            needed = Math.max(needed, offset(d) + length(d));
        }
        if (needed == TEXT_MAGIC.length) {
            return;
        }
        Path path = textOf(file);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            ByteBuffer magic = ByteBuffer.allocate(TEXT_MAGIC.length);
            while (magic.hasRemaining() && ch.read(magic, magic.position()) > 0) {
                // a short read is retried from where it stopped
            }
            if (ch.size() < needed || !java.util.Arrays.equals(magic.array(), TEXT_MAGIC)) {
                LOG.warn("The search index's text file {} is damaged or short; its files are read from the object store", path);
                ch.close();
                return;
            }
            if (ch.size() <= Integer.MAX_VALUE) {
                textMap = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            }
            text = ch;
        } catch (IOException e) {
            LOG.warn("Cannot open the search index's text file {} ({}); its files are read from the object store", path,
                    e.toString());
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException again) {
                    LOG.debug("closing {}", path, again);
                }
            }
        }
    }

    private long offset(int doc) {
        return data.getLong(HEADER + doc * DOC_BYTES + 21);
    }

    private int length(int doc) {
        return data.getInt(HEADER + doc * DOC_BYTES + 29);
    }

    /**
     * The bytes of text document {@code doc} as kept in the text file, or null when they are not
     * there or do not match their checksum (read the object store then).
     */
    byte[] text(int doc) {
        FileChannel ch = text;
        int length = length(doc);
        if (ch == null || kind(doc) != KIND_TEXT || (length == 0 && offset(doc) == 0)) {
            return null;
        }
        byte[] out = new byte[length];
        long at = offset(doc);
        MappedByteBuffer map = textMap;
        if (map != null && at + length <= map.capacity()) {
            try {
                map.get((int) at, out, 0, length);
                return checked(doc, out);
            } catch (InternalError e) {
                // the file was cut short under the mapping (SIGBUS): read it as a file instead
                LOG.debug("reading {} through its mapping", textOf(file), e);
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(out);
        try {
            while (buffer.hasRemaining()) {
                int n = ch.read(buffer, at + buffer.position());
                if (n < 0) {
                    readProblem("ends early");
                    return null;
                }
            }
        } catch (IOException e) {
            readProblem("cannot be read (" + e + ")");
            return null;
        }
        return checked(doc, out);
    }

    /** {@code out}, or null (and a note) when it does not match document {@code doc}'s checksum. */
    private byte[] checked(int doc, byte[] out) {
        CRC32C crc = new CRC32C();
        crc.update(out);
        if ((int) crc.getValue() != data.getInt(HEADER + doc * DOC_BYTES + 33)) {
            readProblem("holds a file that does not match its checksum");
            return null;
        }
        return out;
    }

    /**
     * Logs that the text file could not serve a read (the blob is then read from the object store):
     * once per segment as a warning, after that only at debug level, since a damaged copy would
     * otherwise log a line for every candidate of every search.
     */
    private void readProblem(String what) {
        if (!textWarned) {
            textWarned = true;
            LOG.warn("The search index's text file {} {}; its files are read from the object store", textOf(file), what);
        } else {
            LOG.debug("The search index's text file {} {}", textOf(file), what);
        }
    }

    /** Closes the text file. */
    void close() {
        FileChannel ch = text;
        text = null;
        textMap = null;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.debug("closing {}", textOf(file), e);
            }
        }
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
            if (offset(d) < 0 || length(d) < 0 || (kind != KIND_TEXT && (offset(d) != 0 || length(d) != 0))) {
                throw damaged(file, "bad text position");
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
