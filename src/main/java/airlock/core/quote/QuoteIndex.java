package airlock.core.quote;

import airlock.core.progress.ProgressMonitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Winnowing fingerprints of every text file of the reviewed tree, for {@link QuoteCheck}: a
 * sorted array of {@code fingerprint(40 bits) | file(24 bits)} entries, 8 bytes each, so a
 * lookup is a binary search. A hit only says that a file shares a {@code k}-token run with the
 * text; the check then compares the file's tokens to confirm runs of the policy's length.
 */
public final class QuoteIndex {
    static final int FILE_BITS = 24;
    public static final int MAX_FILES = 1 << FILE_BITS;
    /** At most this many files are returned per fingerprint (licence headers and boilerplate are in thousands). */
    static final int MAX_FILES_PER_FINGERPRINT = 64;

    private final int k;
    private final int window;
    private final Table table;
    private final List<String> paths;
    private final FileTexts texts;

    /** Reads file {@code id}'s text again when a fingerprint hit has to be confirmed. */
    public interface FileTexts {
        String text(int id) throws airlock.core.AirlockException;

        /** File {@code id}'s {@link CodeTokens}: those of its text, unless a source can make them from its bytes (the same tokens, less copying). */
        default CodeTokens tokens(int id) throws airlock.core.AirlockException {
            return CodeTokens.of(text(id));
        }
    }

    /** One file to index: its path and how to read its text. */
    public interface Source {
        /** Files in a fixed order; file ids are positions in this list. */
        List<String> paths();

        FileTexts texts();
    }

    /**
     * The sorted, unique entries and, per entry, its context ({@link #context}): arrays in the heap
     * (an index built here) or the index file mapped into memory ({@link QuoteIndexFile}: the
     * kernel's 58 million entries stay out of the heap and are paged in as lookups touch them).
     */
    interface Table {
        int size();

        long entry(int i);

        int context(int i);
    }

    /** Entries and contexts in two arrays. */
    record Arrays2(long[] entries, int[] contexts) implements Table {
        @Override
        public int size() {
            return entries.length;
        }

        @Override
        public long entry(int i) {
            return entries[i];
        }

        @Override
        public int context(int i) {
            return contexts[i];
        }
    }

    private QuoteIndex(int k, int window, Table table, List<String> paths, FileTexts texts) {
        this.k = k;
        this.window = window;
        this.table = table;
        this.paths = List.copyOf(paths);
        this.texts = texts;
        this.buckets = buckets(table);
    }

    /** An index of nothing: content never matches, the encoded-text budget still applies. */
    public static QuoteIndex empty(QuoteRules rules) {
        return new QuoteIndex(rules.k(), rules.window(), new Arrays2(new long[0], new int[0]), List.of(), id -> "");
    }

    /** Tokens on each side of a fingerprint's k-gram whose hashes its {@link #context} keeps. */
    static final int SIDE = 3;
    /** Bits of each such token's hash kept. */
    static final int CONTEXT_BITS = 5;
    /** The context of an entry whose file holds the fingerprint at several places with different neighbours: never rules a file out. */
    static final int ANY_CONTEXT = -1;

    /**
     * A fingerprint's neighbourhood in its file: {@value #CONTEXT_BITS} bits of each of the
     * {@value #SIDE} tokens before its k-gram (bits 0..14, nearest first) and after it (bits 15..29).
     * A run of minRunTokens that contains the k-gram extends it by {@code minRunTokens - k} tokens
     * on its two sides together, so a text whose tokens around the same k-gram do not agree with
     * these bits cannot share such a run with the file at that place ({@link #mayShareRun}): the
     * check then need not read the file. Tokens beyond the file's ends are 0 (no run reaches them).
     */
    static int context(CodeTokens tokens, int position, int k) {
        int ctx = 0;
        int mask = (1 << CONTEXT_BITS) - 1;
        for (int j = 1; j <= SIDE; j++) {
            int before = position - j;
            int after = position + k - 1 + j;
            ctx |= (before >= 0 ? (int) tokens.hash(before) & mask : 0) << (CONTEXT_BITS * (j - 1));
            ctx |= (after < tokens.size() ? (int) tokens.hash(after) & mask : 0) << (CONTEXT_BITS * (SIDE + j - 1));
        }
        return ctx;
    }

    /**
     * Whether a text whose k-gram at {@code position} is a fingerprint with file context {@code ctx}
     * may share a run of {@code minRun} tokens with the file there: the text's tokens that agree
     * with the context, counted outwards from the k-gram on each side until the first that does
     * not, reach {@code minRun - k} together (or fill a side: what lies beyond is not known).
     * Never false for a place where such a run exists (no run is lost); rarely true where none is.
     */
    static boolean mayShareRun(CodeTokens text, int position, int k, int minRun, int ctx) {
        if (ctx == ANY_CONTEXT) {
            return true;
        }
        int mask = (1 << CONTEXT_BITS) - 1;
        int before = 0;
        while (before < SIDE && position - before - 1 >= 0
                && ((int) text.hash(position - before - 1) & mask) == (ctx >>> (CONTEXT_BITS * before) & mask)) {
            before++;
        }
        int after = 0;
        while (after < SIDE && position + k + after < text.size()
                && ((int) text.hash(position + k + after) & mask) == (ctx >>> (CONTEXT_BITS * (SIDE + after)) & mask)) {
            after++;
        }
        return before + after >= minRun - k || before == SIDE || after == SIDE;
    }

    /**
     * Fingerprints every file of {@code source} with {@code rules}' k and window, on {@code threads}
     * threads, in the heap (about 24 bytes per fingerprint at the sort: for small trees and tests;
     * {@link QuoteIndexFile#build} writes a large tree's index to its file in bounded memory). A file
     * that cannot be read fails the build (an index that silently lacks a file would let its code
     * leave unnoticed).
     */
    public static QuoteIndex build(Source source, QuoteRules rules, int threads, ProgressMonitor monitor)
            throws airlock.core.AirlockException {
        List<String> paths = source.paths();
        Fingerprints all = new Fingerprints(1 << 12);
        fingerprint(source, rules, threads, monitor, (part) -> {
            synchronized (all) {
                all.addAll(part);
            }
        });
        if (all.size > Integer.MAX_VALUE - 16) {
            throw tooMany(all.size);
        }
        all.sortUnique();
        monitor.endTask();
        return new QuoteIndex(rules.k(), rules.window(),
                new Arrays2(Arrays.copyOf(all.entries, all.size), Arrays.copyOf(all.contexts, all.size)), paths, source.texts());
    }

    static airlock.core.AirlockException tooMany(long total) {
        return new airlock.core.AirlockException("quote.index.size", "The tree has " + total
                + " fingerprints; the quote index holds at most " + (Integer.MAX_VALUE - 16) + ".");
    }

    /** A growable list of entries with their contexts. */
    static final class Fingerprints {
        long[] entries;
        int[] contexts;
        int size;

        Fingerprints(int capacity) {
            entries = new long[capacity];
            contexts = new int[capacity];
        }

        void add(long entry, int context) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, Math.max(16, size * 2));
                contexts = Arrays.copyOf(contexts, entries.length);
            }
            entries[size] = entry;
            contexts[size++] = context;
        }

        void addAll(Fingerprints other) {
            if (size + other.size > entries.length) {
                entries = Arrays.copyOf(entries, Math.max(size + other.size, entries.length * 2));
                contexts = Arrays.copyOf(contexts, entries.length);
            }
            System.arraycopy(other.entries, 0, entries, size, other.size);
            System.arraycopy(other.contexts, 0, contexts, size, other.size);
            size += other.size;
        }

        void clear() {
            size = 0;
        }

        /**
         * Sorts by entry (signed order, as lookups search) carrying the contexts along (a radix sort:
         * eight passes of a byte), then keeps one of each entry; a file holding one fingerprint at
         * places with different contexts keeps {@link #ANY_CONTEXT}.
         */
        void sortUnique() {
            long[] a = entries;
            int[] c = contexts;
            long[] b = new long[size];
            int[] d = new int[size];
            int[] count = new int[257];
            for (int shift = 0; shift < 64; shift += 8) {
                java.util.Arrays.fill(count, 0);
                for (int i = 0; i < size; i++) {
                    count[(int) (((a[i] ^ Long.MIN_VALUE) >>> shift) & 0xFF) + 1]++;
                }
                for (int i = 0; i < 256; i++) {
                    count[i + 1] += count[i];
                }
                for (int i = 0; i < size; i++) {
                    int at = count[(int) (((a[i] ^ Long.MIN_VALUE) >>> shift) & 0xFF)]++;
                    b[at] = a[i];
                    d[at] = c[i];
                }
                long[] t = a;
                a = b;
                b = t;
                int[] u = c;
                c = d;
                d = u;
            }
            int unique = 0;
            for (int i = 0; i < size; i++) {
                if (unique > 0 && a[i] == a[unique - 1]) {
                    if (c[unique - 1] != c[i]) {
                        c[unique - 1] = ANY_CONTEXT;
                    }
                } else {
                    a[unique] = a[i];
                    c[unique++] = c[i];
                }
            }
            entries = a;
            contexts = c;
            size = unique;
        }
    }

    /** Receives a worker's fingerprints, a few files' worth at a time (from several threads). */
    interface Sink {
        void accept(Fingerprints part) throws airlock.core.AirlockException;
    }

    /**
     * Fingerprints every file of {@code source} on {@code threads} threads, handing each worker's
     * entries to {@code sink} whenever it holds {@value #PART} of them (and at its end). A file that
     * cannot be read fails the build.
     */
    static void fingerprint(Source source, QuoteRules rules, int threads, ProgressMonitor monitor, Sink sink)
            throws airlock.core.AirlockException {
        List<String> paths = source.paths();
        if (paths.size() >= MAX_FILES) {
            throw new airlock.core.AirlockException("quote.index.size", "The tree has " + paths.size()
                    + " files; the quote index holds at most " + (MAX_FILES - 1) + ".");
        }
        int k = rules.k();
        int w = rules.window();
        monitor.beginTask("Fingerprinting " + paths.size() + " files", paths.size());
        int n = Math.max(1, threads);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<airlock.core.AirlockException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> crash = new java.util.concurrent.atomic.AtomicReference<>();
        Thread[] workers = new Thread[n];
        for (int t = 0; t < n; t++) {
            workers[t] = new Thread(() -> {
                Fingerprints part = new Fingerprints(1 << 16);
                try {
                    for (int id = next.getAndIncrement(); id < paths.size() && failure.get() == null && crash.get() == null
                            && !monitor.isCancelled(); id = next.getAndIncrement()) {
                        CodeTokens tokens = source.texts().tokens(id);
                        long[] grams = tokens.kgrams(k);
                        for (int c : Winnowing.select(grams, w)) {
                            part.add(entry(grams[c], id), context(tokens, c, k));
                        }
                        if (part.size >= PART) {
                            sink.accept(part);
                            part.clear();
                        }
                        int finished = done.incrementAndGet();
                        if (finished % 256 == 0) {
                            synchronized (monitor) {
                                monitor.update(finished);
                            }
                        }
                    }
                    if (part.size > 0 && failure.get() == null) {
                        sink.accept(part);
                    }
                } catch (airlock.core.AirlockException e) {
                    failure.compareAndSet(null, e);
                } catch (RuntimeException | OutOfMemoryError e) {
                    crash.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
                }
            }, "quote-index-" + t);
            workers[t].setDaemon(true);
            workers[t].start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new airlock.core.progress.CancelledException();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (crash.get() != null) {
            throw crash.get();
        }
        if (monitor.isCancelled()) {
            throw new airlock.core.progress.CancelledException();
        }
    }

    /** Entries a worker collects before handing them on (2 M: 24 MB with their contexts). */
    static final int PART = 2 << 20;

    /**
     * An index read back from its file ({@link QuoteIndexFile}): entries sorted, unique, file ids
     * below paths.size(); {@code buckets} where each bucket's entries start (as {@link #bucket} numbers them).
     */
    static QuoteIndex of(int k, int window, Table table, List<String> paths, FileTexts texts, int[] buckets) {
        return new QuoteIndex(k, window, table, paths, texts, buckets);
    }

    /** The sorted entries with their contexts, for {@link QuoteIndexFile}. */
    Table table() {
        return table;
    }

    /** The sorted entries, copied (for tests). */
    long[] entries() {
        long[] out = new long[table.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = table.entry(i);
        }
        return out;
    }

    /** The same fingerprints, reading file texts through {@code other} (same ids). */
    public QuoteIndex withTexts(FileTexts other) {
        return new QuoteIndex(k, window, table, paths, other, buckets);
    }

    private QuoteIndex(int k, int window, Table table, List<String> paths, FileTexts texts, int[] buckets) {
        this.k = k;
        this.window = window;
        this.table = table;
        this.paths = List.copyOf(paths);
        this.texts = texts;
        this.buckets = buckets;
    }

    static long entry(long kgram, int file) {
        return (kgram & ~((1L << FILE_BITS) - 1)) | file;
    }

    public int k() {
        return k;
    }

    public int window() {
        return window;
    }

    /** Whether this index was made for {@code rules} (same k and window). */
    public boolean fits(QuoteRules rules) {
        return rules.k() == k && rules.window() == window;
    }

    public int fingerprints() {
        return table.size();
    }

    public int files() {
        return paths.size();
    }

    public String path(int file) {
        return paths.get(file);
    }

    String text(int file) throws airlock.core.AirlockException {
        return texts.text(file);
    }

    CodeTokens tokens(int file) throws airlock.core.AirlockException {
        return texts.tokens(file);
    }

    /** Top bits of an entry that pick its bucket: a lookup searches one bucket (a few dozen entries for the kernel). */
    static final int BUCKET_BITS = 20;
    /** Per bucket, where its entries start (one more at the end: the size). */
    private final int[] buckets;

    static int bucket(long entry) {
        return (int) ((entry >> (64 - BUCKET_BITS)) + (1 << (BUCKET_BITS - 1))); // monotone in signed order
    }

    private static int[] buckets(Table table) {
        int[] starts = new int[(1 << BUCKET_BITS) + 1];
        int n = table.size();
        int at = 0;
        for (int b = 0; b <= 1 << BUCKET_BITS; b++) {
            while (at < n && bucket(table.entry(at)) < b) {
                at++;
            }
            starts[b] = at;
        }
        return starts;
    }

    /**
     * Puts into {@code files} and {@code contexts} the files holding fingerprint {@code kgram} and
     * the fingerprint's context in each (at most {@value #MAX_FILES_PER_FINGERPRINT}); returns how many.
     */
    int files(long kgram, int[] files, int[] contexts) {
        long key = kgram & ~((1L << FILE_BITS) - 1);
        int b = bucket(key);
        int lo = buckets[b];
        int hi = buckets[b + 1];
        while (lo < hi) { // first entry >= key (signed order, as sorted: one fingerprint's entries are contiguous)
            int mid = (lo + hi) >>> 1;
            if (table.entry(mid) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int found = 0;
        int n = table.size();
        for (int i = lo; i < n && found < MAX_FILES_PER_FINGERPRINT; i++) {
            long e = table.entry(i);
            if ((e & ~((1L << FILE_BITS) - 1)) != key) {
                break;
            }
            files[found] = (int) (e & ((1L << FILE_BITS) - 1));
            contexts[found++] = table.context(i);
        }
        return found;
    }

    /** Returned by {@link #contextOf} when the file does not hold the fingerprint. */
    static final long ABSENT = Long.MIN_VALUE;

    /**
     * The context of fingerprint {@code kgram} in {@code file}, or {@link #ABSENT}: for a
     * fingerprint held by more files than {@link #files} returns (a fingerprint's entries are
     * sorted by file, so this is one more binary search).
     */
    long contextOf(long kgram, int file) {
        long key = (kgram & ~((1L << FILE_BITS) - 1)) | file;
        int b = bucket(key);
        int lo = buckets[b];
        int hi = buckets[b + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long e = table.entry(mid);
            if (e < key) {
                lo = mid + 1;
            } else if (e > key) {
                hi = mid - 1;
            } else {
                return table.context(mid);
            }
        }
        return ABSENT;
    }

    /** The paths, for tests. */
    List<String> paths() {
        return new ArrayList<>(paths);
    }
}
