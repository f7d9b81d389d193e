package airlock.core.symbols;

import airlock.core.AirlockException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The reference rows of a symbol index, in a file of their own beside the SQLite file ({@code <index>.refs}):
 * the one table whose inserts dominated the build (about 555,000 rows per 10,000 kernel files, each with
 * two B-tree inserts) is appended here as plain records, and the by-name directory is written once, at the
 * end of the build, as the search index writes its segments. Little endian:
 *
 * <pre>
 * "AIRREF01"
 * records, one per name per build batch, in the order written:
 *     varint name id | varint batch | varint count | varint blob length | blob | int CRC-32C of the record so far
 *     (blob: the name's occurrence groups of the batch, {@link Occurrences#appendGroup}; in the definition
 *     file {@link #defsOf}, the name's definitions of the batch, {@link DefEntries}, count their number)
 * -- written once the build is complete, at the data end D:
 * "AIRRDIR1" | int N (name id slots) | int P (records) | int B (batches)
 * (N + 1) × int: index of name id i's first record offset (the last is P)
 * P × long: record offsets, grouped by name id, ascending within a name
 * B × (long batch, long offset of its first record), ascending batch
 * long D | int CRC-32C of the directory from D up to here | "REND"
 * </pre>
 *
 * While a build runs there is no directory: the SQLite {@code meta} row {@code refs_end} ({@code defs_end}), committed with the
 * files' done marks, says how many bytes are committed; a resumed build cuts anything after it (a batch
 * written but not committed) and readers scan the records up to it. Every record carries its own checksum
 * and name, so a damaged or crafted file is refused with the reason ({@link #damaged}), never read as "no
 * references"; every offset and length is checked against the file before it is used. Why not SQLite:
 * see docs/navigation.md, "Build speed and go to symbol".
 */
final class RefsFile {
    static final byte[] MAGIC = {'A', 'I', 'R', 'R', 'E', 'F', '0', '1'};
    static final byte[] DIR_MAGIC = {'A', 'I', 'R', 'R', 'D', 'I', 'R', '1'};
    static final byte[] END = {'R', 'E', 'N', 'D'};
    static final int HEADER = MAGIC.length;
    /** The fixed tail: long D, int CRC, "REND". */
    static final int TRAILER = 16;
    /** Longest record header: four varints of at most 10 bytes (longs) each. */
    private static final int MAX_HEAD = 40;

    private RefsFile() {
    }

    /** The reference file of the index {@code db}. */
    static Path of(Path db) {
        return db.resolveSibling(db.getFileName() + ".refs");
    }

    /**
     * The definition file of the index {@code db}: the same format, a record per name per batch holding the
     * name's definitions of the batch ({@link DefEntries}), its count their number.
     */
    static Path defsOf(Path db) {
        return db.resolveSibling(db.getFileName() + ".defs");
    }

    /** "reference file" or "definition file", for messages. */
    private static String what(Path file) {
        return file.getFileName().toString().endsWith(".defs") ? "definition file" : "reference file";
    }

    static AirlockException damaged(Path file, String what) {
        return new AirlockException("symbols.refs.damaged", "The symbol index's " + what(file) + " " + file
                + " is damaged (" + what + "). Building the index again replaces it.");
    }

    private static AirlockException io(Path file, IOException e) {
        return new AirlockException("symbols.refs.io", "Cannot read or write the symbol index's " + what(file) + " "
                + file + " (" + e.getMessage() + ").", e);
    }

    /** One record: where it starts and ends, its name id, batch, occurrence count and blob. */
    record Record(long offset, long end, long nameId, long batch, int count, byte[] blob) {
    }

    // ---------------------------------------------------------------------------------------------- writing

    /** Appends records (the build's writer thread) and, at the end, the directory. */
    static final class Writer implements Closeable {
        private final Path file;
        private final FileChannel ch;
        private long end;
        private byte[] buf = new byte[1 << 16];
        private int size;
        private final CRC32C crc = new CRC32C();

        private Writer(Path file, FileChannel ch, long end) {
            this.file = file;
            this.ch = ch;
            this.end = end;
        }

        /**
         * Opens for appending after {@code committed} bytes (0: a new file); bytes after them (an uncommitted
         * batch) are cut. A file shorter than {@code committed} is damaged.
         */
        static Writer open(Path file, long committed) throws AirlockException {
            try {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                try {
                    if (committed <= 0) {
                        ch.truncate(0);
                        ch.write(ByteBuffer.wrap(MAGIC), 0);
                        return new Writer(file, ch, HEADER);
                    }
                    if (ch.size() < committed) {
                        throw damaged(file, "shorter (" + ch.size() + " bytes) than its committed " + committed);
                    }
                    ch.truncate(committed);
                    return new Writer(file, ch, committed);
                } catch (AirlockException | IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
            } catch (IOException e) {
                throw io(file, e);
            }
        }

        /** Adds one record to the pending bytes. */
        void append(long nameId, long batch, int count, byte[] blob, int blobLength) {
            ensure(MAX_HEAD + blobLength + 4);
            int from = size;
            size = putVarint(buf, size, nameId);
            size = putVarint(buf, size, batch);
            size = putVarint(buf, size, count);
            size = putVarint(buf, size, blobLength);
            System.arraycopy(blob, 0, buf, size, blobLength);
            size += blobLength;
            crc.reset();
            crc.update(buf, from, size - from);
            putInt(buf, size, (int) crc.getValue());
            size += 4;
        }

        /** Writes the pending records; returns the new end (what the index commits as {@code refs_end}). */
        long flush() throws AirlockException {
            try {
                ByteBuffer b = ByteBuffer.wrap(buf, 0, size);
                long at = end;
                while (b.hasRemaining()) {
                    at += ch.write(b, at);
                }
                end = at;
                size = 0;
                return end;
            } catch (IOException e) {
                throw io(file, e);
            }
        }

        /**
         * Writes the directory after the records (each checked again on the way: the file's only full read)
         * and forces the file to disk; returns its size, which the index then commits with its complete state.
         */
        long finish() throws AirlockException {
            flush();
            try {
                int[] names = new int[1 << 16];
                long[] offsets = new long[1 << 16];
                int n = 0;
                List<long[]> batches = new ArrayList<>();
                int slots = 0;
                Scanner sc = new Scanner(file, ch, end);
                for (Record r = sc.next(); r != null; r = sc.next()) {
                    if (r.nameId() >= Integer.MAX_VALUE - 1) {
                        throw damaged(file, "name id " + r.nameId() + " out of range");
                    }
                    if (n == names.length) {
                        names = Arrays.copyOf(names, n * 2);
                        offsets = Arrays.copyOf(offsets, n * 2);
                    }
                    names[n] = (int) r.nameId();
                    offsets[n++] = r.offset();
                    slots = Math.max(slots, (int) r.nameId() + 1);
                    if (batches.isEmpty() || batches.get(batches.size() - 1)[0] != r.batch()) {
                        if (!batches.isEmpty() && batches.get(batches.size() - 1)[0] > r.batch()) {
                            throw damaged(file, "batches out of order at offset " + r.offset());
                        }
                        batches.add(new long[] {r.batch(), r.offset()});
                    }
                }
                // counting sort by name id; records of one name stay in file order
                int[] first = new int[slots + 1];
                for (int i = 0; i < n; i++) {
                    first[names[i] + 1]++;
                }
                for (int i = 0; i < slots; i++) {
                    first[i + 1] += first[i];
                }
                long[] sorted = new long[n];
                int[] fill = Arrays.copyOf(first, slots);
                for (int i = 0; i < n; i++) {
                    sorted[fill[names[i]]++] = offsets[i];
                }
                names = null;
                offsets = null;
                long dirSize = DIR_MAGIC.length + 12L + 4L * (slots + 1) + 8L * n + 16L * batches.size() + TRAILER;
                DirOut out = new DirOut(ch, end);
                out.bytes(DIR_MAGIC);
                out.i32(slots);
                out.i32(n);
                out.i32(batches.size());
                for (int f : first) {
                    out.i32(f);
                }
                for (long o : sorted) {
                    out.i64(o);
                }
                for (long[] b : batches) {
                    out.i64(b[0]);
                    out.i64(b[1]);
                }
                out.i64(end);
                out.flush(); // the checksum covers everything before it
                out.i32((int) out.crc.getValue());
                out.bytes(END);
                out.flush();
                ch.truncate(end + dirSize);
                ch.force(true);
                if (ch.size() != end + dirSize) {
                    throw damaged(file, "directory written with the wrong size");
                }
                return ch.size();
            } catch (IOException e) {
                throw io(file, e);
            }
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        @Override
        public void close() {
            try {
                ch.close();
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(RefsFile.class).warn("closing {}: {}", file, e.getMessage());
            }
        }
    }

    /** Buffered little-endian output of the directory, checksummed as it goes. */
    private static final class DirOut {
        private final FileChannel ch;
        private long at;
        private final ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        final CRC32C crc = new CRC32C();

        DirOut(FileChannel ch, long at) {
            this.ch = ch;
            this.at = at;
        }

        void bytes(byte[] x) throws IOException {
            room(x.length);
            b.put(x);
        }

        void i32(int v) throws IOException {
            room(4);
            b.putInt(v);
        }

        void i64(long v) throws IOException {
            room(8);
            b.putLong(v);
        }

        private void room(int n) throws IOException {
            if (b.remaining() < n) {
                flush();
            }
        }

        void flush() throws IOException {
            b.flip();
            crc.update(b.duplicate());
            while (b.hasRemaining()) {
                at += ch.write(b, at);
            }
            b.clear();
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * Reads a reference file: with its directory ({@code size} given: a complete index, checked on open:
     * size, magic, trailer, directory checksum and sizes) or, while a build runs, by scanning the records up
     * to the committed end. Answers are records, each checked (bounds, checksum, name) before it is used.
     */
    static final class Reader implements Closeable {
        private final Path file;
        private final FileChannel ch;
        private final long dataEnd;
        private final boolean directory;
        private final int slots;
        private final int pieces;
        private final long firstAt;
        private final long offsetsAt;
        private final long[] batchNumbers;
        private final long[] batchOffsets;

        private Reader(Path file, FileChannel ch, long dataEnd, boolean directory, int slots, int pieces,
                long[] batchNumbers, long[] batchOffsets) {
            this.file = file;
            this.ch = ch;
            this.dataEnd = dataEnd;
            this.directory = directory;
            this.slots = slots;
            this.pieces = pieces;
            this.firstAt = dataEnd + DIR_MAGIC.length + 12;
            this.offsetsAt = firstAt + 4L * (slots + 1);
            this.batchNumbers = batchNumbers;
            this.batchOffsets = batchOffsets;
        }

        /** A complete file of {@code expectedSize} bytes (from the index's meta), with its directory. */
        static Reader complete(Path file, long expectedSize) throws AirlockException {
            FileChannel ch = openRead(file);
            try {
                long size = ch.size();
                if (size != expectedSize) {
                    throw damaged(file, "size " + size + " where the index recorded " + expectedSize);
                }
                if (size < HEADER + DIR_MAGIC.length + 12 + 4 + TRAILER) {
                    throw damaged(file, "truncated (" + size + " bytes)");
                }
                checkMagic(file, ch, 0, MAGIC, "not a file of this version");
                ByteBuffer t = read(file, ch, size - TRAILER, TRAILER);
                long d = t.getLong(0);
                int crc = t.getInt(8);
                for (int i = 0; i < END.length; i++) {
                    if (t.get(12 + i) != END[i]) {
                        throw damaged(file, "truncated (no end mark)");
                    }
                }
                if (d < HEADER || d > size - (DIR_MAGIC.length + 12 + 4 + TRAILER)) {
                    throw damaged(file, "directory offset " + d + " outside the file");
                }
                checkMagic(file, ch, d, DIR_MAGIC, "no directory at its offset");
                ByteBuffer h = read(file, ch, d + DIR_MAGIC.length, 12);
                int slots = h.getInt(0);
                int pieces = h.getInt(4);
                int batches = h.getInt(8);
                long expected = d + DIR_MAGIC.length + 12L + 4L * (slots + 1L) + 8L * pieces + 16L * batches + TRAILER;
                if (slots < 0 || pieces < 0 || batches < 0 || expected != size) {
                    throw damaged(file, "inconsistent directory sizes");
                }
                CRC32C sum = new CRC32C();
                ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
                for (long at = d; at < size - 8; ) {
                    chunk.clear();
                    chunk.limit((int) Math.min(chunk.capacity(), size - 8 - at));
                    int got = ch.read(chunk, at);
                    if (got <= 0) {
                        throw damaged(file, "short read in the directory");
                    }
                    chunk.flip();
                    sum.update(chunk);
                    at += got;
                }
                if ((int) sum.getValue() != crc) {
                    throw damaged(file, "directory checksum mismatch");
                }
                long batchesAt = d + DIR_MAGIC.length + 12L + 4L * (slots + 1L) + 8L * pieces;
                ByteBuffer bt = read(file, ch, batchesAt, 16 * batches);
                long[] numbers = new long[batches];
                long[] offsets = new long[batches];
                for (int i = 0; i < batches; i++) {
                    numbers[i] = bt.getLong(16 * i);
                    offsets[i] = bt.getLong(16 * i + 8);
                    if ((i > 0 && numbers[i] <= numbers[i - 1]) || offsets[i] < HEADER || offsets[i] >= d) {
                        throw damaged(file, "bad batch table");
                    }
                }
                return new Reader(file, ch, d, true, slots, pieces, numbers, offsets);
            } catch (AirlockException | RuntimeException e) {
                RefsFile.close(ch);
                throw e;
            } catch (IOException e) {
                RefsFile.close(ch);
                throw io(file, e);
            }
        }

        /** A file being built: records up to {@code committedEnd} (from the index's meta), no directory. */
        static Reader partial(Path file, long committedEnd) throws AirlockException {
            FileChannel ch = openRead(file);
            try {
                if (ch.size() < committedEnd || committedEnd < HEADER) {
                    throw damaged(file, "shorter (" + ch.size() + " bytes) than its committed " + committedEnd);
                }
                checkMagic(file, ch, 0, MAGIC, "not a file of this version");
                return new Reader(file, ch, committedEnd, false, 0, 0, new long[0], new long[0]);
            } catch (AirlockException | RuntimeException e) {
                RefsFile.close(ch);
                throw e;
            } catch (IOException e) {
                RefsFile.close(ch);
                throw io(file, e);
            }
        }

        /** The records of {@code nameId}, in file order (none if it has none). */
        List<Record> ofName(long nameId) throws AirlockException {
            List<Record> out = new ArrayList<>();
            if (!directory) {
                Scanner sc = new Scanner(file, ch, dataEnd);
                for (Record r = sc.next(); r != null; r = sc.next()) {
                    if (r.nameId() == nameId) {
                        out.add(r);
                    }
                }
                return out;
            }
            if (nameId < 0 || nameId >= slots) {
                return out;
            }
            ByteBuffer f = read(file, ch, firstAt + 4 * nameId, 8);
            int from = f.getInt(0);
            int to = f.getInt(4);
            if (from < 0 || to < from || to > pieces) {
                throw damaged(file, "bad directory entry for name id " + nameId);
            }
            ByteBuffer offs = read(file, ch, offsetsAt + 8L * from, 8 * (to - from));
            long prev = -1;
            for (int i = 0; i < to - from; i++) {
                long at = offs.getLong(8 * i);
                if (at <= prev || at < HEADER || at >= dataEnd) {
                    throw damaged(file, "bad record offset " + at + " for name id " + nameId);
                }
                prev = at;
                Record r = readRecord(file, ch, at, dataEnd);
                if (r.nameId() != nameId) {
                    throw damaged(file, "the record at offset " + at + " belongs to another name");
                }
                out.add(r);
            }
            return out;
        }

        /**
         * The records of each of {@code nameIds}, in file order, by id: looked up in the directory, or while a
         * build runs found in one scan of the committed records (not one per name).
         */
        java.util.Map<Long, List<Record>> ofNames(java.util.Collection<Long> nameIds) throws AirlockException {
            java.util.Map<Long, List<Record>> out = new java.util.HashMap<>();
            if (directory) {
                for (long id : nameIds) {
                    out.put(id, ofName(id));
                }
                return out;
            }
            for (long id : nameIds) {
                out.put(id, new ArrayList<>());
            }
            Scanner sc = new Scanner(file, ch, dataEnd);
            for (Record r = sc.next(); r != null; r = sc.next()) {
                List<Record> mine = out.get(r.nameId());
                if (mine != null) {
                    mine.add(r);
                }
            }
            return out;
        }

        /** Every name id's total count (the sum over its records), indexed by name id: one scan of the records. */
        long[] counts() throws AirlockException {
            long[] counts = new long[1024];
            Scanner sc = new Scanner(file, ch, dataEnd);
            for (Record r = sc.next(); r != null; r = sc.next()) {
                if (r.nameId() >= Integer.MAX_VALUE - 1) {
                    throw damaged(file, "name id " + r.nameId() + " out of range");
                }
                int id = (int) r.nameId();
                if (id >= counts.length) {
                    counts = Arrays.copyOf(counts, Math.max(id + 1, counts.length * 2));
                }
                counts[id] += r.count();
            }
            return counts;
        }

        /** The records of build batch {@code batch} (the name rows of the 256 files written together). */
        List<Record> ofBatch(long batch) throws AirlockException {
            List<Record> out = new ArrayList<>();
            long from = HEADER;
            if (directory) {
                int i = Arrays.binarySearch(batchNumbers, batch);
                if (i < 0) {
                    return out;
                }
                from = batchOffsets[i];
            }
            Scanner sc = new Scanner(file, ch, dataEnd, from);
            for (Record r = sc.next(); r != null; r = sc.next()) {
                if (r.batch() == batch) {
                    out.add(r);
                } else if (directory) {
                    break; // a batch's records are contiguous
                }
            }
            return out;
        }

        /** Any one name id that has records, or -1 (for the warm-up query). */
        long anyName() throws AirlockException {
            if (dataEnd <= HEADER) {
                return -1;
            }
            return readRecord(file, ch, HEADER, dataEnd).nameId();
        }

        @Override
        public void close() {
            RefsFile.close(ch);
        }
    }

    /** Reads the records of [from, end) in order, each checked. */
    private static final class Scanner {
        private final Path file;
        private final FileChannel ch;
        private final long end;
        private long at;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        private long bufAt = -1;

        Scanner(Path file, FileChannel ch, long end) {
            this(file, ch, end, HEADER);
        }

        Scanner(Path file, FileChannel ch, long end, long from) {
            this.file = file;
            this.ch = ch;
            this.end = end;
            this.at = from;
        }

        Record next() throws AirlockException {
            if (at >= end) {
                return null;
            }
            // most records fit in the buffer: read a megabyte at a time and parse from it
            if (bufAt < 0 || at < bufAt || at + MAX_HEAD + 4 > bufAt + buf.limit()) {
                fill(at);
            }
            Record r = parse(file, buf, (int) (at - bufAt), at, end, bufAt + buf.limit() >= end);
            if (r == null) {
                r = readRecord(file, ch, at, end); // longer than what is buffered
            }
            at = r.end();
            return r;
        }

        private void fill(long from) throws AirlockException {
            try {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), end - from));
                while (buf.hasRemaining()) {
                    if (ch.read(buf, from + buf.position()) < 0) {
                        throw damaged(file, "shorter than its committed " + end + " bytes");
                    }
                }
                buf.flip();
                bufAt = from;
            } catch (IOException e) {
                throw io(file, e);
            }
        }
    }

    /** Reads and checks the record at {@code at} (before {@code end}). */
    static Record readRecord(Path file, FileChannel ch, long at, long end) throws AirlockException {
        if (at < HEADER || at >= end) {
            throw damaged(file, "record offset " + at + " outside the records");
        }
        ByteBuffer head = read(file, ch, at, (int) Math.min(MAX_HEAD + 4096, end - at));
        Record r = parse(file, head, 0, at, end, head.limit() >= end - at);
        if (r != null) {
            return r;
        }
        long[] h = header(file, head, 0, at, end);
        long total = h[4] + h[3] + 4;
        if (total > Integer.MAX_VALUE - 16) {
            throw damaged(file, "record at offset " + at + " too long");
        }
        ByteBuffer whole = read(file, ch, at, (int) total);
        r = parse(file, whole, 0, at, end, true);
        if (r == null) {
            throw damaged(file, "record at offset " + at + " cut short");
        }
        return r;
    }

    /**
     * Parses a record starting at {@code pos} of {@code b} (file offset {@code at}); null if {@code b} ends
     * before the record does and {@code complete} is false (the caller reads more).
     */
    private static Record parse(Path file, ByteBuffer b, int pos, long at, long end, boolean complete)
            throws AirlockException {
        if (!complete && b.limit() - pos < MAX_HEAD) {
            return null;
        }
        long[] h = header(file, b, pos, at, end);
        int headLen = (int) h[4];
        long blobLen = h[3];
        long total = headLen + blobLen + 4;
        if (pos + total > b.limit()) {
            if (complete) {
                throw damaged(file, "record at offset " + at + " runs past the end");
            }
            return null;
        }
        int blobAt = pos + headLen;
        byte[] blob = new byte[(int) blobLen];
        b.get(blobAt, blob);
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(pos).limit(blobAt + (int) blobLen));
        int stored = b.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(blobAt + (int) blobLen);
        if ((int) crc.getValue() != stored) {
            throw damaged(file, "checksum mismatch in the record at offset " + at);
        }
        return new Record(at, at + total, h[0], h[1], (int) h[2], blob);
    }

    /** name id, batch, count, blob length, header length; every value checked against the file. */
    private static long[] header(Path file, ByteBuffer b, int pos, long at, long end) throws AirlockException {
        long[] out = new long[5];
        int p = pos;
        for (int k = 0; k < 4; k++) {
            long v = 0;
            int shift = 0;
            while (true) {
                if (p >= b.limit()) {
                    throw damaged(file, "record at offset " + at + " cut short");
                }
                int x = b.get(p++) & 0xFF;
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    break;
                }
                shift += 7;
                if (shift > 56) {
                    throw damaged(file, "bad number in the record at offset " + at);
                }
            }
            out[k] = v;
        }
        out[4] = p - pos;
        if (out[0] < 0 || out[1] < 0 || out[2] < 0 || out[2] > Integer.MAX_VALUE || out[3] < 0
                || out[3] > end - at - out[4] - 4) {
            throw damaged(file, "bad header in the record at offset " + at);
        }
        return out;
    }

    private static FileChannel openRead(Path file) throws AirlockException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new AirlockException("symbols.refs.missing", "The symbol index's " + what(file) + " " + file
                        + " is missing. Building the index again replaces it.");
            }
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw io(file, e);
        }
    }

    private static void checkMagic(Path file, FileChannel ch, long at, byte[] magic, String what)
            throws AirlockException {
        ByteBuffer m = read(file, ch, at, magic.length);
        for (int i = 0; i < magic.length; i++) {
            if (m.get(i) != magic[i]) {
                throw damaged(file, what);
            }
        }
    }

    /** Exactly {@code n} bytes at {@code at}, little endian; a short file is damage. */
    private static ByteBuffer read(Path file, FileChannel ch, long at, int n) throws AirlockException {
        try {
            if (n < 0 || at < 0 || at + n > ch.size()) {
                throw damaged(file, "a read of " + n + " bytes at offset " + at + " runs past the end");
            }
            ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (ch.read(b, at + b.position()) < 0) {
                    throw damaged(file, "cut short at offset " + (at + b.position()));
                }
            }
            return b.flip();
        } catch (IOException e) {
            throw io(file, e);
        }
    }

    /** Closes a channel of one of the index's files, logging a failure (nothing was written through it). */
    static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(RefsFile.class).warn("closing a symbol index file: {}", e.getMessage());
        }
    }

    private static int putVarint(byte[] b, int at, long v) {
        while ((v & ~0x7FL) != 0) {
            b[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
