package airlock.core.symbols;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The defined names of a symbol index held in memory for go to symbol: ASCII names packed in one byte
 * array (the kernel has about 800,000 of them), scored by a copy of {@link FuzzyMatcher}'s rules that
 * works on the bytes without allocating, and the few other names scored by {@link FuzzyMatcher} itself.
 * A SQL {@code LIKE '%a%b%'} scan took 430–590 ms on the kernel and stopped at 200,000 candidates; this
 * scans every name in tens of milliseconds. Results: best score first, then name; at most {@code limit}.
 */
final class NameTable {
    private final byte[] bytes;
    private final int[] start; // name i is bytes[start[i], start[i + 1])
    private final long[] ids;
    private final int[] counts;
    /** Per ASCII name, the set of (lowercased) characters it holds: a query needing one it lacks skips it. */
    private final long[] masks;
    /** Per ASCII name, how many of its positions start a word (FuzzyMatcher's +8), capped at 127. */
    private final byte[] wordStarts;
    /** Per ASCII name, the set of (lowercased) characters at its word starts: only those can earn the +8. */
    private final long[] startMasks;
    /** Per ASCII name, whether it holds a '/' (its last segment can then earn the whole-name bonus). */
    private final boolean[] slashed;
    /** ASCII names by lowercase first character (ascending index, so shortest first). */
    private final int[][] byFirst;
    private final int ascii;
    /** Names with characters outside ASCII (lowercasing can change their length): scored as strings. */
    private final String[] others;
    private final long[] otherIds;
    private final int[] otherCounts;
    private final long stamp;

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
        this.masks = new long[ascii];
        this.wordStarts = new byte[ascii];
        this.startMasks = new long[ascii];
        this.slashed = new boolean[ascii];
        int[] firsts = new int[128];
        for (int i = 0; i < ascii; i++) {
            long m = 0;
            int starts = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                m |= bit(bytes[k]);
                if (isBoundary(start[i], k - start[i])) {
                    starts++;
                    startMasks[i] |= bit(bytes[k]);
                }
                if (bytes[k] == '/') {
                    slashed[i] = true;
                }
            }
            masks[i] = m;
            wordStarts[i] = (byte) Math.min(127, starts);
            if (start[i + 1] > start[i]) {
                firsts[lower(bytes[start[i]]) & 0x7F]++;
            }
        }
        this.byFirst = new int[128][];
        for (int c = 0; c < 128; c++) {
            byFirst[c] = new int[firsts[c]];
        }
        int[] fill = new int[128];
        for (int i = 0; i < ascii; i++) {
            if (start[i + 1] > start[i]) {
                int c = lower(bytes[start[i]]) & 0x7F;
                byFirst[c][fill[c]++] = i;
            }
        }
        this.others = others;
        this.otherIds = otherIds;
        this.otherCounts = otherCounts;
        this.stamp = stamp;
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
        TopK top = new TopK(Math.max(1, limit));
        String q = query.toLowerCase(Locale.ROOT);
        boolean asciiQuery = isAscii(q) && q.length() == query.length();
        if (asciiQuery) {
            byte[] qb = q.getBytes(StandardCharsets.US_ASCII);
            long need = 0;
            for (byte b : qb) {
                need |= bit(b);
            }
            // The best score a name can reach (FuzzyMatcher's rules): per query character +1, +2 in the last
            // segment, +6 if right after the previous one (not the first), +8 at a word start (at most as many as
            // the name has); +50 if the whole name (or last segment) is the query, +20 if it starts with it;
            // minus length / 8. A name whose bound is below the worst kept hit is skipped unscored (ties need the
            // score itself: only strictly below), and names are stored shortest first, so a pass stops once even
            // the loosest bound of the current length is below it. Names starting with the query's first
            // character go first: they hold the prefix and exact hits, so the kept hits are good early.
            int k = qb.length;
            int base = 3 * k + 6 * (k - 1);
            int loosest = base + 8 * k;
            int[] lead = byFirst[qb[0] & 0x7F];
            // names that start with the whole query first (the +20/+50 bonus), then the other leading ones
            for (int prefixes = 1; prefixes >= 0; prefixes--) {
                for (int i : lead) {
                    int len = start[i + 1] - start[i];
                    if (top.full() && loosest + 50 - len / 8 < top.worstScore()) {
                        break;
                    }
                    boolean prefix = len >= k && regionEquals(qb, start[i]);
                    if (prefix != (prefixes == 1) || (masks[i] & need) != need) {
                        continue;
                    }
                    if (top.full() && bound(qb, i, base) < top.worstScore()) {
                        continue;
                    }
                    offerScore(top, qb, i);
                }
            }
            // then every other name: no whole-name or prefix bonus unless it holds a '/'
            for (int i = 0; i < ascii; i++) {
                int from = start[i];
                int len = start[i + 1] - from;
                if (top.full() && loosest - len / 8 < top.worstScore()) {
                    break;
                }
                if (len == 0 || lower(bytes[from]) == qb[0] || slashed[i] || (masks[i] & need) != need) {
                    continue;
                }
                if (top.full() && base + 8 * startHits(qb, i) - len / 8 < top.worstScore()) {
                    continue;
                }
                offerScore(top, qb, i);
            }
            for (int i = 0; i < ascii; i++) {
                int len = start[i + 1] - start[i];
                if (!slashed[i] || len == 0 || lower(bytes[start[i]]) == qb[0] || (masks[i] & need) != need) {
                    continue;
                }
                if (top.full() && loosest + 50 - len / 8 < top.worstScore()) {
                    continue;
                }
                offerScore(top, qb, i);
            }
        } else {
            for (int i = 0; i < ascii; i++) {
                int s = FuzzyMatcher.score(query, name(i));
                if (s != FuzzyMatcher.NONE) {
                    top.offer(s, i, this);
                }
            }
        }
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

    private void offerScore(TopK top, byte[] qb, int i) {
        int s = score(qb, start[i], start[i + 1]);
        if (s != FuzzyMatcher.NONE) {
            top.offer(s, i, this);
        }
    }

    /** The best score name {@code i} could reach for the lowercase query {@code q} ({@code base}: 3k + 6(k - 1)). */
    private int bound(byte[] q, int i, int base) {
        int from = start[i];
        int len = start[i + 1] - from;
        int bonus;
        if (slashed[i]) {
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
        long m = startMasks[i];
        int n = 0;
        for (byte b : q) {
            if ((bit(b) & m) != 0) {
                n++;
            }
        }
        return Math.min(n, wordStarts[i]);
    }

    private String name(int i) {
        return i < ascii ? new String(bytes, start[i], start[i + 1] - start[i], StandardCharsets.ISO_8859_1)
                : others[i - ascii];
    }

    /** Name order for equal scores: compares names i and j (either kind). */
    private int compareNames(int i, int j) {
        if (i < ascii && j < ascii) {
            return Arrays.compare(bytes, start[i], start[i + 1], bytes, start[j], start[j + 1]);
        }
        return name(i).compareTo(name(j));
    }

    /**
     * {@link FuzzyMatcher#score} for an ASCII name in {@code bytes[from, to)} and a lowercase ASCII query:
     * the same rules step by step (lowercasing ASCII keeps every index, so positions agree).
     */
    private int score(byte[] q, int from, int to) {
        int len = to - from;
        int basename = 0;
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == '/') {
                basename = i - from + 1;
                break;
            }
        }
        byte first = q[0];
        int best = FuzzyMatcher.NONE;
        int tries = 0;
        for (int s = indexOf(first, from, to, 0); s >= 0 && tries < 16; s = indexOf(first, from, to, s + 1), tries++) {
            int sc = scoreFrom(q, from, len, s, basename);
            if (sc == FuzzyMatcher.NONE) {
                break; // a later start cannot match either: the query is not a subsequence from here
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

    private int scoreFrom(byte[] q, int from, int len, int startAt, int basename) {
        int score = 0;
        int prev = -2;
        int j = startAt;
        for (int i = 0; i < q.length; i++) {
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

    private static long bit(byte b) {
        int c = lower(b);
        if (c >= 'a' && c <= 'z') {
            return 1L << (c - 'a');
        }
        if (c >= '0' && c <= '9') {
            return 1L << (26 + c - '0');
        }
        return 1L << (36 + c % 28);
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

    /** A bounded min-heap of name indexes: the worst kept hit (lowest score, then last name) on top. */
    private static final class TopK {
        private final int[] heap;
        private final int[] score;
        private int n;
        private final java.util.Map<Integer, Integer> scores = new java.util.HashMap<>();

        TopK(int k) {
            heap = new int[k];
            score = new int[k];
        }

        /** true when (s1, i1) ranks below (s2, i2). */
        private static boolean worse(int s1, int i1, int s2, int i2, NameTable t) {
            if (s1 != s2) {
                return s1 < s2;
            }
            int c = t.compareNames(i1, i2);
            return c != 0 ? c > 0 : i1 > i2;
        }

        boolean full() {
            return n == heap.length;
        }

        int worstScore() {
            return score[0];
        }

        void offer(int s, int i, NameTable t) {
            if (n < heap.length) {
                heap[n] = i;
                score[n] = s;
                up(n++, t);
            } else if (worse(score[0], heap[0], s, i, t)) {
                heap[0] = i;
                score[0] = s;
                down(0, t);
            }
        }

        private void up(int k, NameTable t) {
            while (k > 0) {
                int p = (k - 1) / 2;
                if (!worse(score[k], heap[k], score[p], heap[p], t)) {
                    break;
                }
                swap(k, p);
                k = p;
            }
        }

        private void down(int k, NameTable t) {
            while (true) {
                int l = 2 * k + 1;
                int r = l + 1;
                int m = k;
                if (l < n && worse(score[l], heap[l], score[m], heap[m], t)) {
                    m = l;
                }
                if (r < n && worse(score[r], heap[r], score[m], heap[m], t)) {
                    m = r;
                }
                if (m == k) {
                    return;
                }
                swap(k, m);
                k = m;
            }
        }

        private void swap(int a, int b) {
            int h = heap[a];
            heap[a] = heap[b];
            heap[b] = h;
            int s = score[a];
            score[a] = score[b];
            score[b] = s;
        }

        /** The kept indexes, best first. */
        List<Integer> sorted(NameTable t) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(heap[i]);
                scores.put(heap[i], score[i]);
            }
            out.sort((a, b) -> worse(scores.get(a), a, scores.get(b), b, t) ? 1
                    : worse(scores.get(b), b, scores.get(a), a, t) ? -1 : 0);
            return out;
        }

        int scoreOf(int i) {
            return scores.get(i);
        }
    }
}
