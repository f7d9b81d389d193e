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
 * recently confirmed files and is not for concurrent use.
 */
public final class QuoteCheck {
    /** At most this many candidate files are compared with one text (the ones sharing most fingerprints). */
    static final int MAX_CANDIDATES = 8;
    /** A text k-gram is compared at no more than this many of its positions in a file (bounds repetitive code). */
    static final int MAX_POSITIONS = 4;
    private static final int CACHED_FILES = 128;

    private final QuoteIndex index;
    private final QuoteRules rules;
    private final Map<Integer, FileGrams> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, FileGrams> eldest) {
            return size() > CACHED_FILES;
        }
    };

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
        List<Integer> found = new ArrayList<>();
        for (int p : prints) {
            found.clear();
            index.files(grams[p], found);
            for (int f : found) {
                shared.merge(f, 1, Integer::sum);
            }
        }
        if (shared.isEmpty()) {
            return List.of();
        }
        List<Integer> candidates = new ArrayList<>(shared.keySet());
        candidates.sort((a, b) -> shared.get(b).equals(shared.get(a)) ? Integer.compare(a, b) : Integer.compare(shared.get(b), shared.get(a)));
        List<QuotedFile> out = new ArrayList<>();
        for (int file : candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()))) {
            QuotedFile q = compare(text, grams, file, lineMap, via);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    /** A confirmed file's tokens and where each of its k-grams starts (a chained hash table), kept in the cache. */
    private static final class FileGrams {
        final CodeTokens tokens;
        final long[] keys;
        final int[] head;
        final int[] next;
        final int mask;

        FileGrams(CodeTokens tokens, int k) {
            this.tokens = tokens;
            long[] grams = tokens.kgrams(k);
            int slots = Integer.highestOneBit(Math.max(4, grams.length * 2 - 1)) << 1;
            keys = new long[slots];
            head = new int[slots];
            java.util.Arrays.fill(head, -1);
            next = new int[grams.length];
            mask = slots - 1;
            for (int p = grams.length - 1; p >= 0; p--) { // chains in increasing position order
                int slot = slot(grams[p]);
                keys[slot] = grams[p];
                next[p] = head[slot];
                head[slot] = p;
            }
        }

        private int slot(long gram) {
            int slot = (int) gram & mask;
            while (head[slot] >= 0 && keys[slot] != gram) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        /** The first position of {@code gram} in the file, or -1; {@code next[p]} gives the following ones. */
        int first(long gram) {
            return head[slot(gram)];
        }
    }

    /** Runs of at least minRunTokens shared by the text and {@code file}, compared token by token. */
    private QuotedFile compare(CodeTokens text, long[] grams, int file, List<int[]> lineMap,
                               EncodedText.Kind via) throws AirlockException {
        FileGrams cached = cache.get(file);
        if (cached == null) {
            cached = new FileGrams(CodeTokens.of(index.text(file)), rules.k());
            cache.put(file, cached);
        }
        CodeTokens source = cached.tokens;
        int n = text.size();
        int m = source.size();
        long budget = 16L * n + 100_000; // token comparisons; repetitive input stops here, runs found so far stand
        BitSet textTokens = new BitSet(n);
        BitSet sourceLineSet = new BitSet();
        TreeSet<Integer> textLines = new TreeSet<>();
        for (int q = 0; q < grams.length && budget > 0; q++) {
            int seen = 0;
            for (int p = cached.first(grams[q]); p >= 0 && seen < MAX_POSITIONS && budget > 0; p = cached.next[p], seen++) {
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
