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
    private final long[] entries;
    private final List<String> paths;
    private final FileTexts texts;

    /** Reads file {@code id}'s text again when a fingerprint hit has to be confirmed. */
    public interface FileTexts {
        String text(int id) throws airlock.core.AirlockException;
    }

    /** One file to index: its path and how to read its text. */
    public interface Source {
        /** Files in a fixed order; file ids are positions in this list. */
        List<String> paths();

        FileTexts texts();
    }

    private QuoteIndex(int k, int window, long[] entries, List<String> paths, FileTexts texts) {
        this.k = k;
        this.window = window;
        this.entries = entries;
        this.paths = List.copyOf(paths);
        this.texts = texts;
    }

    /** An index of nothing: content never matches, the encoded-text budget still applies. */
    public static QuoteIndex empty(QuoteRules rules) {
        return new QuoteIndex(rules.k(), rules.window(), new long[0], List.of(), id -> "");
    }

    /**
     * Fingerprints every file of {@code source} with {@code rules}' k and window, on {@code threads}
     * threads. A file that cannot be read fails the build (an index that silently lacks a file
     * would let its code leave unnoticed).
     */
    public static QuoteIndex build(Source source, QuoteRules rules, int threads, ProgressMonitor monitor)
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
        long[][] parts = new long[n][];
        int[] sizes = new int[n];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<airlock.core.AirlockException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread[] workers = new Thread[n];
        for (int t = 0; t < n; t++) {
            final int slot = t;
            workers[t] = new Thread(() -> {
                long[] part = new long[1 << 16];
                int size = 0;
                for (int id = next.getAndIncrement(); id < paths.size() && failure.get() == null && !monitor.isCancelled();
                     id = next.getAndIncrement()) {
                    String text;
                    try {
                        text = source.texts().text(id);
                    } catch (airlock.core.AirlockException e) {
                        failure.compareAndSet(null, e);
                        break;
                    }
                    long[] grams = CodeTokens.of(text).kgrams(k);
                    int[] chosen = Winnowing.select(grams, w);
                    if (size + chosen.length > part.length) {
                        part = Arrays.copyOf(part, Math.max(part.length * 2, size + chosen.length));
                    }
                    for (int c : chosen) {
                        part[size++] = entry(grams[c], id);
                    }
                    int finished = done.incrementAndGet();
                    if (finished % 256 == 0) {
                        synchronized (monitor) {
                            monitor.update(finished);
                        }
                    }
                }
                parts[slot] = part;
                sizes[slot] = size;
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
        if (monitor.isCancelled()) {
            throw new airlock.core.progress.CancelledException();
        }
        long total = 0;
        for (int size : sizes) {
            total += size;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new airlock.core.AirlockException("quote.index.size", "The tree has " + total
                    + " fingerprints; the quote index holds at most " + (Integer.MAX_VALUE - 16) + ".");
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (int t = 0; t < n; t++) {
            System.arraycopy(parts[t], 0, all, at, sizes[t]);
            at += sizes[t];
            parts[t] = null;
        }
        Arrays.parallelSort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[unique - 1]) {
                all[unique++] = all[i];
            }
        }
        monitor.endTask();
        return new QuoteIndex(k, w, Arrays.copyOf(all, unique), paths, source.texts());
    }

    /** An index read back from its file ({@link QuoteIndexFile}): entries sorted, unique, file ids below paths.size(). */
    static QuoteIndex of(int k, int window, long[] entries, List<String> paths, FileTexts texts) {
        return new QuoteIndex(k, window, entries, paths, texts);
    }

    /** The sorted entries, for {@link QuoteIndexFile} (not copied: never change them). */
    long[] entries() {
        return entries;
    }

    /** The same fingerprints, reading file texts through {@code other} (same ids). */
    public QuoteIndex withTexts(FileTexts other) {
        return new QuoteIndex(k, window, entries, paths, other);
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
        return entries.length;
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

    /** Adds to {@code out} the files holding fingerprint {@code kgram} (at most {@value #MAX_FILES_PER_FINGERPRINT}). */
    void files(long kgram, List<Integer> out) {
        long key = kgram & ~((1L << FILE_BITS) - 1);
        int lo = 0;
        int hi = entries.length;
        while (lo < hi) { // first entry >= key (signed order, as sorted: one fingerprint's entries are contiguous)
            int mid = (lo + hi) >>> 1;
            if (entries[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo, found = 0; i < entries.length && found < MAX_FILES_PER_FINGERPRINT
                && (entries[i] & ~((1L << FILE_BITS) - 1)) == key; i++, found++) {
            out.add((int) (entries[i] & ((1L << FILE_BITS) - 1)));
        }
    }

    /** The paths, for tests. */
    List<String> paths() {
        return new ArrayList<>(paths);
    }
}
