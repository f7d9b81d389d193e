package airlock.core.log;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;

/**
 * The chain fields of an entry read from the end of its canonical bytes, without parsing the
 * data object: canonical JSON sorts members, so every entry ends with
 * {@code "prev":"<64 hex>","seq":<n>,"time":"<24 chars>","type":"<name>"}}. This is what the
 * verifier needs for the hash chain and the tree (the hash always covers the exact bytes); entry 0,
 * checkpoints and {@code --strict} runs are decoded in full by {@link EntryCodec}.
 */
record EntryTail(long seq, byte[] prev, String time, EntryType type) {
    private static final byte[] START = bytes("{\"actor\":\"");
    private static final byte[] TYPE = bytes(",\"type\":\"");
    private static final byte[] TIME = bytes(",\"time\":\"");
    private static final byte[] SEQ = bytes(",\"seq\":");
    private static final byte[] PREV = bytes("},\"prev\":\"");

    static EntryTail parse(byte[] line) throws AirlockException {
        int end = line.length;
        if (end < 120 || !startsWith(line, START) || line[end - 1] != '}' || line[end - 2] != '"') {
            throw bad("does not have the shape of a canonical entry");
        }
        int typeEnd = end - 2;
        int typeStart = typeEnd;
        while (typeStart > 0 && line[typeStart - 1] != '"') {
            typeStart--;
        }
        if (typeEnd - typeStart > 40 || !at(line, typeStart - TYPE.length, TYPE)) {
            throw bad("has no type member where canonical order puts it");
        }
        EntryType type = typeAt(line, typeStart, typeEnd);
        int timeEnd = typeStart - TYPE.length - 1;
        int timeStart = timeEnd - 24;
        if (timeStart < 0 || line[timeEnd] != '"' || !at(line, timeStart - TIME.length, TIME)) {
            throw bad("has no time member where canonical order puts it");
        }
        String time = new String(line, timeStart, 24, StandardCharsets.US_ASCII);
        int seqEnd = timeStart - TIME.length;
        int seqStart = seqEnd;
        while (seqStart > 0 && line[seqStart - 1] >= '0' && line[seqStart - 1] <= '9') {
            seqStart--;
        }
        int digits = seqEnd - seqStart;
        if (digits == 0 || digits > 15 || (digits > 1 && line[seqStart] == '0') || !at(line, seqStart - SEQ.length, SEQ)) {
            throw bad("has no canonical seq member");
        }
        long seq = 0;
        for (int i = seqStart; i < seqEnd; i++) {
            seq = seq * 10 + (line[i] - '0');
        }
        int prevEnd = seqStart - SEQ.length - 1;
        int prevStart = prevEnd - 64;
        if (prevStart < 0 || line[prevEnd] != '"' || !at(line, prevStart - PREV.length, PREV)) {
            throw bad("has no prev member where canonical order puts it");
        }
        byte[] prev = new byte[LogHashes.LENGTH];
        for (int i = 0; i < prev.length; i++) {
            int high = HEX_VALUE[line[prevStart + 2 * i] & 0xff];
            int low = HEX_VALUE[line[prevStart + 2 * i + 1] & 0xff];
            if ((high | low) < 0) {
                throw bad("has a prev that is not lower-case hex");
            }
            prev[i] = (byte) (high << 4 | low);
        }
        return new EntryTail(seq, prev, time, type);
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

    private static boolean startsWith(byte[] line, byte[] prefix) {
        return at(line, 0, prefix);
    }

    private static boolean at(byte[] line, int offset, byte[] expected) {
        if (offset < 0 || offset + expected.length > line.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (line[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static AirlockException bad(String what) {
        return new AirlockException("log.entry.malformed", "The entry " + what);
    }
}
