package airlock.core.symbols;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The defined names of a symbol index held in memory for go to symbol: ASCII names packed in one byte
 * array (the kernel has 3.5 million of them), scored by a copy of {@link FuzzyMatcher}'s rules that
 * works on the bytes without allocating, and the few other names scored by {@link FuzzyMatcher} itself.
 * Per-name character, word-start and adjacent-pair sets bound what a name can score, and per-quarter
 * character sets reject names that hold the query's characters out of order, so most names are never scored;
 * the scan of all names is split over two threads when a core is free (docs/navigation.md, "Go to symbol under
 * 50 ms" and "Go to symbol on both cores"). Results: best score first, then name; at most {@code limit};
 * exactly FuzzyMatcher's, whatever the number of threads.
 */
final class NameTable {
    private final byte[] bytes;
    private final int[] start; // name i is bytes[start[i], start[i + 1])
    private final long[] ids;
    private final int[] counts;
    /**
     * Per ASCII name: the set of (lowercased) characters it holds ({@link #charBit}), plus {@link #SLASHED}
     * when it holds a '/' (its last segment can then earn the whole-name bonus): a query needing a character
     * it lacks skips it.
     */
    private final int[] masks;
    /** Per ASCII name, how many of its positions start a word (FuzzyMatcher's +8); 127: that many or more. */
    private final byte[] wordStarts;
    /** Per ASCII name, the set of (lowercased) characters at its word starts: only those can earn the +8. */
    private final int[] startMasks;
    /** Per ASCII name, a 64-bit set of its adjacent (lowercased) character pairs: only those can earn the +6. */
    private final long[] pairs;
    /**
     * Per ASCII name, its character sets ({@link #charBit}) of its four quarters by position, name i at
     * {@code quarters[4i, 4i + 4)}: a query whose characters cannot be found quarter after quarter in order is
     * not a subsequence of the name, so the name is rejected without reading its bytes.
     */
    private final int[] quarters;
    /** ASCII names of two characters or more by their lowercase first two, each list shortest first. */
    private final int[][] byTwo;
    /** The ASCII names holding a '/', in table order. */
    private final int[] slashedNames;
    private final int ascii;
    /** Names with characters outside ASCII (lowercasing can change their length): scored as strings. */
    private final String[] others;
    private final long[] otherIds;
    private final int[] otherCounts;
    private final long stamp;
    /** Runs the second half of pass 3 on the other core ({@link #helper()}); null until first needed. */
    private ThreadPoolExecutor helper;
    /** The name of {@link #helper}'s thread (benchmarks add its CPU time to the querying thread's). */
    static final String HELPER_NAME = "go-to-symbol-scan";
    private static final int HELPER_IDLE_S = 30;

    private static final int SLASHED = 1 << 31;
    /** Names filtered by their masks at a time in the scan of all names. */
    private static final int CHUNK = 4096;
    /** Tables of this many ASCII names or more split pass 3 over two threads (a thread's start is ~0.1 ms). */
    private static final int PARALLEL_FROM = 256 * 1024;
    /** A start abandoned by {@link #scoreFrom} because it could not reach the needed score. */
    private static final int TOO_LOW = FuzzyMatcher.NONE + 1;
    /** In {@link #masks}: the name has a lowercase letter followed by an uppercase one (a camel hump). */
    private static final int HUMP = 1 << 30;
    private static final int[] NONE_HERE = new int[0];

    /** Accumulates rows (name id, name, definition count) before {@link #build}. */
    static final class Loader {
        private byte[] bytes = new byte[1 << 16];
        private int size;
        private int[] start = new int[1024];
        private long[] ids = new long[1024];
        private int[] counts = new int[1024];
        private int n;
        private final List<String> others = new ArrayList<>();
        private final List<long[]> otherRows = new ArrayList<>();

        void add(long id, String name, int count) {
            if (!isAscii(name)) {
                others.add(name);
                otherRows.add(new long[] {id, count});
                return;
            }
            if (n + 2 > start.length) {
                start = Arrays.copyOf(start, start.length * 2);
                ids = Arrays.copyOf(ids, ids.length * 2);
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            while (size + name.length() > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            start[n] = size;
            for (int i = 0; i < name.length(); i++) {
                bytes[size++] = (byte) name.charAt(i);
            }
            ids[n] = id;
            counts[n] = count;
            n++;
        }

        NameTable build(long stamp) {
            start[n] = size;
            // shortest names first: a scan can stop where even a perfect match of that length scores too low
            int maxLen = 0;
            for (int i = 0; i < n; i++) {
                maxLen = Math.max(maxLen, start[i + 1] - start[i]);
            }
            int[] at = new int[maxLen + 2];
            for (int i = 0; i < n; i++) {
                at[start[i + 1] - start[i] + 1]++;
            }
            for (int l = 0; l <= maxLen; l++) {
                at[l + 1] += at[l];
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[at[start[i + 1] - start[i]]++] = i;
            }
            byte[] b2 = new byte[size];
            int[] s2 = new int[n + 1];
            long[] id2 = new long[n];
            int[] c2 = new int[n];
            int pos = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                int len = start[i + 1] - start[i];
                System.arraycopy(bytes, start[i], b2, pos, len);
                s2[k] = pos;
                pos += len;
                id2[k] = ids[i];
                c2[k] = counts[i];
            }
            s2[n] = pos;
            bytes = b2;
            start = s2;
            ids = id2;
            counts = c2;
            long[] oid = new long[others.size()];
            int[] ocount = new int[others.size()];
            for (int i = 0; i < oid.length; i++) {
                oid[i] = otherRows.get(i)[0];
                ocount[i] = (int) otherRows.get(i)[1];
            }
            return new NameTable(bytes, start, ids, counts, others.toArray(String[]::new), oid, ocount, stamp);
        }
    }

    private NameTable(byte[] bytes, int[] start, long[] ids, int[] counts, String[] others, long[] otherIds,
            int[] otherCounts, long stamp) {
        this.bytes = bytes;
        this.start = start;
        this.ids = ids;
        this.counts = counts;
        this.ascii = ids.length;
        this.masks = new int[ascii];
        this.wordStarts = new byte[ascii];
        this.startMasks = new int[ascii];
        this.pairs = new long[ascii];
        this.quarters = new int[4 * ascii];
        int[] twos = new int[128 * 128];
        int slashes = 0;
        for (int i = 0; i < ascii; i++) {
            int m = 0;
            int sm = 0;
            long pm = 0;
            int starts = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                m |= charBit(bytes[k]);
                quarters[4 * i + (int) (4L * (k - start[i]) / (start[i + 1] - start[i]))] |= charBit(bytes[k]);
                if (isBoundary(start[i], k - start[i])) {
                    starts++;
                    sm |= charBit(bytes[k]);
                }
                if (k > start[i]) {
                    pm |= pairBit(lower(bytes[k - 1]), lower(bytes[k]));
                }
                if (bytes[k] == '/') {
                    m |= SLASHED;
                }
                if (k > start[i] && bytes[k - 1] >= 'a' && bytes[k - 1] <= 'z' && bytes[k] >= 'A' && bytes[k] <= 'Z') {
                    m |= HUMP;
                }
            }
            masks[i] = m;
            startMasks[i] = sm;
            pairs[i] = pm;
            wordStarts[i] = (byte) Math.min(127, starts);
            if (start[i + 1] - start[i] >= 2) {
                twos[two(start[i])]++;
            }
            if ((m & SLASHED) != 0) {
                slashes++;
            }
        }
        this.byTwo = new int[128 * 128][];
        for (int c = 0; c < byTwo.length; c++) {
            byTwo[c] = twos[c] == 0 ? NONE_HERE : new int[twos[c]];
        }
        this.slashedNames = new int[slashes];
        int[] fill = new int[128 * 128];
        slashes = 0;
        for (int i = 0; i < ascii; i++) {
            if (start[i + 1] - start[i] >= 2) {
                int c = two(start[i]);
                byTwo[c][fill[c]++] = i;
            }
            if ((masks[i] & SLASHED) != 0) {
                slashedNames[slashes++] = i;
            }
        }
        this.others = others;
        this.otherIds = otherIds;
        this.otherCounts = otherCounts;
        this.stamp = stamp;
    }

    /** The bucket of the name starting at {@code from}: its first two characters, lowercased (ASCII). */
    private int two(int from) {
        return (lower(bytes[from]) & 0x7F) << 7 | (lower(bytes[from + 1]) & 0x7F);
    }

    /** What the table was loaded from (the index's last definition row); a different value means reload. */
    long stamp() {
        return stamp;
    }

    int size() {
        return ascii + others.length;
    }

    /** A hit: the name, its id in the index, its score and definition count. */
    record Hit(String name, long id, int score, int definitions) {
    }

    /** The best {@code limit} names for {@code query} (already stripped, not empty). */
    List<Hit> search(String query, int limit) {
        return search(query, limit, PARALLEL_FROM <= ascii && aCoreIsFree() ? 2 : 1);
    }

    /**
     * Whether the 1-minute load average is below the number of cores (some core is idle part of the time): on a
     * busy machine the helper waits for a core while the querying thread waits for it, and the split was measured
     * even or slower in wall time at load 5-7 on 2 cores (docs/navigation.md, "Go to symbol on both cores").
     */
    private static boolean aCoreIsFree() {
        int cores = Runtime.getRuntime().availableProcessors();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return cores >= 2 && load >= 0 && load < cores;
    }

    /** {@link #search(String, int)} with pass 3 split over {@code threads} threads (1 or 2; tables of 2 chunks or more). */
    List<Hit> search(String query, int limit, int threads) {
        if (query.isEmpty()) {
            return List.of(); // (SymbolIndex never asks: it strips the query and answers nothing for an empty one)
        }
        NameTop top = new NameTop(Math.max(1, limit));
        String q = query.toLowerCase(Locale.ROOT);
        if (isAscii(q) && q.length() == query.length()) {
            searchAscii(top, q.getBytes(StandardCharsets.US_ASCII), threads);
        } else if (isAscii(q)) {
            for (int i = 0; i < ascii; i++) {
                int s = FuzzyMatcher.score(query, name(i));
                if (s != FuzzyMatcher.NONE) {
                    top.offer(s, i, this);
                }
            }
        }
        // (a query that still holds a non-ASCII character once lowercased matches no ASCII name: FuzzyMatcher
        // needs every query character in the lowercased name, and an ASCII name lowercases to ASCII)
        for (int i = 0; i < others.length; i++) {
            int s = FuzzyMatcher.score(query, others[i]);
            if (s != FuzzyMatcher.NONE) {
                top.offer(s, ascii + i, this);
            }
        }
        List<Hit> out = new ArrayList<>();
        for (int i : top.sorted(this)) {
            out.add(i < ascii ? new Hit(name(i), ids[i], top.scoreOf(i), counts[i])
                    : new Hit(others[i - ascii], otherIds[i - ascii], top.scoreOf(i), otherCounts[i - ascii]));
        }
        return out;
    }

    /**
     * The ASCII names for a lowercase ASCII query. FuzzyMatcher's score of a name is, per query character,
     * +1, +2 in the last segment, +8 at a word start, and for all but the first either +6 right after the
     * previous one or minus the gap (at least 1); +50 if the whole name (or last segment) is the query, +20 if
     * it starts with it; minus length / 8. From that, the best score a name can reach is bounded by counting
     * the query characters that occur at one of its word starts (no more than it has word starts) and the
     * query's adjacent pairs that occur adjacent in it (a 64-bit set of pairs per name); a name whose bound is
     * below the worst kept hit is skipped unscored (only strictly below: ties need the score itself), and
     * since names are stored shortest first a pass stops where even the loosest bound of the current length
     * is below it. The names that start with the query go first (they carry the +20/+50 bonus, so the kept
     * hits are good early and a prefix query rarely reaches the other names at all), then those holding a
     * '/', then all others.
     */
    private void searchAscii(NameTop top, byte[] qb, int threads) {
        int k = qb.length;
        int need = 0;
        int[] qbits = new int[k];
        for (int i = 0; i < k; i++) {
            qbits[i] = charBit(qb[i]);
            need |= qbits[i];
        }
        long[] qpairs = new long[k - 1];
        for (int i = 1; i < k; i++) {
            qpairs[i - 1] = pairBit(qb[i - 1], qb[i]);
        }
        // per query position t >= 1, whether it can be consecutive and at a word start at once: 1 after a
        // separator ('/', '_', '-', '.', ' '), 2 between two letters (a camel hump in the name)
        int[] joins = new int[k];
        for (int t = 1; t < k; t++) {
            byte p = qb[t - 1];
            joins[t] = p == '/' || p == '_' || p == '-' || p == '.' || p == ' ' ? 1
                    : p >= 'a' && p <= 'z' && qb[t] >= 'a' && qb[t] <= 'z' ? 2 : 0;
        }
        int base = 3 * k + 6 * (k - 1);
        // 1. names starting with the query (but holding no '/'): a one-letter query walks the table from the
        // shortest name (a prefix name of length > 1 scores at most base + 8 + 20 - length / 8), a longer one
        // its first two characters' list
        int[] lead = k == 1 ? null : byTwo[(qb[0] & 0x7F) << 7 | (qb[1] & 0x7F)];
        int leadCount = k == 1 ? ascii : lead.length;
        for (int n = 0; n < leadCount; n++) {
            int i = k == 1 ? n : lead[n];
            int from = start[i];
            int len = start[i + 1] - from;
            if (top.full() && len > k && base + 8 * k + 20 - len / 8 < top.worstScore()) {
                break;
            }
            if (len < k || (masks[i] & SLASHED) != 0 || !regionEquals(qb, from) || (masks[i] & need) != need) {
                continue; // (a name with a '/' can earn +50 for its last segment: pass 2 takes it, without a stop)
            }
            if (top.full() && bound(qb, i, base) < top.worstScore()) {
                continue;
            }
            offerScore(top, qb, i);
        }
        // 2. names holding a '/' (few): their last segment may earn the bonus, so no length stops this pass
        for (int i : slashedNames) {
            if ((masks[i] & need) != need) {
                continue;
            }
            if (top.full() && bound(qb, i, base) < top.worstScore()) {
                continue;
            }
            offerScore(top, qb, i);
        }
        // 3. every other name: no bonus; 3k - (k - 1) + 8 word starts + 7 per adjacent pair at best
        int fixed = 3 * k - (k - 1);
        int spareChars = k - Integer.bitCount(need);
        long qpairSet = 0;
        for (long p : qpairs) {
            qpairSet |= p;
        }
        int sparePairs = (k - 1) - Long.bitCount(qpairSet);
        int[] rest = new int[k + 1]; // the most query characters t.. can add to a name without the bonus
        for (int t = k - 1; t >= 0; t--) {
            rest[t] = rest[t + 1] + (t == 0 ? 11 : joins[t] != 0 ? 17 : 10);
        }
        int loosest = fixed + 8 * k + 7 * (k - 1);
        Pass3 p3 = new Pass3(qb, need, spareChars, qpairSet, sparePairs, fixed, qbits, qpairs, joins, rest, loosest);
        if (threads < 2 || ascii < 2 * CHUNK) {
            scanRest(top, p3, null, 0, 1);
            return;
        }
        // both cores: the other thread takes every other chunk; both offer to the one set of kept hits (under its
        // lock: few names get that far) and read its worst kept score, once 'limit' hits are kept, as the floor
        AtomicInteger floor = new AtomicInteger(top.full() ? top.worstScore() : Integer.MIN_VALUE);
        FutureTask<Void> helper = new FutureTask<>(() -> {
            scanRest(top, p3, floor, 1, 2);
            return null;
        });
        helper().execute(helper);
        try {
            scanRest(top, p3, floor, 0, 2);
        } finally {
            awaitHelper(helper);
        }
    }

    /**
     * The table's helper thread for pass 3 (named {@value #HELPER_NAME}), started on first use and ended after
     * {@value #HELPER_IDLE_S} s idle, so typing a query reuses it rather than starting a thread per keystroke.
     */
    private synchronized ThreadPoolExecutor helper() {
        if (helper == null) {
            helper = new ThreadPoolExecutor(1, 1, HELPER_IDLE_S, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, HELPER_NAME);
                t.setDaemon(true);
                return t;
            });
            helper.allowCoreThreadTimeOut(true);
        }
        return helper;
    }

    /** The query's constants for pass 3, shared (read only) by the threads scanning it. */
    private record Pass3(byte[] qb, int need, int spareChars, long qpairSet, int sparePairs, int fixed, int[] qbits,
            long[] qpairs, int[] joins, int[] rest, int loosest) {
    }

    /** Waits for the helper scan even if this thread is interrupted (its hits are needed), then rethrows its failure. */
    private static void awaitHelper(FutureTask<Void> helper) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    helper.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException r) {
                        throw r;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The worst score a name must reach to enter: with one thread that of the kept hits once they are full; with
     * two ({@code floor} not null: the kept hits are shared) the floor, which is that score kept up to date under
     * the kept hits' lock; {@link Integer#MIN_VALUE} while fewer than 'limit' hits are kept.
     */
    private static int worst(NameTop top, AtomicInteger floor) {
        if (floor != null) {
            return floor.get();
        }
        return top.full() ? top.worstScore() : Integer.MIN_VALUE;
    }

    /**
     * Pass 3 over the chunks {@code part}, {@code part + parts}, ... of the table: first the names holding every
     * query character (a tight loop over the masks alone), then those.
     */
    private void scanRest(NameTop top, Pass3 p, AtomicInteger floor, int part, int parts) {
        int[] held = new int[CHUNK];
        int needHere = p.need | SLASHED;
        for (int lo = part * CHUNK; lo < ascii; lo += parts * CHUNK) {
            if (p.loosest - (start[lo + 1] - start[lo]) / 8 < worst(top, floor)) {
                return; // even the chunk's shortest name cannot enter, nor any later one
            }
            int hi = Math.min(ascii, lo + CHUNK);
            int n = 0;
            for (int i = lo; i < hi; i++) {
                held[n] = i;
                n += (masks[i] & needHere) == p.need ? 1 : 0;
            }
            for (int c = 0; c < n; c++) {
                if (!scoreIfItCanEnter(top, floor, p, held[c])) {
                    return;
                }
            }
        }
    }

    /**
     * Pass 3's step for one name holding every query character: false when no longer name can enter (names are
     * shortest first), else scores it unless its bound says it cannot enter.
     */
    private boolean scoreIfItCanEnter(NameTop top, AtomicInteger floor, Pass3 p, int i) {
        int from = start[i];
        int len = start[i + 1] - from;
        int worst = worst(top, floor);
        if (worst != Integer.MIN_VALUE) {
            if (p.loosest - len / 8 < worst) {
                return false;
            }
            int k = p.qb.length;
            int sm = startMasks[i];
            long pm = pairs[i];
            // at most this many query characters at word starts / pairs adjacent: each set bit stands for
            // its query characters (a bit can stand for several: repeated or folded characters)
            int hits = Math.min(Integer.bitCount(sm & p.need) + p.spareChars, starts(i));
            int adjacent = Long.bitCount(pm & p.qpairSet) + p.sparePairs;
            if (p.fixed + 8 * hits + 7 * Math.min(adjacent, k - 1) - len / 8 < worst) {
                return true;
            }
            if (!inOrder(p.qbits, i)) {
                return true; // not a subsequence: FuzzyMatcher gives no score
            }
            // the same per query character: a character both right after the previous one and at a word start
            // earns 17 only where a pair can be both (after a separator, or a camel hump), else at most 10
            int humps = (masks[i] & HUMP) != 0 ? -1 : 0;
            int best = (p.qbits[0] & sm) != 0 ? 11 : 3;
            for (int t = 1; t < k; t++) {
                boolean atStart = (p.qbits[t] & sm) != 0;
                int v = atStart ? 10 : 2;
                if ((p.qpairs[t - 1] & pm) != 0) {
                    v = atStart && (p.joins[t] & (1 | humps)) != 0 ? 17 : Math.max(v, 9);
                }
                best += v;
            }
            if (best - len / 8 < worst) {
                return true;
            }
        } else if (!inOrder(p.qbits, i)) {
            return true;
        }
        byte[] qb = p.qb;
        // (the bounds above read no name bytes, so they go first; a prefix name was scored in pass 1)
        if (len >= qb.length && lower(bytes[from]) == qb[0] && regionEquals(qb, from)) {
            return true;
        }
        int s = worst != Integer.MIN_VALUE ? score(qb, from, start[i + 1], false, p.rest, worst + len / 8)
                : score(qb, from, start[i + 1], false, null, 0);
        // (a score below the worst may be too low: starts that could not reach it were abandoned)
        if (s != FuzzyMatcher.NONE && s >= worst) {
            if (floor == null) {
                top.offer(s, i, this);
            } else {
                synchronized (top) {
                    top.offer(s, i, this);
                    if (top.full()) {
                        floor.set(top.worstScore()); // (only rises: the kept hits' worst never falls)
                    }
                }
            }
        }
        return true;
    }

    /**
     * Whether the query's characters ({@code qbits}, their {@link #charBit}s in order) can be found in name
     * {@code i}'s quarters in order: a query character matched at a position of quarter g has its bit in that
     * quarter's set, and matches are in increasing positions, so a subsequence always passes.
     */
    private boolean inOrder(int[] qbits, int i) {
        int at = 4 * i;
        int end = at + 4;
        for (int b : qbits) {
            while ((quarters[at] & b) == 0) {
                if (++at == end) {
                    return false;
                }
            }
        }
        return true;
    }

    private void offerScore(NameTop top, byte[] qb, int i) {
        int s = score(qb, start[i], start[i + 1], (masks[i] & SLASHED) != 0, null, 0);
        if (s != FuzzyMatcher.NONE) {
            top.offer(s, i, this);
        }
    }

    /** The best score name {@code i} could reach for the lowercase query {@code q} ({@code base}: 3k + 6(k - 1)). */
    private int bound(byte[] q, int i, int base) {
        int from = start[i];
        int len = start[i + 1] - from;
        int bonus;
        if ((masks[i] & SLASHED) != 0) {
            bonus = 50;
        } else if (len >= q.length && regionEquals(q, from)) {
            bonus = len == q.length ? 50 : 20;
        } else {
            bonus = 0;
        }
        return base + 8 * startHits(q, i) + bonus - len / 8;
    }

    /**
     * How many query characters can land on a word start of name {@code i}: those whose character is at one
     * of its word starts at all, and no more than it has word starts.
     */
    private int startHits(byte[] q, int i) {
        int m = startMasks[i];
        int n = 0;
        for (byte b : q) {
            if ((charBit(b) & m) != 0) {
                n++;
            }
        }
        return Math.min(n, starts(i));
    }

    /** How many word starts name {@code i} has; 127 stands for "127 or more", so it caps nothing. */
    private int starts(int i) {
        return wordStarts[i] < 127 ? wordStarts[i] : Integer.MAX_VALUE;
    }

    private String name(int i) {
        return i < ascii ? new String(bytes, start[i], start[i + 1] - start[i], StandardCharsets.ISO_8859_1)
                : others[i - ascii];
    }

    /** Name order for equal scores: compares names i and j (either kind). */
    int compareNames(int i, int j) {
        if (i < ascii && j < ascii) {
            return Arrays.compare(bytes, start[i], start[i + 1], bytes, start[j], start[j + 1]);
        }
        return name(i).compareTo(name(j));
    }

    /**
     * {@link FuzzyMatcher#score} for an ASCII name in {@code bytes[from, to)} and a lowercase ASCII query:
     * the same rules step by step (lowercasing ASCII keeps every index, so positions agree).
     */
    private int score(byte[] q, int from, int to, boolean slashed, int[] rest, int needed) {
        int len = to - from;
        int basename = 0;
        for (int i = to - 1; slashed && i >= from; i--) {
            if (bytes[i] == '/') {
                basename = i - from + 1;
                break;
            }
        }
        byte first = q[0];
        int best = FuzzyMatcher.NONE;
        int tries = 0;
        for (int s = indexOf(first, from, to, 0); s >= 0 && tries < 16; s = indexOf(first, from, to, s + 1), tries++) {
            int sc = scoreFrom(q, from, len, s, basename, rest, needed);
            if (sc == FuzzyMatcher.NONE) {
                break; // a later start cannot match either: the query is not a subsequence from here
            }
            if (sc == TOO_LOW) {
                continue; // abandoned below the needed score: this start cannot enter the kept hits
            }
            if (sc > best) {
                best = sc;
            }
        }
        if (best == FuzzyMatcher.NONE) {
            return FuzzyMatcher.NONE;
        }
        int tail = len - basename;
        if ((len == q.length && regionEquals(q, from)) || (tail == q.length && regionEquals(q, from + basename))) {
            best += 50; // the whole name (or its last segment) is the query
        } else if (tail >= q.length && regionEquals(q, from + basename)) {
            best += 20;
        }
        return best - len / 8;
    }

    private boolean regionEquals(byte[] q, int at) {
        for (int i = 0; i < q.length; i++) {
            if (lower(bytes[at + i]) != q[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte b, int from, int to, int fromIndex) {
        for (int i = from + fromIndex; i < to; i++) {
            if (lower(bytes[i]) == b) {
                return i - from;
            }
        }
        return -1;
    }

    private int scoreFrom(byte[] q, int from, int len, int startAt, int basename, int[] rest, int needed) {
        int score = 0;
        int prev = -2;
        int j = startAt;
        for (int i = 0; i < q.length; i++) {
            if (rest != null && score + rest[i] < needed) {
                return TOO_LOW;
            }
            byte ch = q[i];
            while (j < len && lower(bytes[from + j]) != ch) {
                j++;
            }
            if (j >= len) {
                return FuzzyMatcher.NONE;
            }
            score += 1;
            if (j == prev + 1) {
                score += 6;
            } else if (prev >= 0) {
                score -= Math.min(5, j - prev - 1);
            }
            if (isBoundary(from, j)) {
                score += 8;
            }
            if (j >= basename) {
                score += 2;
            }
            prev = j;
            j++;
        }
        return score;
    }

    private boolean isBoundary(int from, int i) {
        if (i == 0) {
            return true;
        }
        byte p = bytes[from + i - 1];
        byte c = bytes[from + i];
        return p == '/' || p == '_' || p == '-' || p == '.' || p == ' '
                || (p >= 'a' && p <= 'z' && c >= 'A' && c <= 'Z');
    }

    /** A character's bit in the per-name sets: a-z one each, '_' one, digits two, others one (lowercased). */
    private static int charBit(byte b) {
        int c = lower(b);
        if (c >= 'a' && c <= 'z') {
            return 1 << (c - 'a');
        }
        if (c == '_') {
            return 1 << 26;
        }
        if (c >= '0' && c <= '9') {
            return 1 << (27 + (c & 1));
        }
        return 1 << 29;
    }

    /** An adjacent pair's bit (0–63) in the per-name pair sets; both characters lowercased. */
    private static long pairBit(byte a, byte b) {
        return 1L << (int) (((a & 0xFF) * 131L + (b & 0xFF)) * 0x9E3779B97F4A7C15L >>> 58);
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
