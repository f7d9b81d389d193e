package airlock.core.quote;

import java.util.Arrays;

/**
 * The token stream the quote check compares: whitespace dropped (so re-indented and re-wrapped
 * copies match), identifiers, keywords and numbers as one token each, lower-cased (so re-cased
 * copies match), and every other visible character as a token of its own. Control, format (bidi,
 * zero-width) and other invisible characters are dropped before tokenising, so they cannot split
 * a token to hide it. One pass, linear in the text; each token keeps a 64-bit hash and its line.
 */
public final class CodeTokens {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long[] hashes;
    private int[] lines;
    private int size;
    private final int lineCount;

    private CodeTokens(long[] hashes, int[] lines, int size, int lineCount) {
        this.hashes = hashes;
        this.lines = lines;
        this.size = size;
        this.lineCount = lineCount;
    }

    /** Tokenises {@code text} (null is empty). */
    public static CodeTokens of(CharSequence text) {
        // one copy into an array: the loop below then reads plain chars (a String's charAt checks its coding and
        // bounds at every call, and this runs over every candidate file the check reads)
        return of(text == null ? new char[0] : text.toString().toCharArray());
    }

    /**
     * Tokenises the UTF-8 bytes of a file exactly as {@link #of(CharSequence)} tokenises their
     * decoded text. A file of ASCII bytes only (nearly every source file) is read as bytes: no String
     * and no char array are made (the seal screen's check reads ~130 M characters of candidate files,
     * and those two copies were three quarters of what it allocated); any other file is decoded first.
     */
    public static CodeTokens ofUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return ofAscii(bytes);
    }

    /** The ASCII branch of {@link #of(char[])} over bytes below 128 (the caller checked): the same tokens and hashes. */
    private static CodeTokens ofAscii(byte[] text) {
        int n = text.length;
        Scratch scratch = n / 3 <= Scratch.MAX ? SCRATCH.get() : new Scratch(); // a thread keeps at most 12 MB
        if (scratch.hashes.length < n / 3) {
            scratch.hashes = new long[Math.max(1 << 16, n / 3)];
            scratch.lines = new int[scratch.hashes.length];
        }
        long[] hashes = scratch.hashes;
        int[] lines = scratch.lines;
        int size = 0;
        int line = 1;
        int i = 0;
        while (i < n) {
            int c0 = text[i];
            if (c0 == '\n') {
                line++;
                i++;
                continue;
            }
            if (c0 <= ' ' || c0 == 127) {
                i++;
                continue;
            }
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            if (ASCII_WORD[c0]) {
                long h = FNV_OFFSET;
                int j = i;
                int c = c0;
                while (ASCII_WORD[c]) {
                    h = (h ^ ASCII_LOWER[c]) * FNV_PRIME;
                    if (++j == n) {
                        break;
                    }
                    c = text[j];
                }
                if (j < n && (c == '/' || c == '.' || c == '-')) {
                    int pathEnd = pathEnd(text, i);
                    if (pathEnd > 0) {
                        hashes[size] = PATH;
                        lines[size++] = line;
                        i = pathEnd;
                        continue;
                    }
                }
                if (j < n && ASCII_INVISIBLE[c]) {
                    // broken by an invisible control character, which does not split a word: go on past it
                    while (j < n) {
                        c = text[j];
                        if (ASCII_INVISIBLE[c]) {
                            j++;
                            continue;
                        }
                        if (!ASCII_WORD[c]) {
                            break;
                        }
                        h = (h ^ ASCII_LOWER[c]) * FNV_PRIME;
                        j++;
                    }
                }
                hashes[size] = mix(h);
                lines[size++] = line;
                i = j;
            } else {
                hashes[size] = mix((FNV_OFFSET ^ 0x1_0000_0000L ^ c0) * FNV_PRIME);
                lines[size++] = line;
                i++;
            }
        }
        if (hashes != scratch.hashes && hashes.length <= Scratch.MAX) {
            scratch.hashes = hashes; // grew: kept for the next file
            scratch.lines = lines;
        }
        return new CodeTokens(Arrays.copyOf(hashes, size), Arrays.copyOf(lines, size), size, line);
    }

    /**
     * Per thread, the arrays a file is tokenised into before its tokens are copied out at their
     * exact count: arrays sized for the worst case (a third of the bytes) were allocated and zeroed
     * for each of the thousands of files a check reads, about twice what the tokens need.
     */
    private static final class Scratch {
        /** Tokens a thread's scratch holds at most (12 bytes each); a larger file gets arrays of its own. */
        static final int MAX = 1 << 20;
        long[] hashes = new long[0];
        int[] lines = new int[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** {@link #pathEnd(char[], int)} over ASCII bytes. */
    private static int pathEnd(byte[] text, int i) {
        int j = i;
        boolean slash = false;
        int n = text.length;
        while (j < n) {
            int c = text[j];
            if (c == '/') {
                if (j + 1 < n && ASCII_ALNUM[text[j + 1]] && j > i && text[j - 1] != '/') {
                    slash = true;
                } else {
                    break;
                }
            } else if (!(ASCII_ALNUM[c] || c == '_' || c == '.' || c == '-')) {
                break;
            }
            j++;
        }
        return slash ? j : -1;
    }

    private static CodeTokens of(char[] text) {
        int n = text.length;
        long[] hashes = new long[Math.max(16, n / 3)];
        int[] lines = new int[hashes.length];
        int size = 0;
        int line = 1;
        int i = 0;
        while (i < n) {
            char c0 = text[i];
            if (c0 < 128) {
                // ASCII (nearly all of source code): the same tokens and hashes as below, without the Unicode tables
                if (c0 == '\n') {
                    line++;
                    i++;
                    continue;
                }
                if (c0 <= ' ' || c0 == 127) { // exactly the ASCII characters ignored() drops
                    i++;
                    continue;
                }
                if (size == hashes.length) {
                    hashes = Arrays.copyOf(hashes, size * 2);
                    lines = Arrays.copyOf(lines, size * 2);
                }
                if (ASCII_WORD[c0]) {
                    long h = FNV_OFFSET;
                    int j = i;
                    char c = c0;
                    while (c < 128 && ASCII_WORD[c]) {
                        h = (h ^ ASCII_LOWER[c]) * FNV_PRIME;
                        if (++j == n) {
                            break;
                        }
                        c = text[j];
                    }
                    // a path goes on after the word with one of these (pathEnd is -1 otherwise: no slash in a word)
                    if (j < n && (c == '/' || c == '.' || c == '-' || c >= 128)) {
                        int pathEnd = pathEnd(text, i);
                        if (pathEnd > 0) {
                            hashes[size] = PATH;
                            lines[size++] = line;
                            i = pathEnd;
                            continue;
                        }
                    }
                    if (j < n && (c >= 128 || ASCII_INVISIBLE[c])) {
                        // a word going on in other letters (or broken by an invisible character): the general path
                        i = word(text, i, n, lines, hashes, size, line);
                        size++;
                        continue;
                    }
                    hashes[size] = mix(h);
                    lines[size++] = line;
                    i = j;
                } else {
                    hashes[size] = mix((FNV_OFFSET ^ 0x1_0000_0000L ^ c0) * FNV_PRIME);
                    lines[size++] = line;
                    i++;
                }
                continue;
            }
            int cp = Character.codePointAt(text, i);
            int len = Character.charCount(cp);
            if (cp == '\n') {
                line++;
                i += len;
                continue;
            }
            if (ignored(cp)) {
                i += len;
                continue;
            }
            long h = FNV_OFFSET;
            int pathEnd = word(cp) ? pathEnd(text, i) : -1;
            if (pathEnd > 0) {
                // a path (drivers/net/foo.c) is one token, the same for every path: naming a file is not quoting it
                if (size == hashes.length) {
                    hashes = Arrays.copyOf(hashes, size * 2);
                    lines = Arrays.copyOf(lines, size * 2);
                }
                hashes[size] = PATH;
                lines[size++] = line;
                i = pathEnd;
            } else if (word(cp)) {
                if (size == hashes.length) {
                    hashes = Arrays.copyOf(hashes, size * 2);
                    lines = Arrays.copyOf(lines, size * 2);
                }
                i = word(text, i, n, lines, hashes, size, line);
                size++;
            } else {
                h = (h ^ 0x1_0000_0000L ^ cp) * FNV_PRIME; // symbols never collide with one-letter words
                if (size == hashes.length) {
                    hashes = Arrays.copyOf(hashes, size * 2);
                    lines = Arrays.copyOf(lines, size * 2);
                }
                hashes[size] = mix(h);
                lines[size++] = line;
                i += len;
            }
        }
        return new CodeTokens(hashes, lines, size, line);
    }

    private static final long PATH = mix(0x7061746800000000L);
    private static final boolean[] ASCII_WORD = new boolean[128];
    private static final char[] ASCII_LOWER = new char[128];
    /** ASCII controls that are not blanks: dropped inside a word without splitting it. */
    private static final boolean[] ASCII_INVISIBLE = new boolean[128];
    private static final boolean[] ASCII_ALNUM = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = word(c);
            ASCII_INVISIBLE[c] = ignored(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
            ASCII_LOWER[c] = (char) Character.toLowerCase(c);
            ASCII_ALNUM[c] = Character.isLetterOrDigit(c);
        }
    }

    /**
     * Hashes the word starting at {@code i} (any letters; invisible characters inside it skipped)
     * into {@code hashes[size]} and {@code lines[size]} (room is there); returns where it ends.
     */
    private static int word(char[] text, int i, int n, int[] lines, long[] hashes, int size, int line) {
        long h = FNV_OFFSET;
        while (i < n) {
            int cp = Character.codePointAt(text, i);
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && ignored(cp)) {
                i += Character.charCount(cp); // an invisible character inside a word does not split it
                continue;
            }
            if (!word(cp)) {
                break;
            }
            h = (h ^ Character.toLowerCase(cp)) * FNV_PRIME;
            i += Character.charCount(cp);
        }
        hashes[size] = mix(h);
        lines[size] = line;
        return i;
    }

    /**
     * The end of the path-shaped run starting at {@code i} (word characters, dots, dashes and at
     * least one slash between word characters, no blanks), or -1. Each character is looked at once
     * more at most, so tokenising stays linear.
     */
    private static int pathEnd(char[] text, int i) {
        int j = i;
        boolean slash = false;
        int n = text.length;
        while (j < n) {
            char c = text[j];
            if (c == '/') {
                if (j + 1 < n && Character.isLetterOrDigit(text[j + 1]) && j > i && text[j - 1] != '/') {
                    slash = true;
                } else {
                    break;
                }
            } else if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                break;
            }
            j++;
        }
        return slash ? j : -1;
    }

    private static boolean word(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || cp == '$';
    }

    /** Whitespace, controls, format characters (bidi, zero-width), unassigned and private-use code points. */
    static boolean ignored(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** A 64-bit finaliser (MurmurHash3's fmix64), so the low and high bits of every hash are well spread. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    public int size() {
        return size;
    }

    public long hash(int token) {
        return hashes[token];
    }

    /** The 1-based line of the text where token {@code token} starts. */
    public int line(int token) {
        return lines[token];
    }

    /** Lines in the text (1 for a text without a newline). */
    public int lineCount() {
        return lineCount;
    }

    /**
     * The hash of every run of {@code k} consecutive tokens, in order ({@code size - k + 1} of them,
     * none when there are fewer than {@code k} tokens). A polynomial rolling hash, mixed.
     */
    public long[] kgrams(int k) {
        if (size < k) {
            return new long[0];
        }
        long[] out = new long[size - k + 1];
        eachKgram(k, (position, gram) -> out[position] = gram);
        return out;
    }

    /** Receives k-gram hashes in order. */
    interface KgramSink {
        void accept(int position, long gram);
    }

    /** Hands {@code sink} every k-gram hash as {@link #kgrams} holds them, without making the array. */
    void eachKgram(int k, KgramSink sink) {
        if (size < k) {
            return;
        }
        final long base = 0x9E3779B97F4A7C15L;
        long pow = 1;
        for (int j = 0; j < k - 1; j++) {
            pow *= base;
        }
        long h = 0;
        for (int j = 0; j < k; j++) {
            h = h * base + hashes[j];
        }
        sink.accept(0, mix(h));
        for (int i = 1, n = size - k + 1; i < n; i++) {
            h = (h - hashes[i - 1] * pow) * base + hashes[i + k - 1];
            sink.accept(i, mix(h));
        }
    }
}
