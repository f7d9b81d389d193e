package airlock.core.log;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

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
        String typeName = new String(line, typeStart, typeEnd - typeStart, StandardCharsets.US_ASCII);
        EntryType type = EntryType.fromWire(typeName).orElseThrow(() -> bad("has an unknown type"));
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
        long seq = Long.parseLong(new String(line, seqStart, digits, StandardCharsets.US_ASCII));
        int prevEnd = seqStart - SEQ.length - 1;
        int prevStart = prevEnd - 64;
        if (prevStart < 0 || line[prevEnd] != '"' || !at(line, prevStart - PREV.length, PREV)) {
            throw bad("has no prev member where canonical order puts it");
        }
        for (int i = prevStart; i < prevEnd; i++) {
            byte b = line[i];
            if (!((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f'))) {
                throw bad("has a prev that is not lower-case hex");
            }
        }
        byte[] prev = HexFormat.of().parseHex(new String(line, prevStart, 64, StandardCharsets.US_ASCII));
        return new EntryTail(seq, prev, time, type);
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
