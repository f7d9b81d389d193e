package airlock.core.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A byte-level pre-check run on a blob before it is decoded: a DFA over the raw UTF-8 bytes that
 * accepts a superset of what the query can match. Most files of a scan (and many index candidates)
 * hold no match; for them the bytes are rejected at about one table lookup per byte, with no
 * decoding and no regex engine. A file the DFA accepts is searched exactly as before, so the
 * filter can only save work, never change a result.
 *
 * <p>The automaton is built from the same {@link RegexNode} structure as the trigram query, which
 * already errs on the side of matching more: ASCII letters match either case (plus the few non-ASCII
 * characters Java's Unicode case folding equates with them), an unknown character is any one- to
 * four-byte sequence, an unanalysable piece matches anything. A query whose structure cannot be
 * analysed, or whose automaton would be too large, has no filter.
 */
final class ByteFilter {
    private static final int MAX_NFA = 20_000;
    private static final int MAX_DFA = 2_000;
    private static final int MAX_COPIES = 16;
    private static final int ACCEPT = 0;
    private static final int NUL = 1;
    private static final int FIRST_STATE = 2;

    private final int[] table;
    private final int start;
    /** For a case-sensitive literal: its UTF-8 bytes, searched for directly instead of the automaton. */
    private byte[] literal;
    private int[] skip;
    /**
     * For a case-sensitive regex: the longest run of exact bytes every match holds (three or more),
     * e.g. {@code static int __init } of {@code static int __init [a-z_0-9]+_init\(void\)}. Only the
     * lines that hold it are run through the automaton; they are found by Horspool as for a literal.
     */
    private byte[] required;
    /** How rare the most frequent byte that leaves the start state is ({@link #rank}). */
    private int leavingRank;

    /**
     * The bytes that move the automaton out of its start state, as at most {@value #MAX_RANGES}
     * ranges of ASCII bytes ({lo, hi} pairs turned into the constants of an eight-bytes-at-a-time
     * test); null when there are more, or non-ASCII ones. Every other byte keeps the start state,
     * so the scan may skip eight of them at a time.
     */
    private final long[] leaveAbove;
    private final long[] leaveBelow;
    /** Whether every byte of 0x80 or more leaves the start state too (then it is one more "range"). */
    private final boolean leaveHigh;
    /** Up to three single leaving bytes, each repeated in all eight bytes (repeated when fewer); 0 when more. */
    private final long leaveOne;
    private final long leaveTwo;
    private final long leaveThree;
    /** Per range: 0 for an ASCII range, -1 for a range of bytes 0x80-0xFF. */
    private final long[] leaveSign;

    /**
     * A state that only an LF leaves (every other byte but NUL keeps it): reached once a line can no
     * longer match, e.g. after the first byte of a line that does not start {@code ^\\}$}; the scan
     * then looks for the next LF eight bytes at a time. -1 when there is none.
     */
    private final int dead;
    /** Whether the query holds a line anchor ({@code ^} or {@code $}) the automaton knows. */
    private final boolean anchored;
    /** Whether the start state goes to {@link #dead} on most bytes: lines are walked ({@link #lineWalk}). */
    private boolean walkLines;

    private ByteFilter(int[] table, int start, boolean anchored) {
        this.table = table;
        this.start = start;
        this.anchored = anchored;
        int deadState = -1;
        for (int s = FIRST_STATE; start >= FIRST_STATE && s < table.length >> 8 && deadState < 0; s++) {
            boolean only = table[(s << 8) | '\n'] == start;
            for (int b = 1; b < 256 && only; b++) {
                only = b == '\n' || table[(s << 8) | b] == s;
            }
            deadState = only ? s : -1;
        }
        this.dead = deadState;
        int toDead = 0;
        for (int b = 1; deadState >= 0 && b < 256; b++) {
            toDead += table[(start << 8) | b] == deadState ? 1 : 0;
        }
        this.walkLines = toDead >= 192;
        long[][] ranges = leavingRanges(table, start);
        this.leaveAbove = ranges == null ? null : ranges[0];
        this.leaveBelow = ranges == null ? null : ranges[1];
        this.leaveSign = ranges == null ? null : ranges[2];
        this.leaveHigh = ranges != null && ranges[3][0] != 0;
        // the same bytes as up to three single ones, when they are that few (0 when not)
        List<Integer> single = new ArrayList<>();
        for (int b = 1; start >= FIRST_STATE && b < 256 && single.size() <= 3; b++) {
            if (table[(start << 8) | b] != start) {
                single.add(b);
            }
        }
        boolean few = ranges != null && !single.isEmpty() && single.size() <= 3;
        this.leaveOne = few ? ONES * single.get(0) : 0;
        this.leaveTwo = few ? ONES * single.get(Math.min(1, single.size() - 1)) : 0;
        this.leaveThree = few ? ONES * single.get(single.size() - 1) : 0;
        int most = Integer.MAX_VALUE;
        for (int b = 1; start >= FIRST_STATE && b < 256; b++) {
            if (table[(start << 8) | b] != start) {
                most = Math.min(most, rank((byte) b));
            }
        }
        this.leavingRank = most;
    }

    /**
     * Printable ASCII from the most to the least frequent byte in source code (counted over 263 MB
     * of the Linux kernel: drivers/net, fs, include, Documentation, arch/x86).
     */
    private static final String BY_FREQUENCY =
            " et_irsnao0dclufp,mxh*E-)(;TbgvAISCR=1NPML2D/wOk>.yF384BGU#6:{}X\"5HqV&W97K<[]zY+|\\Q%!`@j'Z~$J^?";

    /** How rare a byte is in source code: 0 for the most frequent (TAB and LF rank with the space). */
    static int rank(byte b) {
        if (b == '\t' || b == '\n') {
            return 0;
        }
        int i = BY_FREQUENCY.indexOf((char) (b & 0xFF));
        return b < 0 ? 40 : i < 0 ? BY_FREQUENCY.length() : i;
    }

    /** A byte at least this rare ({@link #rank}: {@code }} is 62, {@code E} 22) is worth looking for rather than walking lines. */
    private static final int RARE = 40;

    /** The index of the rarest byte of {@code p}. */
    static int rarest(byte[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (rank(p[i]) > rank(p[best])) {
                best = i;
            }
        }
        return best;
    }

    private static final int MAX_RANGES = 4;
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;

    /**
     * The start state's leaving bytes (NUL aside) as range constants {above, below, sign, {all high}},
     * or null (see {@link #leaveAbove}). A range lies within ASCII or within 0x80-0xFF (sign -1: the
     * test is made on the low seven bits and the high bit set, e.g. the lead bytes 0xC2 and 0xCE of
     * {@code -i \u00b5s}); when every byte of 0x80 or more leaves, they need no range.
     */
    private static long[][] leavingRanges(int[] table, int start) {
        if (start < FIRST_STATE) {
            return null;
        }
        int high = 0;
        for (int b = 128; b < 256; b++) {
            high += table[(start << 8) | b] == start ? 0 : 1;
        }
        List<int[]> ranges = new ArrayList<>();
        for (int b = 1; b < (high == 128 ? 128 : 256); b++) {
            if (table[(start << 8) | b] == start) {
                continue;
            }
            int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1] == b - 1 && b != 128) {
                last[1] = b;
            } else {
                ranges.add(new int[] {b, b});
            }
        }
        if ((ranges.isEmpty() && high == 0) || ranges.size() > MAX_RANGES) {
            return null;
        }
        long[] above = new long[ranges.size()];
        long[] below = new long[ranges.size()];
        long[] sign = new long[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            // a byte v with lo - 1 < v < hi + 1 on its low seven bits: exact per byte when the high
            // bit is also tested (Bit Twiddling Hacks' hasbetween)
            int lo = ranges.get(i)[0] & 0x7F;
            int hi = ranges.get(i)[1] & 0x7F;
            above[i] = ONES * (127 - (lo - 1));
            below[i] = ONES * (127 + (hi + 1));
            sign[i] = ranges.get(i)[0] >= 128 ? -1L : 0L;
        }
        return new long[][] {above, below, sign, {high == 128 ? 1 : 0}};
    }

    /** The high bit set in each byte of {@code x} that is NUL or leaves the start state. */
    private long leaving(long x) {
        long low = x & LOW7;
        long hits = (x - ONES) & ~x;
        for (int r = 0; r < leaveAbove.length; r++) {
            hits |= (leaveBelow[r] - low) & (~x ^ leaveSign[r]) & (low + leaveAbove[r]);
        }
        return (leaveHigh ? hits | x : hits) & HIGH;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * A case-sensitive literal (or whole-word literal) can only match where the file holds its exact
     * UTF-8 bytes: every character of a match is decoded from its own valid encoding (invalid bytes
     * become U+FFFD, and a literal holding U+FFFD, a lone surrogate or an LF keeps the automaton); a
     * supplementary character is one surrogate pair in the query and four bytes in the file.
     */
    private static byte[] exactBytes(SearchQuery query) {
        if (query.regex() || query.ignoreCase() || query.pattern().isEmpty()) {
            return null;
        }
        String p = query.pattern();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\n' || c == '\uFFFD') {
                return null;
            }
            if (Character.isSurrogate(c)) {
                // a pair (a supplementary character such as U+1F600) has its four UTF-8 bytes; a lone
                // surrogate has none
                if (!Character.isHighSurrogate(c) || i + 1 >= p.length() || !Character.isLowSurrogate(p.charAt(i + 1))) {
                    return null;
                }
                i++;
            }
        }
        return p.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether lines are walked from their start, the rest passed over when they can no longer match (for tests). */
    boolean walksLines() {
        return walkLines;
    }

    /** Whether a regex's lines are looked for by its required bytes (for tests). */
    boolean usesRequired() {
        return required != null;
    }

    /**
     * A run of bytes every match of a case-sensitive {@code node} holds in a row: exact characters
     * next to each other in the top-level sequence (zero-width pieces such as anchors, {@code \\b}
     * or look-arounds between them do not break a run; anything else does). Of several runs, the
     * one with the rarest byte ({@link #rank}), then the longest; empty when there is none.
     */
    static byte[] requiredBytes(RegexNode node) {
        List<RegexNode> parts = new ArrayList<>();
        flatten(node, parts);
        List<byte[]> runs = new ArrayList<>();
        java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
        for (RegexNode part : parts) {
            if (part instanceof RegexNode.Chars chars && chars.chars().size() == 1) {
                run.writeBytes(chars.chars().iterator().next().getBytes(StandardCharsets.UTF_8));
            } else if (!(part instanceof RegexNode.Empty)) {
                runs.add(run.toByteArray());
                run.reset();
            }
        }
        runs.add(run.toByteArray());
        byte[] best = new byte[0];
        for (byte[] r : runs) {
            if (r.length == 0) {
                continue;
            }
            int cmp = best.length == 0 ? 1 : Integer.compare(rank(r[rarest(r)]), rank(best[rarest(best)]));
            if (cmp > 0 || (cmp == 0 && r.length > best.length)) {
                best = r;
            }
        }
        return best;
    }

    private static void flatten(RegexNode node, List<RegexNode> out) {
        if (node instanceof RegexNode.Concat concat) {
            for (RegexNode part : concat.parts()) {
                flatten(part, out);
            }
        } else {
            out.add(node);
        }
    }

    /** The filter for {@code query}, or null when it cannot be built (the caller decodes every file). */
    static ByteFilter of(SearchQuery query) {
        RegexNode node;
        try {
            node = query.regex() ? RegexParser.parse(query.pattern(), query.ignoreCase())
                    : RegexParser.literal(query.pattern(), query.ignoreCase());
        } catch (RuntimeException e) {
            return null;
        }
        Nfa nfa = new Nfa(RegexParser.folds(query));
        int begin = nfa.state();
        try {
            int end = nfa.build(node, begin);
            nfa.accept = end;
        } catch (TooLarge e) {
            return null;
        }
        ByteFilter filter = nfa.toDfa(begin);
        if (filter != null && !RegexParser.folds(query) && filter.start >= FIRST_STATE) {
            byte[] req = requiredBytes(node);
            // the required bytes' rarest one is looked for unless a byte that leaves the start
            // state is rarer still (then skipping to those is cheaper)
            // a query anchored at the line's start walks its lines unless the required bytes hold a
            // rare byte: ^\\}$ finds its } faster than every line's LF (drivers/net in memory: 247
            // against 353 ms), ^\\treturn -E... is faster walked (263 against 637 ms)
            if (req.length > 0 && (!filter.walkLines || rank(req[rarest(req)]) >= RARE)
                    && (filter.leaveAbove == null || rank(req[rarest(req)]) >= filter.leavingRank)) {
                filter.required = req;
                filter.walkLines = false;
            }
        }
        byte[] exact = exactBytes(query);
        if (filter != null && exact != null) {
            filter.literal = exact;
            // Horspool: how far the window may move when its last byte is b
            filter.skip = new int[256];
            java.util.Arrays.fill(filter.skip, exact.length);
            for (int i = 0; i < exact.length - 1; i++) {
                filter.skip[exact[i] & 0xFF] = exact.length - 1 - i;
            }
        }
        return filter;
    }

    /**
     * The lines of {@code bytes} (a blob that does not start with a UTF-16 byte-order mark) that
     * may hold a match, as {line number, start, end} byte offsets in one flat array; null when the
     * blob holds a NUL byte (binary); {@link #EVERY_LINE} when the query matches the empty string and
     * so cannot rule out any line. The automaton restarts at each LF because a match never crosses one.
     * Line numbers are counted only up to a candidate line, not in the per-byte loop.
     */
    int[] candidateLines(byte[] bytes) {
        return candidateLines(bytes, TWO_LANES, true);
    }

    /**
     * As {@link #candidateLines(byte[])}, splitting files of {@code twoLanesFrom} bytes or more in two
     * lanes, or skipping the bytes that keep the start state when {@code skip} and the query allows.
     */
    int[] candidateLines(byte[] bytes, int twoLanesFrom, boolean skip) {
        if (start == ACCEPT) {
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return EVERY_LINE;
        }
        if (literal != null) {
            return skip ? occurrenceLines(bytes, literal, false) : literalLines(bytes);
        }
        if (anchored && bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            // the decoder drops a UTF-8 byte-order mark, so the first line starts after it: rare enough
            // to leave the file to the matcher (which also finds a NUL)
            return EVERY_LINE;
        }
        int n = bytes.length;
        long[] lines;
        if (skip && required != null) {
            return occurrenceLines(bytes, required, true);
        } else if (skip && walkLines) {
            lines = lineWalk(bytes);
        } else if (skip && leaveAbove != null) {
            lines = skipping(bytes);
        } else {
            int mid = n >= twoLanesFrom ? lineEndFrom(bytes, n / 2) : n;
            lines = mid < n - 1 ? twoLanes(bytes, mid) : finish(bytes, 0, n, start, new long[8]);
        }
        if (lines == null) {
            return null;
        }
        int found = (int) lines[lines.length - 1];
        if (anchored && n > 0 && bytes[n - 1] != '\n' && (found == 0 || (int) lines[found - 1] != n)) {
            // the last line has no LF: $ holds at the file's end too
            int s = start;
            int from = lineStart(bytes, n);
            for (int j = from; j < n && s >= FIRST_STATE; j++) {
                s = table[(s << 8) | (bytes[j] & 0xFF)];
            }
            if (s == ACCEPT || (s >= FIRST_STATE && table[(s << 8) | '\n'] == ACCEPT)) {
                lines = add(lines, from, n);
                found++;
            }
        }
        // line numbers: LFs counted once, only up to the last candidate line
        int[] out = new int[found * 3];
        int line = 1;
        int counted = 0;
        for (int k = 0; k < found; k++) {
            int lineStart = (int) (lines[k] >>> 32);
            line += countLf(bytes, counted, lineStart);
            counted = lineStart;
            out[3 * k] = line;
            out[3 * k + 1] = lineStart;
            out[3 * k + 2] = (int) lines[k];
        }
        return out;
    }

    /** The lines holding the literal's exact bytes (Horspool), after a NUL check eight bytes at a time. */
    private int[] literalLines(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long v = (long) LONGS.get(bytes, i);
            if (((v - 0x0101010101010101L) & ~v & 0x8080808080808080L) != 0) {
                break;
            }
        }
        for (; i < n; i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        byte[] p = literal;
        int m = p.length;
        byte last = p[m - 1];
        int[] out = new int[12];
        int found = 0;
        int line = 1;
        int counted = 0;
        int at = 0;
        while (at + m <= n) {
            byte b = bytes[at + m - 1];
            if (b == last && matchesAt(bytes, at, p)) {
                int lineStart = lineStart(bytes, at);
                int end = lineEnd(bytes, at, n);
                line += countLf(bytes, counted, lineStart);
                counted = lineStart;
                if (found + 3 > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                out[found++] = line;
                out[found++] = lineStart;
                out[found++] = end;
                at = end + 1;
            } else {
                at += skip[b & 0xFF];
            }
        }
        return java.util.Arrays.copyOf(out, found);
    }

    /**
     * The lines that hold the bytes {@code p}, each also accepted by the automaton run over the line
     * alone when {@code checkLine} (a regex's required bytes); null when the file holds a NUL. The
     * rarest byte of {@code p} (and NUL) is looked for eight bytes at a time, each find checked for
     * {@code p} around it: most words of a file are passed over at a few operations each.
     */
    private int[] occurrenceLines(byte[] bytes, byte[] p, boolean checkLine) {
        int[] t = table;
        int n = bytes.length;
        int m = p.length;
        int k = rarest(p);
        byte rare = p[k];
        long pattern = ONES * (rare & 0xFF);
        int[] out = new int[12];
        int found = 0;
        int line = 1;
        int counted = 0;
        // no occurrence starts before floor (the start of the line after the last one taken)
        int floor = 0;
        int i = 0;
        while (true) {
            long hits = 0;
            while (i + 8 <= n) {
                long x = (long) LONGS.get(bytes, i);
                long y = x ^ pattern;
                hits = (((x - ONES) & ~x) | ((y - ONES) & ~y)) & HIGH;
                if (hits != 0) {
                    break;
                }
                i += 8;
            }
            if (hits != 0) {
                i += Long.numberOfTrailingZeros(hits) >>> 3;
            } else {
                while (i < n && bytes[i] != rare && bytes[i] != 0) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
            }
            if (bytes[i] == 0) {
                return null;
            }
            int at = i - k;
            if (bytes[i] != rare || at < floor || at + m > n || !sameBytes(bytes, at, p)) {
                i++;
                continue;
            }
            int lineStart = lineStart(bytes, at);
            int end = lineEnd(bytes, at, n);
            if (end < 0) {
                return null;
            }
            boolean take = true;
            if (checkLine) {
                int s = start;
                for (int j = lineStart; j < end && s >= FIRST_STATE; j++) {
                    s = t[(s << 8) | (bytes[j] & 0xFF)];
                }
                // the line's end, where $ holds
                take = s == ACCEPT || (s >= FIRST_STATE && t[(s << 8) | '\n'] == ACCEPT);
            }
            if (take) {
                line += countLf(bytes, counted, lineStart);
                counted = lineStart;
                if (found + 3 > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                out[found++] = line;
                out[found++] = lineStart;
                out[found++] = end;
            }
            i = end + 1;
            floor = i;
        }
        return java.util.Arrays.copyOf(out, found);
    }

    private static boolean sameBytes(byte[] bytes, int at, byte[] p) {
        for (int j = 0; j < p.length; j++) {
            if (bytes[at + j] != p[j]) {
                return false;
            }
        }
        return true;
    }

    /** The number of LF bytes in {@code bytes[from..to)}, eight bytes at a time. */
    static int countLf(byte[] bytes, int from, int to) {
        int count = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
            // exact per byte: the high bit is set in t for every non-zero byte of x
            long t = ((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x;
            count += Long.bitCount(~t & 0x8080808080808080L);
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private static boolean matchesAt(byte[] bytes, int at, byte[] p) {
        for (int k = 0; k < p.length - 1; k++) {
            if (bytes[at + k] != p[k]) {
                return false;
            }
        }
        return true;
    }

    /** Files at least this large are scanned in two interleaved halves. */
    private static final int TWO_LANES = 8192;

    private static int lineEndFrom(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    /**
     * Runs the automaton over {@code [0, mid]} and {@code (mid, n)} at once, {@code bytes[mid]}
     * being an LF (where the automaton restarts anyway): two independent chains of table lookups
     * per loop step, so the processor overlaps their latencies. The same lines as one pass.
     */
    private long[] twoLanes(byte[] bytes, int mid) {
        int[] t = table;
        int n = bytes.length;
        long[] a = new long[8];
        long[] b = new long[8];
        int i = 0;
        int j = mid + 1;
        int sa = start;
        int sb = start;
        while (i <= mid && j < n) {
            sa = t[(sa << 8) | (bytes[i] & 0xFF)];
            sb = t[(sb << 8) | (bytes[j] & 0xFF)];
            if (sa < FIRST_STATE) {
                if (sa == NUL) {
                    return null;
                }
                int end = lineEnd(bytes, i, mid + 1);
                if (end < 0) {
                    return null;
                }
                a = add(a, lineStart(bytes, i), end);
                i = end;
                sa = start;
            }
            if (sb < FIRST_STATE) {
                if (sb == NUL) {
                    return null;
                }
                int end = lineEnd(bytes, j, n);
                if (end < 0) {
                    return null;
                }
                b = add(b, lineStart(bytes, j), end);
                j = end;
                sb = start;
            }
            i++;
            j++;
        }
        // one lane is done; the other finishes alone (it is at a line start or mid-line in state s)
        a = finish(bytes, i, mid + 1, sa, a);
        if (a == null) {
            return null;
        }
        b = finish(bytes, j, n, sb, b);
        if (b == null) {
            return null;
        }
        int na = (int) a[a.length - 1];
        int nb = (int) b[b.length - 1];
        long[] out = java.util.Arrays.copyOf(a, na + nb + 1);
        System.arraycopy(b, 0, out, na, nb);
        out[out.length - 1] = na + nb;
        return out;
    }

    /**
     * One pass for a query anchored at the line's start (the start state goes to {@link #dead} on most
     * bytes, e.g. {@code ^\\}$} or {@code ^static ...}): the automaton runs from each line's start
     * until it accepts or is dead, and the rest of the line is passed over by looking for its LF (and
     * any NUL) eight bytes at a time. The same lines as the byte-by-byte pass.
     */
    private long[] lineWalk(byte[] bytes) {
        int[] t = table;
        int n = bytes.length;
        int d = dead;
        long[] lines = new long[8];
        int s = start;
        int i = 0;
        while (i < n) {
            s = t[(s << 8) | (bytes[i] & 0xFF)];
            if (s < FIRST_STATE) {
                if (s == NUL) {
                    return null;
                }
                int end = lineEnd(bytes, i, n);
                if (end < 0) {
                    return null;
                }
                lines = add(lines, lineStart(bytes, i), end);
                i = end;
                s = start;
            } else if (s == d) {
                // to the line's LF (where the automaton is back in its start state), or a NUL
                int j = i + 1;
                long hits = 0;
                while (j + 8 <= n) {
                    long x = (long) LONGS.get(bytes, j);
                    long y = x ^ 0x0A0A0A0A0A0A0A0AL;
                    hits = (((x - ONES) & ~x) | ((y - ONES) & ~y)) & HIGH;
                    if (hits != 0) {
                        break;
                    }
                    j += 8;
                }
                if (hits != 0) {
                    j += Long.numberOfTrailingZeros(hits) >>> 3;
                } else {
                    while (j < n && bytes[j] != '\n' && bytes[j] != 0) {
                        j++;
                    }
                }
                if (j >= n) {
                    return lines;
                }
                if (bytes[j] == 0) {
                    return null;
                }
                i = j;
                s = start;
            }
            i++;
        }
        return lines;
    }

    /**
     * One pass that skips, eight bytes at a time, the bytes that keep the automaton in its start
     * state (most bytes, for a query such as {@code \\bu(8|16|32|64)...} or {@code [qxz]{2}}): a
     * word is looked at byte by byte only when it holds a NUL or a byte that leaves the start state,
     * and the automaton then runs until it is back in the start state. The same lines as the
     * byte-by-byte pass, which only ever stays in the start state on the skipped bytes.
     */
    private long[] skipping(byte[] bytes) {
        int[] t = table;
        int n = bytes.length;
        long[] lines = new long[8];
        int i = 0;
        while (true) {
            // in the start state at i
            long hits = 0;
            if (leaveOne != 0) {
                // at most three single bytes leave (q x z; the lead bytes 0xC2 0xCE of -i \u00b5s):
                // equality tests, cheaper than the range tests
                long p1 = leaveOne;
                long p2 = leaveTwo;
                long p3 = leaveThree;
                while (i + 8 <= n) {
                    long x = (long) LONGS.get(bytes, i);
                    long y1 = x ^ p1;
                    long y2 = x ^ p2;
                    long y3 = x ^ p3;
                    hits = (((x - ONES) & ~x) | ((y1 - ONES) & ~y1) | ((y2 - ONES) & ~y2) | ((y3 - ONES) & ~y3)) & HIGH;
                    if (hits != 0) {
                        break;
                    }
                    i += 8;
                }
            } else {
                while (i + 8 <= n && (hits = leaving((long) LONGS.get(bytes, i))) == 0) {
                    i += 8;
                }
            }
            if (hits != 0) {
                i += Long.numberOfTrailingZeros(hits) >>> 3;
            }
            if (i >= n) {
                return lines;
            }
            int s = start;
            do {
                s = t[(s << 8) | (bytes[i] & 0xFF)];
                if (s < FIRST_STATE) {
                    if (s == NUL) {
                        return null;
                    }
                    int end = lineEnd(bytes, i, n);
                    if (end < 0) {
                        return null;
                    }
                    lines = add(lines, lineStart(bytes, i), end);
                    i = end;
                    s = start;
                }
                i++;
            } while (s != start && i < n);
            if (i >= n) {
                return lines;
            }
        }
    }

    /** Continues one lane from {@code from} in state {@code s} up to {@code to}. */
    private long[] finish(byte[] bytes, int from, int to, int s, long[] lines) {
        int[] t = table;
        for (int i = from; i < to; i++) {
            s = t[(s << 8) | (bytes[i] & 0xFF)];
            if (s < FIRST_STATE) {
                if (s == NUL) {
                    return null;
                }
                int end = lineEnd(bytes, i, to);
                if (end < 0) {
                    return null;
                }
                lines = add(lines, lineStart(bytes, i), end);
                i = end;
                s = start;
            }
        }
        return lines;
    }

    private static int lineStart(byte[] bytes, int i) {
        int lineStart = i;
        while (lineStart > 0 && bytes[lineStart - 1] != '\n') {
            lineStart--;
        }
        return lineStart;
    }

    /** The end of the line holding {@code i} (its LF, or {@code to}); -1 when a NUL comes first. */
    private static int lineEnd(byte[] bytes, int i, int to) {
        int end = i;
        while (end < to && bytes[end] != '\n') {
            if (bytes[end] == 0) {
                return -1;
            }
            end++;
        }
        return end;
    }

    /** Appends (start, end) to a list whose last slot holds its length. */
    private static long[] add(long[] lines, int from, int to) {
        int count = (int) lines[lines.length - 1];
        if (count + 2 > lines.length) {
            lines = java.util.Arrays.copyOf(lines, lines.length * 2);
            lines[lines.length - 1] = count;
        }
        lines[count] = ((long) from << 32) | to;
        lines[lines.length - 1] = count + 1;
        return lines;
    }

    /** The answer of {@link #candidateLines} when no line can be ruled out. */
    static final int[] EVERY_LINE = new int[0];

    /** Whether the blob is UTF-16 by its byte-order mark (the filter does not apply). */
    static boolean utf16(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    }

    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("automaton too large", null, false, false);
        }
    }

    /** A Thompson NFA over bytes: per state, epsilon moves and at most a few byte-set moves. */
    private static final class Nfa {
        /**
         * Whether the nodes are case-folded (an ASCII letter stands for either case, plus the
         * characters Java's folding equates with it); otherwise each character is itself, as the
         * case-sensitive matcher sees it, and fewer bytes leave the start state.
         */
        final boolean folded;
        final List<List<Integer>> eps = new ArrayList<>();
        /** Epsilon moves taken only at a line's start ({@code ^}) or end ({@code $}); null when none. */
        final List<List<Integer>> bol = new ArrayList<>();
        final List<List<Integer>> eol = new ArrayList<>();
        boolean anchored;
        final List<List<long[]>> sets = new ArrayList<>();
        final List<List<Integer>> targets = new ArrayList<>();
        int accept;

        Nfa(boolean folded) {
            this.folded = folded;
        }

        int state() {
            if (eps.size() >= MAX_NFA) {
                throw new TooLarge();
            }
            eps.add(new ArrayList<>(1));
            bol.add(new ArrayList<>(0));
            eol.add(new ArrayList<>(0));
            sets.add(new ArrayList<>(1));
            targets.add(new ArrayList<>(1));
            return eps.size() - 1;
        }

        void epsilon(int from, int to) {
            eps.get(from).add(to);
        }

        void on(int from, long[] set, int to) {
            sets.get(from).add(set);
            targets.get(from).add(to);
        }

        /** Adds {@code node} starting at {@code from}; returns its end state. */
        int build(RegexNode node, int from) {
            if (node instanceof RegexNode.Chars chars) {
                int end = state();
                for (String s : chars.chars()) {
                    sequence(from, s, end);
                    if (folded && s.length() == 1 && s.charAt(0) < 128 && Character.isLetter(s.charAt(0))) {
                        for (String other : Folding.extras(Character.toLowerCase(s.charAt(0)))) {
                            sequence(from, other, end);
                        }
                    }
                }
                return end;
            }
            if (node instanceof RegexNode.AnyChar) {
                return anyChar(from);
            }
            if (node instanceof RegexNode.Class cls) {
                return classChar(from, cls);
            }
            if (node instanceof RegexNode.AnyString) {
                int loop = state();
                epsilon(from, loop);
                int end = anyChar(loop);
                epsilon(end, loop);
                return loop;
            }
            if (node instanceof RegexNode.Empty empty) {
                if (empty.anchor() == 0) {
                    return from;
                }
                int to = state();
                (empty.anchor() == RegexNode.Empty.LINE_START ? bol : eol).get(from).add(to);
                anchored = true;
                return to;
            }
            if (node instanceof RegexNode.Concat concat) {
                int at = from;
                for (RegexNode part : concat.parts()) {
                    at = build(part, at);
                }
                return at;
            }
            if (node instanceof RegexNode.Alt alt) {
                int end = state();
                for (RegexNode part : alt.parts()) {
                    int branch = state();
                    epsilon(from, branch);
                    epsilon(build(part, branch), end);
                }
                return end;
            }
            RegexNode.Repeat repeat = (RegexNode.Repeat) node;
            int min = Math.min(repeat.min(), MAX_COPIES);
            int at = from;
            for (int i = 0; i < min; i++) {
                int next = state();
                epsilon(at, next);
                at = build(repeat.node(), next);
            }
            if (repeat.max() < 0 || repeat.max() > MAX_COPIES || repeat.min() > MAX_COPIES) {
                // any further number of copies: a superset of {min,max} when the bounds were cut
                int loop = state();
                epsilon(at, loop);
                int body = state();
                epsilon(loop, body);
                epsilon(build(repeat.node(), body), loop);
                return loop;
            }
            int end = state();
            epsilon(at, end);
            for (int i = min; i < repeat.max(); i++) {
                int next = state();
                epsilon(at, next);
                at = build(repeat.node(), next);
                epsilon(at, end);
            }
            return end;
        }

        /** The UTF-8 bytes of {@code s}, each ASCII letter in either case when folded. */
        private void sequence(int from, String s, int end) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            int at = from;
            for (int i = 0; i < bytes.length; i++) {
                int next = i == bytes.length - 1 ? end : state();
                long[] set = new long[4];
                add(set, bytes[i] & 0xFF);
                if (folded && bytes[i] >= 'a' && bytes[i] <= 'z') {
                    add(set, bytes[i] - 32);
                } else if (folded && bytes[i] >= 'A' && bytes[i] <= 'Z') {
                    add(set, bytes[i] + 32);
                }
                on(at, set, next);
                at = next;
            }
            if (bytes.length == 0) {
                epsilon(from, end);
            }
        }

        /** One character as Java decodes it: any byte but LF, or a lead byte and 1-3 continuation bytes. */
        private int anyChar(int from) {
            int end = state();
            on(from, range(0, 255, '\n'), end);
            int cont = state();
            on(from, range(0xC0, 0xFF, -1), cont);
            long[] continuation = range(0x80, 0xBF, -1);
            on(cont, continuation, end);
            for (int i = 0; i < 2; i++) {
                int next = state();
                on(cont, continuation, next);
                on(next, continuation, end);
                cont = next;
            }
            return end;
        }

        /**
         * One character of a {@link RegexNode.Class}: one of its ASCII bytes (never LF), and when it
         * may match non-ASCII characters, any byte of 0x80 or more alone (an invalid byte decodes to
         * U+FFFD) or a lead byte and 1-3 continuation bytes.
         */
        private int classChar(int from, RegexNode.Class cls) {
            int end = state();
            long[] set = new long[4];
            for (int b = 1; b < 128; b++) {
                if (b != '\n' && cls.has(b)) {
                    add(set, b);
                }
            }
            if (cls.nonAscii()) {
                for (int b = 128; b < 256; b++) {
                    add(set, b);
                }
                int cont = state();
                on(from, range(0xC0, 0xFF, -1), cont);
                long[] continuation = range(0x80, 0xBF, -1);
                on(cont, continuation, end);
                for (int i = 0; i < 2; i++) {
                    int next = state();
                    on(cont, continuation, next);
                    on(next, continuation, end);
                    cont = next;
                }
            }
            on(from, set, end);
            return end;
        }

        private static long[] range(int lo, int hi, int except) {
            long[] set = new long[4];
            for (int b = lo; b <= hi; b++) {
                if (b != except) {
                    add(set, b);
                }
            }
            return set;
        }

        private static void add(long[] set, int b) {
            set[b >> 6] |= 1L << (b & 63);
        }

        private static boolean has(long[] set, int b) {
            return (set[b >> 6] & (1L << (b & 63))) != 0;
        }

        private BitSet closure(BitSet states) {
            return closure(states, false, false);
        }

        /** The states reachable by epsilon moves, also through {@code ^} at a line start and {@code $} at its end. */
        private BitSet closure(BitSet states, boolean lineStart, boolean lineEnd) {
            BitSet out = (BitSet) states.clone();
            int[] stack = new int[eps.size()];
            int top = 0;
            for (int s = states.nextSetBit(0); s >= 0; s = states.nextSetBit(s + 1)) {
                stack[top++] = s;
            }
            while (top > 0) {
                int s = stack[--top];
                for (int t : eps.get(s)) {
                    if (!out.get(t)) {
                        out.set(t);
                        stack[top++] = t;
                    }
                }
                for (int t : lineStart ? bol.get(s) : List.<Integer>of()) {
                    if (!out.get(t)) {
                        out.set(t);
                        stack[top++] = t;
                    }
                }
                for (int t : lineEnd ? eol.get(s) : List.<Integer>of()) {
                    if (!out.get(t)) {
                        out.set(t);
                        stack[top++] = t;
                    }
                }
            }
            return out;
        }

        /**
         * Subset construction of the unanchored DFA; every accepting state becomes one absorbing state.
         * The start state is the one at a line's start (after an LF, and at the file's start), where
         * {@code ^} holds; a match may also start at any later position of the line, where it does not
         * ({@code restart}). An LF goes back to the start state, or to the accepting one when {@code $}
         * lets the state accept at the line's end; the end of a file without a final LF is checked the
         * same way (the LF's move, {@link #acceptsAtEnd}).
         */
        ByteFilter toDfa(int begin) {
            BitSet init = new BitSet();
            init.set(begin);
            BitSet startSet = closure(init, true, false);
            BitSet restart = closure(init, false, false);
            Map<BitSet, Integer> ids = new HashMap<>();
            List<BitSet> states = new ArrayList<>();
            // ids 0 (accept) and 1 (NUL) are absorbing and have no set
            states.add(null);
            states.add(null);
            int startId = idOf(startSet, ids, states);
            List<int[]> rows = new ArrayList<>();
            rows.add(absorbing(ACCEPT));
            rows.add(absorbing(NUL));
            for (int i = FIRST_STATE; i < states.size(); i++) {
                if (states.size() > MAX_DFA) {
                    return null;
                }
                BitSet current = states.get(i);
                int[] row = new int[256];
                row[0] = NUL;
                for (int b = 1; b < 256; b++) {
                    if (b == '\n') {
                        // at the line's end: $ holds (and ^ too when the line is empty)
                        row[b] = anchored && closure(current, current.equals(startSet), true).get(accept) ? ACCEPT : startId;
                        continue;
                    }
                    BitSet next = (BitSet) restart.clone();
                    for (int s = current.nextSetBit(0); s >= 0; s = current.nextSetBit(s + 1)) {
                        List<long[]> moves = sets.get(s);
                        for (int m = 0; m < moves.size(); m++) {
                            if (has(moves.get(m), b)) {
                                next.set(targets.get(s).get(m));
                            }
                        }
                    }
                    row[b] = idOf(closure(next), ids, states);
                }
                rows.add(row);
            }
            int[] table = new int[rows.size() * 256];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, table, i * 256, 256);
            }
            return new ByteFilter(table, startId, anchored);
        }

        private int idOf(BitSet set, Map<BitSet, Integer> ids, List<BitSet> states) {
            if (set.get(accept)) {
                return ACCEPT;
            }
            Integer id = ids.get(set);
            if (id == null) {
                id = states.size();
                ids.put(set, id);
                states.add(set);
            }
            return id;
        }

        private static int[] absorbing(int id) {
            int[] row = new int[256];
            java.util.Arrays.fill(row, id);
            return row;
        }
    }

    /** The non-ASCII characters Java's Unicode case-insensitive matching equates with an ASCII letter. */
    private static final class Folding {
        private static final Map<Character, List<String>> EXTRAS = compute();

        static List<String> extras(char lowerAsciiLetter) {
            return EXTRAS.getOrDefault(lowerAsciiLetter, List.of());
        }

        private static Map<Character, List<String>> compute() {
            Map<Character, List<String>> out = new HashMap<>();
            for (int cp = 128; cp <= Character.MAX_CODE_POINT; cp++) {
                int folded = Character.toLowerCase(Character.toUpperCase(cp));
                int upper = Character.toUpperCase(cp);
                int lower = Character.toLowerCase(cp);
                for (int c : new int[] {folded, upper, lower}) {
                    if (c < 128 && Character.isLetter(c)) {
                        List<String> list = out.computeIfAbsent((char) Character.toLowerCase(c), k -> new ArrayList<>());
                        String s = new String(Character.toChars(cp));
                        if (!list.contains(s)) {
                            list.add(s);
                        }
                    }
                }
            }
            return out;
        }
    }
}
