package airlock.core.log;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;

/**
 * The chain fields of an entry read from the end of its canonical bytes, without parsing the
 * data object: canonical JSON sorts members, so every entry ends with
 * {@code "prev":"<64 hex>","seq":<n>,"time":"<24 chars>","type":"<name>"}}. This is what the
 * verifier needs for the hash chain and the tree (the hash always covers the exact bytes); entry 0,
 * checkpoints are decoded in full by {@link EntryCodec}; the verifier checks every other entry's syntax in
 * place with {@link airlock.core.crypto.CanonicalJsonCheck} before reading its tail.
 *
 * <p>One instance is reused entry after entry: {@link #parse} fills its fields and allocates
 * nothing, so a million-entry log does not churn the heap.
 */
final class EntryTail {
    private static final byte[] START = bytes("{\"actor\":\"");
    private static final byte[] TYPE = bytes(",\"type\":\"");
    private static final byte[] TIME = bytes(",\"time\":\"");
    private static final byte[] SEQ = bytes(",\"seq\":");
    private static final byte[] PREV = bytes("},\"prev\":\"");

    private final byte[] prev = new byte[LogHashes.LENGTH];
    private final byte[] time = new byte[24];
    private long seq;
    private EntryType type;

    long seq() {
        return seq;
    }

    EntryType type() {
        return type;
    }

    /** Whether the entry's prev names {@code hash}. */
    boolean prevEquals(byte[] hash) {
        return java.util.Arrays.equals(prev, hash);
    }

    /** A copy of the prev hash. */
    byte[] prev() {
        return prev.clone();
    }

    /** Whether the time is a real UTC date and time in the log's form ({@link EntryCodec#validTime(byte[], int)}). */
    boolean timeValid() {
        return EntryCodec.validTime(time, 0);
    }

    /** Copies the 24 time characters (ASCII) into {@code target}. */
    void copyTime(byte[] target) {
        System.arraycopy(time, 0, target, 0, time.length);
    }

    /** Parses a whole line, e.g. {@code new EntryTail().parse(bytes)}; returns this. */
    EntryTail parse(byte[] line) throws AirlockException {
        return parse(line, 0, line.length);
    }

    /** Reads the tail of the entry in {@code line[offset, offset + length)} into this; returns this. */
    EntryTail parse(byte[] line, int offset, int length) throws AirlockException {
        int end = offset + length;
        if (length < 120 || !at(line, offset, end, START) || line[end - 1] != '}' || line[end - 2] != '"') {
            throw bad("does not have the shape of a canonical entry");
        }
        int typeEnd = end - 2;
        int typeStart = typeEnd;
        while (typeStart > offset && line[typeStart - 1] != '"') {
            typeStart--;
        }
        if (typeEnd - typeStart > 40 || !at(line, offset, end, typeStart - TYPE.length, TYPE)) {
            throw bad("has no type member where canonical order puts it");
        }
        EntryType entryType = typeAt(line, typeStart, typeEnd);
        int timeEnd = typeStart - TYPE.length - 1;
        int timeStart = timeEnd - 24;
        if (timeStart < offset || line[timeEnd] != '"' || !at(line, offset, end, timeStart - TIME.length, TIME)) {
            throw bad("has no time member where canonical order puts it");
        }
        System.arraycopy(line, timeStart, time, 0, time.length);
        int seqEnd = timeStart - TIME.length;
        int seqStart = seqEnd;
        while (seqStart > offset && line[seqStart - 1] >= '0' && line[seqStart - 1] <= '9') {
            seqStart--;
        }
        int digits = seqEnd - seqStart;
        if (digits == 0 || digits > 16 || (digits > 1 && line[seqStart] == '0') || !at(line, offset, end, seqStart - SEQ.length, SEQ)) {
            throw bad("has no canonical seq member");
        }
        long number = 0;
        for (int i = seqStart; i < seqEnd; i++) {
            number = number * 10 + (line[i] - '0');
        }
        int prevEnd = seqStart - SEQ.length - 1;
        int prevStart = prevEnd - 64;
        if (prevStart < offset || line[prevEnd] != '"' || !at(line, offset, end, prevStart - PREV.length, PREV)) {
            throw bad("has no prev member where canonical order puts it");
        }
        for (int i = 0; i < prev.length; i++) {
            int high = HEX_VALUE[line[prevStart + 2 * i] & 0xff];
            int low = HEX_VALUE[line[prevStart + 2 * i + 1] & 0xff];
            if ((high | low) < 0) {
                throw bad("has a prev that is not lower-case hex");
            }
            prev[i] = (byte) (high << 4 | low);
        }
        seq = number;
        type = entryType;
        return this;
    }

    /** Value of a lower-case hex digit, -1 for any other byte. */
    private static final int[] HEX_VALUE = new int[256];
    /** The types by the length of their wire name, so a type is found with one or two comparisons. */
    private static final EntryType[][] TYPES_BY_LENGTH = new EntryType[41][0];
    private static final byte[][] NAMES = new byte[EntryType.values().length][];

    static {
        java.util.Arrays.fill(HEX_VALUE, -1);
        for (int i = 0; i < 16; i++) {
            HEX_VALUE["0123456789abcdef".charAt(i)] = i;
        }
        for (EntryType type : EntryType.values()) {
            NAMES[type.ordinal()] = bytes(type.wireName());
            int length = type.wireName().length();
            EntryType[] same = TYPES_BY_LENGTH[length];
            TYPES_BY_LENGTH[length] = java.util.Arrays.copyOf(same, same.length + 1);
            TYPES_BY_LENGTH[length][same.length] = type;
        }
    }

    private static EntryType typeAt(byte[] line, int start, int end) throws AirlockException {
        for (EntryType type : TYPES_BY_LENGTH[end - start]) {
            byte[] name = NAMES[type.ordinal()];
            if (java.util.Arrays.equals(line, start, end, name, 0, name.length)) {
                return type;
            }
        }
        throw bad("has an unknown type");
    }

    /** Whether {@code expected} lies at {@code position}, wholly inside the line {@code [start, end)}. */
    private static boolean at(byte[] line, int start, int end, int position, byte[] expected) {
        if (position < start || position + expected.length > end) {
            return false;
        }
        return java.util.Arrays.equals(line, position, position + expected.length, expected, 0, expected.length);
    }

    private static boolean at(byte[] line, int start, int end, byte[] expected) {
        return at(line, start, end, start, expected);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static AirlockException bad(String what) {
        return new AirlockException("log.entry.malformed", "The entry " + what);
    }
}
