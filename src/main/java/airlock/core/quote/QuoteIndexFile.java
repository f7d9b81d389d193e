package airlock.core.quote;

import airlock.core.AirlockException;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The quote index of one bundle kept on disk (issue 18), so the seal screen does not fingerprint
 * the whole tree again each time it opens: {@code <home>/db/quotes/<key>.qidx}, next to the search
 * index. Derived data, never trusted: a file that is damaged, cut off, of another bundle or made
 * with other rules is not used (the reason is returned) and the index is built again and rewritten.
 *
 * <p>Format (big-endian): the ASCII line {@code airlock-quote-index/3\n}; k, window (int32); the
 * key (int32 length + UTF-8: bundle manifest id and review ref); the number of files (int32), then
 * each path (int32 length + UTF-8); the number of entries (int64) and the entries, 12 bytes each:
 * the entry (int64, strictly ascending, file part below the number of files) and its context
 * (int32, {@link QuoteIndex#context}); then the CRC-32C of every byte before it (int32). Format 2
 * ended with a SHA-256 instead: reading 670 MB through SHA-256 was most of the seal screen's wait,
 * and the file is derived data the keeper's own account holds, where the threat is damage, not
 * forgery (as for the search and symbol indexes; docs/session.md says why). A file of format 2 is
 * refused as of another format and built again.
 *
 * <p>The entries are mapped into memory, not read into the heap (the kernel's are 700 MB): the
 * file is only ever replaced by a move, never changed in place, so a mapping stays valid.
 */
public final class QuoteIndexFile {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QuoteIndexFile.class);
    static final byte[] MAGIC = "airlock-quote-index/3\n".getBytes(StandardCharsets.US_ASCII);
    public static final String SUFFIX = ".qidx";
    private static final int MAX_KEY = 1024;
    private static final int MAX_PATH = 4096;
    private static final int CHUNK = 1 << 20;
    /** Bytes of one entry in the file: the entry and its context. */
    static final int RECORD = 12;
    /** Bytes of the checksum at the end (a CRC-32C). */
    static final int CHECKSUM = 4;
    /** Entries are read from the mapping in chunks of this many bytes (whole records). */
    private static final int ENTRY_CHUNK = RECORD * (CHUNK / RECORD);
    private static final java.lang.invoke.VarHandle LONG_BE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private QuoteIndexFile() {
    }

    /** Where the index of {@code bundleId} (a manifest hash) with {@code rules} lives under the databases folder. */
    public static Path path(Path databases, String bundleId, QuoteRules rules) {
        if (!bundleId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a bundle id: " + bundleId);
        }
        return databases.resolve("quotes").resolve(bundleId + "-k" + rules.k() + "-w" + rules.window() + SUFFIX);
    }

    /** What reading found: the index, or why the file was not used. */
    public record Read(QuoteIndex index, String refused) {
        public Optional<QuoteIndex> found() {
            return Optional.ofNullable(index);
        }
    }

    /**
     * The index in {@code file} when it is intact, made for {@code key} with {@code rules}; else the
     * reason it is not used (missing, damaged, stale). Never throws for the file's content.
     */
    public static Read read(Path file, String key, QuoteRules rules, QuoteIndex.FileTexts texts) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Read(null, Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "not a regular file" : "no index file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Reader in = new Reader(channel);
            byte[] magic = in.bytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                return new Read(null, "not a quote index of this format");
            }
            int k = in.int32();
            int window = in.int32();
            String storedKey = in.string(MAX_KEY, "key");
            int files = in.int32();
            if (files < 0 || files >= QuoteIndex.MAX_FILES) {
                throw new Bad("file count " + files + " out of range");
            }
            List<String> paths = new ArrayList<>(Math.min(files, 1 << 16));
            for (int i = 0; i < files; i++) {
                paths.add(in.string(MAX_PATH, "path"));
            }
            long count = in.int64();
            if (count < 0 || count > Integer.MAX_VALUE - 16 || count * RECORD > in.remaining() - CHECKSUM) {
                throw new Bad("entry count " + count + " does not fit the file");
            }
            long at = in.consumed();
            Mapped table = Mapped.map(channel, at, (int) count);
            int[] buckets = new int[(1 << QuoteIndex.BUCKET_BITS) + 1];
            int bad = check(channel, at, (int) count, in.crc, files, buckets); // summed and checked in one pass
            if (bad >= 0) {
                return new Read(null, "damaged (entry " + bad + " out of order or of no file)");
            }
            in.skip(count * RECORD);
            int computed = in.checksum();
            int stored = in.int32();
            if (computed != stored) {
                return new Read(null, "damaged (its checksum does not match)");
            }
            if (in.remaining() != 0) {
                return new Read(null, "damaged (bytes after its checksum)");
            }
            if (k != rules.k() || window != rules.window()) {
                return new Read(null, "stale (made with k=" + k + ", window=" + window + ")");
            }
            if (!storedKey.equals(key)) {
                return new Read(null, "stale (made for another bundle or ref)");
            }
            return new Read(QuoteIndex.of(k, window, table, paths, texts, buckets), null);
        } catch (Bad e) {
            return new Read(null, "damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Read(null, "unreadable (" + e.getMessage() + ")");
        }
    }

    /**
     * Writes {@code index} for {@code key} to {@code file}: a temporary file in the same folder,
     * forced to disk and moved into place, so a reader sees the old file or the whole new one.
     */
    public static void write(Path file, String key, QuoteIndex index) throws AirlockException {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), ".quote-", ".tmp");
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.allocate(CHUNK);
                Writer w = new Writer(out, buf, crc);
                w.put(MAGIC);
                w.int32(index.k());
                w.int32(index.window());
                w.string(key);
                w.int32(index.files());
                for (int i = 0; i < index.files(); i++) {
                    w.string(index.path(i));
                }
                QuoteIndex.Table table = index.table();
                w.int64(table.size());
                for (int i = 0; i < table.size(); i++) {
                    w.int64(table.entry(i));
                    w.int32(table.context(i));
                }
                w.flush();
                buf.putInt((int) crc.getValue()).flip();
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                out.force(true);
            }
            moveIntoPlace(tmp, file);
            tmp = null;
        } catch (IOException e) {
            throw writeFailed(file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed by the next write's move or never read
                }
            }
        }
    }

    /**
     * The index kept in {@code file} for {@code key} when it is intact and current; otherwise built
     * from {@code source} into the file ({@link #build}) and mapped from it. A file that cannot be
     * written costs only memory: the index is then built in the heap and still returned.
     */
    public static QuoteIndex loadOrBuild(Path file, String key, QuoteIndex.Source source, QuoteRules rules, int threads,
                                         ProgressMonitor monitor) throws AirlockException {
        Read read = read(file, key, rules, source.texts());
        if (read.index() != null) {
            return read.index();
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("Quote index {} not used, it is {}; building it again", file, read.refused());
        }
        try {
            build(file, key, source, rules, threads, monitor);
        } catch (AirlockException e) {
            if (!"quote.index.write".equals(e.code())) {
                throw e;
            }
            LOG.warn("{}; built in memory instead", e.getMessage());
            return QuoteIndex.build(source, rules, threads, monitor);
        }
        Read back = read(file, key, rules, source.texts());
        if (back.index() == null) {
            throw new AirlockException("quote.index.write", "The quote index written to " + file + " does not read back ("
                    + back.refused() + ").");
        }
        return back.index();
    }

    /**
     * Makes sure {@code file} holds the index of {@code key} with {@code rules}, ahead of the seal
     * screen (at intake and at start-up, in the background): builds and writes it when the file is
     * missing or its header names another key or other rules; returns whether it built. Only the
     * header is read here; the seal screen's {@link #loadOrBuild} still checks every byte and
     * rebuilds a damaged file.
     */
    public static boolean ensure(Path file, String key, QuoteIndex.Source source, QuoteRules rules, int threads,
                                 ProgressMonitor monitor) throws AirlockException {
        if (headerFits(file, key, rules)) {
            return false;
        }
        build(file, key, source, rules, threads, monitor);
        return true;
    }

    /** Heap the build of {@link #build} needs besides the texts being read, whatever the tree's size (per thread and for the merge). */
    public static long buildHeap(int threads) {
        return Math.max(1, threads) * 4L * QuoteIndex.PART * RECORD + (64L << 20);
    }

    /**
     * Fingerprints every file of {@code source} and writes the index to {@code file}, in memory
     * bounded by {@link #buildHeap} whatever the tree's size: each worker sorts every
     * {@value QuoteIndex#PART} entries it collects and writes them as a run to a temporary folder
     * beside the file; the runs are then merged into the file (one entry kept of each, as
     * {@link QuoteIndex.Fingerprints#sortUnique} keeps it), which is forced to disk and moved into
     * place. The temporary runs are removed whatever happens.
     */
    public static void build(Path file, String key, QuoteIndex.Source source, QuoteRules rules, int threads,
                             ProgressMonitor monitor) throws AirlockException {
        Path runsDir = null;
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            Path dir = Files.createTempDirectory(file.getParent(), ".quote-runs-");
            runsDir = dir;
            List<Path> runs = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicInteger numbered = new java.util.concurrent.atomic.AtomicInteger();
            QuoteIndex.fingerprint(source, rules, threads, monitor, part -> {
                part.sortUnique();
                Path run = dir.resolve("run-" + numbered.getAndIncrement());
                try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                    for (int i = 0; i < part.size; i++) {
                        out.writeLong(part.entries[i]);
                        out.writeInt(part.contexts[i]);
                    }
                } catch (IOException e) {
                    throw writeFailed(file, e);
                }
                runs.add(run);
            });
            tmp = Files.createTempFile(file.getParent(), ".quote-", ".tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.allocate(CHUNK);
                Writer w = new Writer(out, buf, new java.util.zip.CRC32C());
                w.put(MAGIC);
                w.int32(rules.k());
                w.int32(rules.window());
                w.string(key);
                List<String> paths = source.paths();
                w.int32(paths.size());
                for (String p : paths) {
                    w.string(p);
                }
                w.flush();
                long countAt = out.position();
                w.int64(0); // the count, written below once the merge has counted
                long count = merge(runs, w, monitor);
                if (count > Integer.MAX_VALUE - 16) {
                    throw QuoteIndex.tooMany(count);
                }
                w.flush();
                long end = out.position();
                out.write(ByteBuffer.allocate(8).putLong(0, count), countAt);
                java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
                for (long at = 0; at < end; ) {
                    chunk.clear().limit((int) Math.min(CHUNK, end - at));
                    int n = out.read(chunk, at);
                    if (n < 0) {
                        throw new IOException("the index file shrank while written");
                    }
                    crc.update(chunk.array(), 0, n);
                    at += n;
                }
                out.write(ByteBuffer.allocate(CHECKSUM).putInt(0, (int) crc.getValue()), end);
                out.force(true);
            }
            moveIntoPlace(tmp, file);
            tmp = null;
        } catch (IOException e) {
            throw writeFailed(file, e);
        } finally {
            deleteQuietly(tmp);
            if (runsDir != null) {
                try (var list = Files.list(runsDir)) {
                    list.forEach(QuoteIndexFile::deleteQuietly);
                } catch (IOException ignored) {
                    // listed again and removed by nothing: a folder of derived runs named .quote-runs-*, never read
                }
                deleteQuietly(runsDir);
            }
        }
    }

    /**
     * A failed write, or the build stopped: an interrupt (the keeper shutting down its index thread)
     * closes the channel being written, which is a cancelled build, not a failure to keep the file.
     */
    private static AirlockException writeFailed(Path file, IOException e) {
        if (e instanceof java.nio.channels.ClosedByInterruptException || e instanceof java.io.InterruptedIOException) {
            return new airlock.core.progress.CancelledException();
        }
        return new AirlockException("quote.index.write", "Cannot keep the quote index in " + file + " ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").", e);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary left behind is never read (its name is not an index's)
        }
    }

    /** Merges the sorted runs into {@code w}, one record of each entry (contexts that differ become ANY); returns how many. */
    private static long merge(List<Path> runs, Writer w, ProgressMonitor monitor) throws IOException, AirlockException {
        int n = runs.size();
        java.io.DataInputStream[] in = new java.io.DataInputStream[n];
        long[] head = new long[n];
        int[] headContext = new int[n];
        long[] left = new long[n];
        int[] heap = new int[n];
        int size = 0;
        try {
            for (int r = 0; r < n; r++) {
                in[r] = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(runs.get(r)), 1 << 16));
                left[r] = Files.size(runs.get(r)) / RECORD;
                if (left[r] > 0) {
                    head[r] = in[r].readLong();
                    headContext[r] = in[r].readInt();
                    left[r]--;
                    heap[size++] = r;
                }
            }
            for (int i = size / 2 - 1; i >= 0; i--) {
                down(heap, size, i, head);
            }
            long count = 0;
            long last = 0;
            int lastContext = 0;
            while (size > 0) {
                int r = heap[0];
                long e = head[r];
                int c = headContext[r];
                if (count > 0 && e == last) {
                    lastContext = lastContext == c ? c : QuoteIndex.ANY_CONTEXT;
                } else {
                    if (count > 0) {
                        w.int64(last);
                        w.int32(lastContext);
                    }
                    last = e;
                    lastContext = c;
                    count++;
                    if ((count & 0xFFFFF) == 0 && monitor.isCancelled()) {
                        throw new airlock.core.progress.CancelledException();
                    }
                }
                if (left[r] > 0) {
                    head[r] = in[r].readLong();
                    headContext[r] = in[r].readInt();
                    left[r]--;
                } else {
                    heap[0] = heap[--size];
                }
                down(heap, size, 0, head);
            }
            if (count > 0) {
                w.int64(last);
                w.int32(lastContext);
            }
            return count;
        } finally {
            for (java.io.DataInputStream s : in) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    private static void down(int[] heap, int size, int i, long[] head) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int m = l + 1 < size && head[heap[l + 1]] < head[heap[l]] ? l + 1 : l;
            if (head[heap[i]] <= head[heap[m]]) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[m];
            heap[m] = t;
            i = m;
        }
    }

    /** True when the file begins as this version's index does (a cheap look, not a check: {@link #read} checks). */
    public static boolean ofThisVersion(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return Arrays.equals(new Reader(channel).bytes(MAGIC.length), MAGIC);
        } catch (Bad | IOException e) {
            return false;
        }
    }

    private static boolean headerFits(Path file, String key, QuoteRules rules) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Reader in = new Reader(channel);
            return Arrays.equals(in.bytes(MAGIC.length), MAGIC) && in.int32() == rules.k() && in.int32() == rules.window()
                    && in.string(MAX_KEY, "key").equals(key);
        } catch (Bad | IOException e) {
            return false;
        }
    }

    /**
     * Adds the bytes of the {@code count} entries at {@code offset} to {@code crc} and checks the
     * entries in the same pass: strictly ascending, each of a file below {@code files}; fills
     * {@code buckets} (where each {@link QuoteIndex#bucket} starts). Returns the first entry that
     * fails, or -1. Read with positional reads into one heap array, not through the mapping: the
     * first touch of each of the mapping's 170,000 pages is a page fault, and a mapped buffer's
     * getLong per entry (bounds and scope checks) cost three times the whole pass. The lookups
     * that follow touch only the few pages they need.
     */
    private static int check(FileChannel channel, long offset, int count, java.util.zip.Checksum crc, int files,
                             int[] buckets) throws IOException, Bad {
        long fileMask = (1L << QuoteIndex.FILE_BITS) - 1;
        long bytes = (long) count * RECORD;
        byte[] chunk = new byte[(int) Math.min(ENTRY_CHUNK, Math.max(RECORD, bytes))];
        ByteBuffer wrapped = ByteBuffer.wrap(chunk);
        int filled = 0;
        long previous = Long.MIN_VALUE;
        int i = 0;
        for (long done = 0; done < bytes; ) {
            int n = (int) Math.min(chunk.length, bytes - done);
            wrapped.clear().limit(n);
            while (wrapped.hasRemaining()) {
                if (channel.read(wrapped, offset + done + wrapped.position()) < 0) {
                    throw new Bad("cut off");
                }
            }
            done += n;
            crc.update(chunk, 0, n);
            for (int off = 0; off < n; off += RECORD, i++) {
                long e = (long) LONG_BE.get(chunk, off);
                if ((i > 0 && e <= previous) || (e & fileMask) >= files) {
                    return i;
                }
                previous = e;
                for (int bucket = QuoteIndex.bucket(e); filled <= bucket; ) {
                    buckets[filled++] = i;
                }
            }
        }
        while (filled < buckets.length) {
            buckets[filled++] = count;
        }
        return -1;
    }

    /**
     * The entries of an index file, mapped read-only: segments of {@value #SEGMENT} entries (a
     * mapping holds at most 2 GB), each entry 12 bytes as the file holds it.
     */
    static final class Mapped implements QuoteIndex.Table {
        static final int SEGMENT_BITS = 26;
        static final int SEGMENT = 1 << SEGMENT_BITS;
        private final java.nio.MappedByteBuffer[] segments;
        private final int size;

        private Mapped(java.nio.MappedByteBuffer[] segments, int size) {
            this.segments = segments;
            this.size = size;
        }

        static Mapped map(FileChannel channel, long offset, int count) throws IOException {
            int n = (int) ((count + (long) SEGMENT - 1) >>> SEGMENT_BITS);
            java.nio.MappedByteBuffer[] segments = new java.nio.MappedByteBuffer[n];
            for (int s = 0; s < n; s++) {
                long first = (long) s << SEGMENT_BITS;
                long entries = Math.min(SEGMENT, count - first);
                segments[s] = channel.map(FileChannel.MapMode.READ_ONLY, offset + first * RECORD, entries * RECORD);
            }
            return new Mapped(segments, count);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public long entry(int i) {
            return segments[i >>> SEGMENT_BITS].getLong((i & (SEGMENT - 1)) * RECORD);
        }

        @Override
        public int context(int i) {
            return segments[i >>> SEGMENT_BITS].getInt((i & (SEGMENT - 1)) * RECORD + 8);
        }
    }

    /** A structural fault in the file (thrown inside the reader only). */
    private static final class Bad extends Exception {
        Bad(String message) {
            super(message);
        }
    }

    /** Reads the file in chunks, summing every byte handed out (until {@link #checksum()}). */
    private static final class Reader {
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        private final java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        private final long size;
        private long consumed;
        private boolean hashing = true;

        Reader(FileChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
            buf.flip();
        }

        long remaining() {
            return size - consumed;
        }

        long consumed() {
            return consumed;
        }

        /** Passes over {@code n} bytes (summed by the caller) and goes on reading after them. */
        void skip(long n) throws IOException, Bad {
            if (remaining() < n) {
                throw new Bad("cut off");
            }
            consumed += n;
            buf.clear();
            buf.flip();
            channel.position(consumed);
        }

        private void need(int n) throws IOException, Bad {
            if (remaining() < n) {
                throw new Bad("cut off");
            }
            if (buf.remaining() >= n) {
                return;
            }
            // sum what is consumed before the compaction discards it
            buf.compact();
            while (buf.position() < n) {
                if (channel.read(buf) < 0) {
                    throw new Bad("cut off");
                }
            }
            buf.flip();
        }

        private void took(int start, int n) {
            if (hashing) {
                crc.update(buf.array(), start, n);
            }
            consumed += n;
        }

        byte[] bytes(int n) throws IOException, Bad {
            need(n);
            byte[] out = new byte[n];
            int at = buf.position();
            buf.get(out);
            took(at, n);
            return out;
        }

        int int32() throws IOException, Bad {
            need(4);
            int at = buf.position();
            int v = buf.getInt();
            took(at, 4);
            return v;
        }

        long int64() throws IOException, Bad {
            need(8);
            int at = buf.position();
            long v = buf.getLong();
            took(at, 8);
            return v;
        }

        String string(int max, String what) throws IOException, Bad {
            int n = int32();
            if (n < 0 || n > max) {
                throw new Bad(what + " length " + n + " out of range");
            }
            byte[] b = bytes(n);
            try {
                return utf8.decode(ByteBuffer.wrap(b)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new Bad(what + " is not UTF-8");
            }
        }

        void longs(long[] out) throws IOException, Bad {
            int i = 0;
            while (i < out.length) {
                need(8);
                int at = buf.position();
                int n = Math.min(out.length - i, buf.remaining() / 8);
                buf.asLongBuffer().get(out, i, n);
                buf.position(at + n * 8);
                took(at, n * 8);
                i += n;
            }
        }

        /** The CRC-32C of everything read so far; the rest is not summed. */
        int checksum() {
            hashing = false;
            return (int) crc.getValue();
        }
    }

    /** Buffered writes that sum every byte. */
    private static final class Writer {
        private final FileChannel out;
        private final ByteBuffer buf;
        private final java.util.zip.Checksum crc;

        Writer(FileChannel out, ByteBuffer buf, java.util.zip.Checksum crc) {
            this.out = out;
            this.buf = buf;
            this.crc = crc;
        }

        private void room(int n) throws IOException {
            if (buf.remaining() < n) {
                flush();
            }
        }

        void flush() throws IOException {
            buf.flip();
            crc.update(buf.array(), 0, buf.limit());
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            buf.clear();
        }

        void put(byte[] b) throws IOException {
            room(b.length);
            buf.put(b);
        }

        void int32(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void int64(long v) throws IOException {
            room(8);
            buf.putLong(v);
        }

        void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int32(b.length);
            put(b);
        }
    }

    /** Replaces the index by the finished file in one step where the file system can (a mapped index is never edited). */
    private static void moveIntoPlace(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
