package airlock.core.crypto;

/**
 * Decides, without building the value, whether bytes are canonical JSON in the sense of
 * {@link CanonicalJson#parseStrict}: it accepts exactly the byte strings {@code b} for which
 * {@code CanonicalJson.write(parse(b))} is {@code b} (UTF-8 without encoded surrogates or overlong
 * forms; no whitespace; members sorted by UTF-16 code units with no duplicate; strings escaped only
 * as JCS requires; integers only, within ±(2^53−1), no {@code -0}; nesting at most
 * {@link JsonReader#MAX_DEPTH} levels below the top value).
 *
 * <p>Why a second implementation: the log verifier checks every entry of a log of millions, and
 * building maps and strings for each cost it more than hashing the file (see
 * docs/formats/session-log.md, <i>How Airlock does it quickly</i>). This walks the bytes once and
 * allocates nothing; {@code CanonicalJsonCheckTest} holds it to {@code parseStrict} on hostile and
 * mutated inputs. One instance is reused, not shared between threads.
 *
 * <p>After a successful {@link #check}, {@link #topMembers()} is the number of members of the
 * top-level object (or -1 when the top value is not an object), and {@link #firstStringCodePoints()}
 * the number of code points of the first top-level member's value when that is a string (else -1),
 * {@link #secondKeyStart()} where the second member's name starts.
 */
public final class CanonicalJsonCheck {
    private static final int MAX_DEPTH = JsonReader.MAX_DEPTH;
    private static final long MAX_SAFE = CanonicalJson.MAX_SAFE_INTEGER;

    private byte[] b;
    private int pos;
    private int end;
    private String problem;
    private int topMembers;
    private int firstStringCodePoints;
    private int secondKeyStart;
    /** Code points of the string read last (set by {@link #string}). */
    private int lastCodePoints;
    /** Whether the string read last was printable ASCII without escapes (its bytes compare as its UTF-16 units do). */
    private boolean lastPlain;
    private final boolean[] previousKeyPlain = new boolean[MAX_DEPTH + 2];
    /** Start and end (exclusive, without quotes) of the previous member name, per nesting level. */
    private final int[] previousKeyStart = new int[MAX_DEPTH + 2];
    private final int[] previousKeyEnd = new int[MAX_DEPTH + 2];

    /** Whether {@code bytes[offset, offset + length)} is canonical; {@link #problem()} says why not. */
    public boolean check(byte[] bytes, int offset, int length) {
        b = bytes;
        pos = offset;
        end = offset + length;
        problem = null;
        topMembers = -1;
        firstStringCodePoints = -1;
        secondKeyStart = -1;
        if (length == 0) {
            return fail("the document is empty");
        }
        if (!value(0)) {
            return false;
        }
        if (pos != end) {
            return fail("unexpected content after the JSON value at byte " + (pos - offset));
        }
        return true;
    }

    public boolean check(byte[] bytes) {
        return check(bytes, 0, bytes.length);
    }

    /** Why the last {@link #check} failed (null when it passed). Only a failure builds this text. */
    public String problem() {
        return problem;
    }

    public int topMembers() {
        return topMembers;
    }

    public int firstStringCodePoints() {
        return firstStringCodePoints;
    }

    /** Offset of the opening quote of the top-level object's second member name, or -1. */
    public int secondKeyStart() {
        return secondKeyStart;
    }

    private boolean fail(String what) {
        problem = what;
        return false;
    }

    private boolean value(int depth) {
        if (depth > MAX_DEPTH) {
            return fail("nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= end) {
            return fail("unexpected end of input");
        }
        byte c = b[pos];
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                return fail(c == ' ' || c == '\t' || c == '\n' || c == '\r' ? "whitespace is not canonical"
                        : "unexpected character at byte " + pos);
        }
    }

    private boolean object(int depth) {
        pos++;
        int members = 0;
        if (pos < end && b[pos] == '}') {
            pos++;
            if (depth == 0) {
                topMembers = 0;
            }
            return true;
        }
        while (true) {
            if (pos >= end || b[pos] != '"') {
                return fail("expected a member name in quotes (no whitespace) at byte " + pos);
            }
            int keyStart = pos + 1;
            if (depth == 0 && members == 1) {
                secondKeyStart = pos;
            }
            if (!string()) {
                return false;
            }
            int keyEnd = pos - 1;
            if (members > 0) {
                int order = lastPlain && previousKeyPlain[depth]
                        ? java.util.Arrays.compare(b, previousKeyStart[depth], previousKeyEnd[depth], b, keyStart, keyEnd)
                        : compareKeys(previousKeyStart[depth], previousKeyEnd[depth], keyStart, keyEnd);
                if (order >= 0) {
                    return fail("member names are not sorted, or one is repeated");
                }
            }
            previousKeyStart[depth] = keyStart;
            previousKeyEnd[depth] = keyEnd;
            previousKeyPlain[depth] = lastPlain;
            if (pos >= end || b[pos] != ':') {
                return fail("expected ':' at byte " + pos);
            }
            pos++;
            boolean stringValue = pos < end && b[pos] == '"';
            if (!value(depth + 1)) {
                return false;
            }
            if (depth == 0 && members == 0 && stringValue) {
                firstStringCodePoints = lastCodePoints;
            }
            members++;
            if (pos >= end) {
                return fail("unexpected end of input");
            }
            if (b[pos] == '}') {
                pos++;
                if (depth == 0) {
                    topMembers = members;
                }
                return true;
            }
            if (b[pos] != ',') {
                return fail("expected ',' or '}' at byte " + pos);
            }
            pos++;
        }
    }

    private boolean array(int depth) {
        pos++;
        if (pos < end && b[pos] == ']') {
            pos++;
            return true;
        }
        while (true) {
            if (!value(depth + 1)) {
                return false;
            }
            if (pos >= end) {
                return fail("unexpected end of input");
            }
            if (b[pos] == ']') {
                pos++;
                return true;
            }
            if (b[pos] != ',') {
                return fail("expected ',' or ']' at byte " + pos);
            }
            pos++;
        }
    }

    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return fail("unexpected token at byte " + pos);
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                return fail("unexpected token at byte " + pos);
            }
        }
        pos += n;
        return true;
    }

    private boolean number() {
        int start = pos;
        boolean negative = b[pos] == '-';
        if (negative) {
            pos++;
        }
        if (pos >= end || b[pos] < '0' || b[pos] > '9') {
            return fail("'-' without digits at byte " + start);
        }
        long value = 0;
        int digits = 0;
        boolean leadingZero = b[pos] == '0';
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            if (digits < 17) {
                value = value * 10 + (b[pos] - '0');
            }
            digits++;
            pos++;
        }
        if (pos < end && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E')) {
            return fail("fractions and exponents are not allowed (integers only)");
        }
        if (leadingZero && digits > 1) {
            return fail("an integer with a leading zero is not canonical");
        }
        if (digits > 16 || value > MAX_SAFE) {
            return fail("integer at byte " + start + " is outside ±(2^53−1)");
        }
        if (negative && value == 0) {
            return fail("-0 is not canonical");
        }
        return true;
    }

    /**
     * A string from its opening quote; leaves pos after the closing quote; counts code points and
     * notes whether it was plain ASCII without escapes. The loop keeps its state in locals: this is
     * the verifier's hottest loop (most of an entry's bytes are inside strings).
     */
    private boolean string() {
        final byte[] bytes = b;
        final int limit = end;
        int p = pos + 1;
        int codePoints = 0;
        boolean plain = true;
        while (true) {
            if (p >= limit) {
                pos = p;
                return fail("unterminated string");
            }
            int c = bytes[p];
            if (c >= 0x20 && c != '"' && c != '\\') { // c < 0 for bytes 0x80-0xFF
                p++;
                codePoints++;
                continue;
            }
            if (c == '"') {
                pos = p + 1;
                lastCodePoints = codePoints;
                lastPlain = plain;
                return true;
            }
            pos = p;
            plain = false;
            codePoints++;
            if (c == '\\') {
                if (!escape()) {
                    return false;
                }
            } else if (c >= 0) {
                return fail("raw control character inside a string at byte " + pos);
            } else {
                codePoints--; // counted again below, once per sequence
                if (!utf8(c & 0xff)) {
                    return fail("invalid UTF-8 at byte " + pos);
                }
                codePoints++;
            }
            p = pos;
        }
    }

    /** One escape at pos (a backslash); leaves pos after it. */
    private boolean escape() {
        if (pos + 1 >= end) {
            return fail("unterminated escape");
        }
        int e = b[pos + 1];
        switch (e) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't' -> pos += 2;
            case 'u' -> {
                // canonical only for a control character that has no short escape, in lower-case hex
                if (pos + 6 > end || b[pos + 2] != '0' || b[pos + 3] != '0' || (b[pos + 4] != '0' && b[pos + 4] != '1')
                        || !lowerHex(b[pos + 5])) {
                    return fail("a \\u escape that canonical JSON does not use at byte " + pos);
                }
                int unit = (b[pos + 4] - '0') * 16 + hexValue(b[pos + 5]);
                if (unit == '\b' || unit == '\f' || unit == '\n' || unit == '\r' || unit == '\t') {
                    return fail("a \\u escape where canonical JSON uses a short escape at byte " + pos);
                }
                pos += 6;
            }
            default -> {
                return fail("an escape that canonical JSON does not use at byte " + pos);
            }
        }
        return true;
    }

    /** One multi-byte UTF-8 sequence at pos (lead byte c); no overlong form, surrogate or value over U+10FFFF. */
    private boolean utf8(int c) {
        int need;
        int min;
        int cp;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            min = 0x80;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            min = 0x800;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            min = 0x10000;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (pos + need >= end) {
            return false;
        }
        for (int i = 1; i <= need; i++) {
            int k = b[pos + i] & 0xff;
            if ((k & 0xC0) != 0x80) {
                return false;
            }
            cp = cp << 6 | (k & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        pos += need + 1;
        return true;
    }

    private static boolean lowerHex(byte x) {
        return (x >= '0' && x <= '9') || (x >= 'a' && x <= 'f');
    }

    private static int hexValue(byte x) {
        return x <= '9' ? x - '0' : x - 'a' + 10;
    }

    /**
     * Compares two member names (canonical string contents, already checked) by their UTF-16 code
     * units, as {@link String#compareTo} does, decoding escapes and UTF-8 on the fly.
     */
    private int compareKeys(int aStart, int aEnd, int bStart, int bEnd) {
        long a = aStart;
        long o = bStart;
        // cursor state: position in the low 32 bits, a pending low surrogate in the high bits
        while (true) {
            boolean aDone = (int) a >= aEnd && (a >>> 32) == 0;
            boolean bDone = (int) o >= bEnd && (o >>> 32) == 0;
            if (aDone || bDone) {
                return aDone && bDone ? 0 : aDone ? -1 : 1;
            }
            long nextA = nextUnit(a);
            long nextB = nextUnit(o);
            int unitA = (int) (nextA >>> 48);
            int unitB = (int) (nextB >>> 48);
            if (unitA != unitB) {
                return unitA - unitB;
            }
            a = nextA & 0xFFFF_FFFF_FFFFL;
            o = nextB & 0xFFFF_FFFF_FFFFL;
        }
    }

    /**
     * The next UTF-16 code unit from a cursor (bits 0–31 position, bits 32–47 a pending low
     * surrogate): returns the unit in bits 48–63 and the new cursor below.
     */
    private long nextUnit(long cursor) {
        int pending = (int) (cursor >>> 32) & 0xFFFF;
        int p = (int) cursor;
        if (pending != 0) {
            return (long) pending << 48 | (p & 0xFFFF_FFFFL);
        }
        int c = b[p] & 0xff;
        int unit;
        int low = 0;
        if (c == '\\') {
            int e = b[p + 1];
            switch (e) {
                case 'b' -> unit = '\b';
                case 'f' -> unit = '\f';
                case 'n' -> unit = '\n';
                case 'r' -> unit = '\r';
                case 't' -> unit = '\t';
                case 'u' -> unit = (b[p + 4] - '0') * 16 + hexValue(b[p + 5]);
                default -> unit = e; // '"' or '\\'
            }
            p += e == 'u' ? 6 : 2;
        } else if (c < 0x80) {
            unit = c;
            p++;
        } else if (c < 0xE0) {
            unit = (c & 0x1F) << 6 | (b[p + 1] & 0x3F);
            p += 2;
        } else if (c < 0xF0) {
            unit = (c & 0x0F) << 12 | (b[p + 1] & 0x3F) << 6 | (b[p + 2] & 0x3F);
            p += 3;
        } else {
            int cp = (c & 0x07) << 18 | (b[p + 1] & 0x3F) << 12 | (b[p + 2] & 0x3F) << 6 | (b[p + 3] & 0x3F);
            unit = Character.highSurrogate(cp);
            low = Character.lowSurrogate(cp);
            p += 4;
        }
        return (long) unit << 48 | (long) low << 32 | (p & 0xFFFF_FFFFL);
    }
}
