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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * <p>Format (big-endian): the ASCII line {@code airlock-quote-index/1\n}; k, window (int32); the
 * key (int32 length + UTF-8: bundle manifest id and review ref); the number of files (int32), then
 * each path (int32 length + UTF-8); the number of entries (int64) and the entries (int64 each,
 * strictly ascending, file part below the number of files); then SHA-256 of every byte before it.
 */
public final class QuoteIndexFile {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QuoteIndexFile.class);
    static final byte[] MAGIC = "airlock-quote-index/1\n".getBytes(StandardCharsets.US_ASCII);
    public static final String SUFFIX = ".qidx";
    private static final int MAX_KEY = 1024;
    private static final int MAX_PATH = 4096;
    private static final int CHUNK = 1 << 20;

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
            if (count < 0 || count > Integer.MAX_VALUE - 16 || count * 8 > in.remaining() - 32) {
                throw new Bad("entry count " + count + " does not fit the file");
            }
            long[] entries = new long[(int) count];
            in.longs(entries);
            byte[] computed = in.digest();
            byte[] stored = in.bytes(32);
            if (!MessageDigest.isEqual(computed, stored)) {
                return new Read(null, "damaged (its SHA-256 does not match)");
            }
            if (in.remaining() != 0) {
                return new Read(null, "damaged (bytes after its SHA-256)");
            }
            long fileMask = (1L << QuoteIndex.FILE_BITS) - 1;
            for (int i = 0; i < entries.length; i++) {
                if ((i > 0 && entries[i] <= entries[i - 1]) || (entries[i] & fileMask) >= files) {
                    return new Read(null, "damaged (entry " + i + " out of order or of no file)");
                }
            }
            if (k != rules.k() || window != rules.window()) {
                return new Read(null, "stale (made with k=" + k + ", window=" + window + ")");
            }
            if (!storedKey.equals(key)) {
                return new Read(null, "stale (made for another bundle or ref)");
            }
            return new Read(QuoteIndex.of(k, window, entries, paths, texts), null);
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
            MessageDigest sha = sha256();
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.allocate(CHUNK);
                Writer w = new Writer(out, buf, sha);
                w.put(MAGIC);
                w.int32(index.k());
                w.int32(index.window());
                w.string(key);
                w.int32(index.files());
                for (int i = 0; i < index.files(); i++) {
                    w.string(index.path(i));
                }
                long[] entries = index.entries();
                w.int64(entries.length);
                for (long e : entries) {
                    w.int64(e);
                }
                w.flush();
                buf.put(sha.digest()).flip();
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                out.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new AirlockException("quote.index.write", "Cannot keep the quote index in " + file + " (" + e.getMessage()
                    + ").", e);
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
     * from {@code source} and written there (a file that cannot be written costs only the next
     * build: the index is still returned).
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
        QuoteIndex built = QuoteIndex.build(source, rules, threads, monitor);
        try {
            write(file, key, built);
        } catch (AirlockException e) {
            LOG.warn("{}", e.getMessage());
        }
        return built;
    }

    /**
     * Makes sure {@code file} holds the index of {@code key} with {@code rules}, ahead of the seal
     * screen (at intake and at start-up, in the background): builds and writes it when the file is
     * missing or its header names another key or other rules; returns whether it built. Only the
     * header is read here (a whole read costs seconds and the index's memory); the seal screen's
     * {@link #loadOrBuild} still checks every byte and rebuilds a damaged file.
     */
    public static boolean ensure(Path file, String key, QuoteIndex.Source source, QuoteRules rules, int threads,
                                 ProgressMonitor monitor) throws AirlockException {
        if (headerFits(file, key, rules)) {
            return false;
        }
        QuoteIndex built = QuoteIndex.build(source, rules, threads, monitor);
        write(file, key, built);
        return true;
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A structural fault in the file (thrown inside the reader only). */
    private static final class Bad extends Exception {
        Bad(String message) {
            super(message);
        }
    }

    /** Reads the file in chunks, hashing every byte handed out (until {@link #digest()}). */
    private static final class Reader {
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        private final MessageDigest sha = sha256();
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

        private void need(int n) throws IOException, Bad {
            if (remaining() < n) {
                throw new Bad("cut off");
            }
            if (buf.remaining() >= n) {
                return;
            }
            // hash what is consumed before the compaction discards it
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
                sha.update(buf.array(), start, n);
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
            var decoder = StandardCharsets.UTF_8.newDecoder();
            try {
                return decoder.decode(ByteBuffer.wrap(b)).toString();
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

        /** The SHA-256 of everything read so far; the rest is not hashed. */
        byte[] digest() {
            hashing = false;
            return sha.digest();
        }
    }

    /** Buffered writes that hash every byte. */
    private static final class Writer {
        private final FileChannel out;
        private final ByteBuffer buf;
        private final MessageDigest sha;

        Writer(FileChannel out, ByteBuffer buf, MessageDigest sha) {
            this.out = out;
            this.buf = buf;
            this.sha = sha;
        }

        private void room(int n) throws IOException {
            if (buf.remaining() < n) {
                flush();
            }
        }

        void flush() throws IOException {
            buf.flip();
            sha.update(buf.array(), 0, buf.limit());
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
}
