package airlock.core.quote;

import airlock.core.AirlockException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a text that is about to leave the room against the reviewed tree: every run of at least
 * {@link QuoteRules#minRunTokens()} consecutive {@link CodeTokens} that also occurs in a file of
 * the tree is a quote of that file, whatever its indentation, line breaks, letter case or
 * invisible characters; encoded blobs are decoded and checked the same way. Method: the text's
 * winnowing fingerprints are looked up in the {@link QuoteIndex}; the files sharing the most are
 * read again and compared token by token, so every reported run is real (no hash coincidence
 * reaches the report). Work per text is bounded by its length; an instance caches the tokens of
 * recently compared files (at most {@value #CACHED_TOKENS} tokens, about 100 MB) and may be used by
 * several threads at once ({@link QuoteReport.Builder} scans on every core).
 */
public final class QuoteCheck {
    /** At most this many candidate files are compared with one text (the ones sharing most fingerprints). */
    static final int MAX_CANDIDATES = 8;
    /** A text k-gram is compared at no more than this many of its positions in a file (bounds repetitive code). */
    static final int MAX_POSITIONS = 4;
    /** The cache of compared files holds at most this many of their tokens (about 50 bytes each with the k-gram table). */
    static final long CACHED_TOKENS = 2L << 20;
    /** A file of more k-grams than this is given a position table when read, rather than passed over for each text. */
    static final int LARGE_FILE = 16_384;

    private final QuoteIndex index;
    private final QuoteRules rules;
    /** Guarded by itself: recently compared files, least recently used first. */
    private final LinkedHashMap<Integer, FileGrams> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedTokens;

    public QuoteCheck(QuoteIndex index, QuoteRules rules) {
        if (!index.fits(rules) && index.files() > 0) {
            throw new IllegalArgumentException("the quote index was made for k=" + index.k() + ", window=" + index.window()
                    + "; the rules need k=" + rules.k() + ", window=" + rules.window());
        }
        this.index = index;
        this.rules = rules;
    }

    /** A check with no tree: only the encoded-text budget applies. */
    public static QuoteCheck withoutTree(QuoteRules rules) {
        return new QuoteCheck(QuoteIndex.empty(rules), rules);
    }

    public QuoteRules rules() {
        return rules;
    }

    /** Whether a tree is behind this check (false: content is not compared, only encodings counted). */
    public boolean hasTree() {
        return index.files() > 0;
    }

    /** What one text carries: the files it quotes and the encoded blobs in it. Never throws on the text. */
    public TextScan scan(String text) throws AirlockException {
        if (text == null || text.isEmpty()) {
            return TextScan.EMPTY;
        }
        Map<String, QuotedFile> files = new LinkedHashMap<>();
        for (QuotedFile q : match(CodeTokens.of(text), null, null)) {
            files.put(q.path(), q);
        }
        List<EncodedText.Blob> blobs = EncodedText.find(text);
        if (!blobs.isEmpty() && hasTree()) {
            decoded(blobs, files);
        }
        return new TextScan(List.copyOf(files.values()), blobs);
    }

    /** Checks the decoded blobs as one text (so a quote split over several blobs is whole again), one level deeper too. */
    private void decoded(List<EncodedText.Blob> blobs, Map<String, QuotedFile> files) throws AirlockException {
        StringBuilder joined = new StringBuilder();
        List<int[]> lineToBlobLines = new ArrayList<>(); // per line of the joined text: first and last line of its blob
        EncodedText.Kind kind = null;
        for (EncodedText.Blob b : blobs) {
            String text = b.decoded();
            if (text == null) {
                continue;
            }
            kind = kind == null ? b.kind() : kind;
            List<String> parts = new ArrayList<>(List.of(text));
            for (EncodedText.Blob inner : EncodedText.find(text)) {
                if (inner.decoded() != null) {
                    parts.add(inner.decoded());
                }
            }
            for (String part : parts) {
                int lines = 1;
                for (int i = 0; i < part.length(); i++) {
                    if (part.charAt(i) == '\n') {
                        lines++;
                    }
                }
                for (int i = 0; i < lines; i++) {
                    lineToBlobLines.add(new int[] {b.firstLine(), b.lastLine()});
                }
                joined.append(part).append('\n');
            }
        }
        if (joined.length() == 0) {
            return;
        }
        for (QuotedFile q : match(CodeTokens.of(joined), lineToBlobLines, kind)) {
            files.merge(q.path(), q, (a, b) -> a.tokens() >= b.tokens() ? a : b);
        }
    }

    private List<QuotedFile> match(CodeTokens text, List<int[]> lineMap, EncodedText.Kind via) throws AirlockException {
        int n = text.size();
        if (n < rules.minRunTokens() || !hasTree()) {
            return List.of();
        }
        int k = rules.k();
        long[] grams = text.kgrams(k);
        int[] prints = Winnowing.select(grams, rules.window());
        Map<Integer, Integer> shared = new HashMap<>();
        java.util.Set<Integer> mayQuote = new java.util.HashSet<>();
        int[] found = new int[QuoteIndex.MAX_FILES_PER_FINGERPRINT];
        int[] contexts = new int[QuoteIndex.MAX_FILES_PER_FINGERPRINT];
        List<Integer> crowded = new ArrayList<>(); // prints held by more files than a lookup returns
        for (int p : prints) {
            int count = index.files(grams[p], found, contexts);
            if (count == QuoteIndex.MAX_FILES_PER_FINGERPRINT) {
                crowded.add(p);
            }
            for (int i = 0; i < count; i++) {
                shared.merge(found[i], 1, Integer::sum);
                if (QuoteIndex.mayShareRun(text, p, k, rules.minRunTokens(), contexts[i])) {
                    mayQuote.add(found[i]);
                }
            }
        }
        if (mayQuote.isEmpty() && crowded.isEmpty()) {
            return List.of();
        }
        // the files sharing most fingerprints are the candidates, as always; of those, a file whose every shared
        // fingerprint has other neighbours than the text's cannot share a run of minRunTokens: it is not read
        List<Integer> candidates = new ArrayList<>(shared.keySet());
        candidates.sort((a, b) -> shared.get(b).equals(shared.get(a)) ? Integer.compare(a, b) : Integer.compare(shared.get(b), shared.get(a)));
        List<QuotedFile> out = new ArrayList<>();
        TextGrams table = null;
        for (int file : candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()))) {
            if (!mayQuote.contains(file) && !mayQuoteThrough(text, grams, crowded, file)) {
                continue;
            }
            table = table == null ? new TextGrams(grams) : table;
            QuotedFile q = compare(text, grams, table, file, lineMap, via);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    /** Whether one of the crowded prints (more files than a lookup returns) has a context in {@code file} that lets a run through. */
    private boolean mayQuoteThrough(CodeTokens text, long[] grams, List<Integer> crowded, int file) {
        for (int p : crowded) {
            long ctx = index.contextOf(grams[p], file);
            if (ctx != QuoteIndex.ABSENT && QuoteIndex.mayShareRun(text, p, rules.k(), rules.minRunTokens(), (int) ctx)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A compared file's tokens, kept in the cache (its k-gram hashes are rolled again per text: an
     * array of them would double what a read allocates); for a large file also where
     * each of its k-grams starts (a chained hash table), so that texts compared with it again do
     * not pass over all of it.
     */
    private static final class FileGrams {
        final CodeTokens tokens;
        final int k;
        private long[] keys;
        private int[] head;
        private int[] next;
        private int mask;

        FileGrams(CodeTokens tokens, int k) {
            this.tokens = tokens;
            this.k = k;
        }

        /** Makes the position table once (callers hold this object's lock or see it made). */
        synchronized void index() {
            if (head != null) {
                return;
            }
            long[] grams = tokens.kgrams(k);
            int slots = Integer.highestOneBit(Math.max(4, grams.length * 2 - 1)) << 1;
            long[] k = new long[slots];
            int[] h = new int[slots];
            java.util.Arrays.fill(h, -1);
            int[] n = new int[grams.length];
            int m = slots - 1;
            for (int p = grams.length - 1; p >= 0; p--) { // chains in increasing position order
                int slot = slot(k, h, m, grams[p]);
                k[slot] = grams[p];
                n[p] = h[slot];
                h[slot] = p;
            }
            keys = k;
            next = n;
            mask = m;
            head = h;
        }

        synchronized boolean indexed() {
            return head != null;
        }

        private static int slot(long[] keys, int[] head, int mask, long gram) {
            int slot = (int) gram & mask;
            while (head[slot] >= 0 && keys[slot] != gram) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        /** Records the first {@value #MAX_POSITIONS} positions of each of {@code text}'s k-grams in this file. */
        void locate(TextGrams text) {
            long[] k;
            int[] h;
            int[] n;
            int m;
            synchronized (this) {
                k = keys;
                h = head;
                n = next;
                m = mask;
            }
            for (int id = 0; id < text.counts.length; id++) {
                int c = 0;
                for (int p = h[slot(k, h, m, text.gramOf[id])]; p >= 0 && c < MAX_POSITIONS; p = n[p]) {
                    text.positions[id * MAX_POSITIONS + c++] = p;
                }
                text.counts[id] = c;
            }
        }
    }

    /**
     * The distinct k-grams of one text, each with the first {@value #MAX_POSITIONS} positions where
     * it occurs in one file: made by one pass over the file's k-grams (the table is the text's,
     * small, so the pass stays in the processor's cache).
     */
    private static final class TextGrams {
        final int[] distinct; // per text position: its k-gram's number among the distinct ones
        final long[] keys;
        final int[] ids; // per slot: distinct number + 1, 0 for an empty slot
        final int mask;
        final int[] counts;
        final int[] positions;
        final long[] gramOf; // per distinct number: the k-gram
        final long[] present = new long[1 << 10]; // a bit per top 16 bits of the text's k-grams: most file k-grams stop here

        TextGrams(long[] grams) {
            int slots = Integer.highestOneBit(Math.max(4, grams.length * 2 - 1)) << 1;
            keys = new long[slots];
            ids = new int[slots];
            mask = slots - 1;
            distinct = new int[grams.length];
            int count = 0;
            for (int q = 0; q < grams.length; q++) {
                int slot = slot(grams[q]);
                if (ids[slot] == 0) {
                    keys[slot] = grams[q];
                    ids[slot] = ++count;
                }
                distinct[q] = ids[slot] - 1;
                present[(int) (grams[q] >>> 54)] |= 1L << (grams[q] >>> 48);
            }
            counts = new int[count];
            positions = new int[count * MAX_POSITIONS];
            gramOf = new long[count];
            for (int slot = 0; slot < slots; slot++) {
                if (ids[slot] != 0) {
                    gramOf[ids[slot] - 1] = keys[slot];
                }
            }
        }

        private int slot(long gram) {
            int slot = (int) (gram ^ (gram >>> 32)) & mask;
            while (ids[slot] != 0 && keys[slot] != gram) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        /** Records where the text's k-grams occur in the file's (the first few places of each, in order). */
        void locate(CodeTokens file, int k) {
            java.util.Arrays.fill(counts, 0);
            file.eachKgram(k, (p, g) -> {
                if ((present[(int) (g >>> 54)] & (1L << (g >>> 48))) == 0) {
                    return;
                }
                int id = ids[slot(g)] - 1;
                if (id >= 0 && counts[id] < MAX_POSITIONS) {
                    positions[id * MAX_POSITIONS + counts[id]++] = p;
                }
            });
        }
    }

    /** File {@code file}'s tokens and k-gram table, from the cache or read and made (outside the lock). */
    private FileGrams cached(int file) throws AirlockException {
        synchronized (cache) {
            FileGrams hit = cache.get(file);
            if (hit != null) {
                return hit;
            }
        }
        CodeTokens tokens = index.tokens(file);
        FileGrams made = new FileGrams(tokens, rules.k());
        if (tokens.size() > LARGE_FILE) {
            made.index(); // compared again and again (generated headers share idioms with much code): look up, do not pass over
        }
        synchronized (cache) {
            FileGrams raced = cache.get(file); // another thread made it meanwhile: keep one
            if (raced != null) {
                return raced;
            }
            cache.put(file, made);
            cachedTokens += made.tokens.size();
            for (var it = cache.entrySet().iterator(); cachedTokens > CACHED_TOKENS && cache.size() > 1 && it.hasNext(); ) {
                cachedTokens -= it.next().getValue().tokens.size();
                it.remove();
            }
        }
        return made;
    }

    /** Runs of at least minRunTokens shared by the text and {@code file}, compared token by token. */
    private QuotedFile compare(CodeTokens text, long[] grams, TextGrams at, int file, List<int[]> lineMap,
                               EncodedText.Kind via) throws AirlockException {
        FileGrams cached = cached(file);
        CodeTokens source = cached.tokens;
        if (cached.indexed()) {
            cached.locate(at);
        } else {
            at.locate(cached.tokens, cached.k);
        }
        int n = text.size();
        int m = source.size();
        long budget = 16L * n + 100_000; // token comparisons; repetitive input stops here, runs found so far stand
        BitSet textTokens = new BitSet(n);
        BitSet sourceLineSet = new BitSet();
        TreeSet<Integer> textLines = new TreeSet<>();
        for (int q = 0; q < grams.length && budget > 0; q++) {
            int id = at.distinct[q];
            for (int seen = 0; seen < at.counts[id] && budget > 0; seen++) {
                int p = at.positions[id * MAX_POSITIONS + seen];
                if (q > 0 && p > 0 && text.hash(q - 1) == source.hash(p - 1)) {
                    continue; // inside a diagonal already extended from its start
                }
                int len = 0;
                while (q + len < n && p + len < m && text.hash(q + len) == source.hash(p + len)) {
                    len++;
                }
                budget -= len + 1;
                if (len >= rules.minRunTokens()) {
                    // each token of the text counts once, at the first place found: code repeated in the file is not quoted twice
                    for (int t = textTokens.nextClearBit(q); t < q + len; t = textTokens.nextClearBit(t + 1)) {
                        sourceLineSet.set(source.line(p + t - q));
                    }
                    textTokens.set(q, q + len);
                    for (int line = text.line(q); line <= text.line(q + len - 1); line++) {
                        if (lineMap == null) {
                            textLines.add(line);
                        } else if (line - 1 < lineMap.size()) {
                            int[] blob = lineMap.get(line - 1);
                            for (int l = blob[0]; l <= blob[1]; l++) {
                                textLines.add(l);
                            }
                        }
                    }
                }
            }
        }
        if (textTokens.isEmpty()) {
            return null;
        }
        return new QuotedFile(index.path(file), textTokens.cardinality(), sourceLineSet.cardinality(), sourceLineSet.nextSetBit(0),
                sourceLineSet.length() - 1, textLines.stream().mapToInt(Integer::intValue).toArray(), via);
    }

    /**
     * What one text carries.
     *
     * @param files the source files it quotes
     * @param blobs the encoded blobs in it (each counts against the budget)
     */
    public record TextScan(List<QuotedFile> files, List<EncodedText.Blob> blobs) {
        public static final TextScan EMPTY = new TextScan(List.of(), List.of());

        public TextScan {
            files = List.copyOf(files);
            blobs = List.copyOf(blobs);
        }

        public int encodedBytes() {
            return blobs.stream().mapToInt(EncodedText.Blob::chars).sum();
        }

        /** The text's lines that carry a quote or a blob (what a redaction removes). */
        public java.util.SortedSet<Integer> lines() {
            TreeSet<Integer> out = new TreeSet<>();
            files.forEach(f -> java.util.Arrays.stream(f.textLines()).forEach(out::add));
            blobs.forEach(b -> {
                for (int l = b.firstLine(); l <= b.lastLine(); l++) {
                    out.add(l);
                }
            });
            return out;
        }
    }
}
