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
            long[] oid = new long[others.size()];
            int[] ocount = new int[others.size()];
            for (int i = 0; i < oid.length; i++) {
                oid[i] = otherRows.get(i)[0];
                ocount[i] = (int) otherRows.get(i)[1];
            }
            return new NameTable(Arrays.copyOf(bytes, size), Arrays.copyOf(start, n + 1), Arrays.copyOf(ids, n),
                    Arrays.copyOf(counts, n), others.toArray(String[]::new), oid, ocount, stamp);
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
        for (int i = 0; i < ascii; i++) {
            long m = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                m |= bit(bytes[k]);
            }
            masks[i] = m;
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
            // the best score a name can reach: the first query character at a word start in the last segment
            // (1 + 8 + 2), every other one also right after the previous (1 + 6 + 8 + 2); +50 or +20 only if the
            // name starts with the query's first character (or has a '/')
            int perChar = 11 + 17 * (qb.length - 1);
            // two passes: names starting with the query's first character first (they hold the prefix and exact
            // hits, the best scores), so the kept hits are good early and the bound skips most of the rest
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < ascii; i++) {
                    if ((masks[i] & need) != need) {
                        continue;
                    }
                    int from = start[i];
                    int len = start[i + 1] - from;
                    boolean leads = len > 0 && lower(bytes[from]) == qb[0];
                    if (leads != (pass == 0)) {
                        continue;
                    }
                    if (top.full()) {
                        int bound = perChar - len / 8 + (leads || (masks[i] & SLASH) != 0 ? 50 : 0);
                        if (bound < top.worstScore()) {
                            continue; // cannot enter the kept hits (ties need the score itself: only strictly below)
                        }
                    }
                    int s = score(qb, from, start[i + 1]);
                    if (s != FuzzyMatcher.NONE) {
                        top.offer(s, i, this);
                    }
                }
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

    /** The mask bit of '/' (another character sharing it only loosens the bound: never a wrong skip). */
    private static final long SLASH = bit((byte) '/');

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
