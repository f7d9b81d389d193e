package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.crypto.CanonicalJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Entry bytes: one canonical JSON object (RFC 8785) with exactly the members actor, data, prev,
 * seq, time and type. The bytes are what is hashed and signed; decoding accepts only canonical
 * bytes, so each entry has one spelling.
 */
public final class EntryCodec {
    /** Documented upper limit of one entry's canonical bytes (64 KiB). */
    public static final int MAX_ENTRY_BYTES = 65_536;
    public static final int MAX_ACTOR_LENGTH = 256;
    private static final Set<String> MEMBERS = Set.of("actor", "data", "prev", "seq", "time", "type");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private final LogHashes hashes = new LogHashes();

    public static String formatTime(Instant time) {
        return TIME.format(time);
    }

    /** Builds the canonical bytes of a new entry and its hash; refuses entries over the size limit. */
    public LogEntry encode(long seq, Instant time, String actor, EntryType type, Map<String, Object> data, byte[] prev)
            throws AirlockException {
        checkActor(actor);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("actor", actor);
        entry.put("data", data);
        entry.put("prev", LogHashes.hex(prev));
        entry.put("seq", seq);
        entry.put("time", formatTime(time));
        entry.put("type", type.wireName());
        byte[] bytes;
        try {
            bytes = CanonicalJson.write(entry);
        } catch (IllegalArgumentException e) {
            throw new AirlockException("log.entry.unsupported", "The " + type.wireName()
                    + " entry holds a value the log cannot record (" + e.getMessage() + ")", e);
        }
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new AirlockException("log.entry.too-large", "The " + type.wireName() + " entry would be "
                    + bytes.length + " bytes; the log's limit is " + MAX_ENTRY_BYTES + " bytes per entry."
                    + " Shorten the text (for example the annotation body) and try again.");
        }
        return new LogEntry(seq, formatTime(time), actor, type, data, prev, bytes, hashes.entryHash(bytes));
    }

    /** Parses one entry's bytes strictly; the message says which rule was broken. */
    public LogEntry decode(byte[] bytes) throws AirlockException {
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw malformed("is " + bytes.length + " bytes, over the limit of " + MAX_ENTRY_BYTES);
        }
        Object parsed;
        try {
            parsed = CanonicalJson.parseStrict(bytes);
        } catch (AirlockException e) {
            throw malformed("is not canonical JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map) || !map.keySet().equals(MEMBERS)) {
            throw malformed("must be an object with exactly the members " + MEMBERS);
        }
        if (!(map.get("seq") instanceof Long seq) || seq < 0) {
            throw malformed("has no non-negative integer seq");
        }
        if (!(map.get("time") instanceof String time) || !validTime(time)) {
            throw malformed(TIME_RULE);
        }
        if (!(map.get("actor") instanceof String actor)) {
            throw malformed("has no actor");
        }
        checkActor(actor);
        if (!(map.get("type") instanceof String typeName)) {
            throw malformed("has no type");
        }
        EntryType type = EntryType.fromWire(typeName)
                .orElseThrow(() -> malformed("has an unknown type '" + printable(typeName) + "'"));
        if (!(map.get("data") instanceof Map<?, ?> data)) {
            throw malformed("has no data object");
        }
        byte[] prev;
        try {
            prev = LogHashes.parseHex(String.valueOf(map.get("prev")));
        } catch (IllegalArgumentException e) {
            throw malformed("has a prev that is not 64 lower-case hex digits");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) data;
        return new LogEntry(seq, time, actor, type, typed, prev, bytes, hashes.entryHash(bytes));
    }

    private static void checkActor(String actor) throws AirlockException {
        if (actor == null || !validActorLength(actor.codePointCount(0, actor.length()))) {
            throw malformed(ACTOR_RULE);
        }
    }

    static final String ACTOR_RULE = "has an actor that is empty or longer than " + MAX_ACTOR_LENGTH + " code points";
    static final String TIME_RULE = "has no time of the form 2026-01-31T12:00:00.000Z (a real UTC date and time)";

    /** An actor is 1 to {@link #MAX_ACTOR_LENGTH} code points long. */
    static boolean validActorLength(int codePoints) {
        return codePoints >= 1 && codePoints <= MAX_ACTOR_LENGTH;
    }

    static boolean validTime(String time) {
        if (time.length() != 24) {
            return false;
        }
        byte[] bytes = new byte[24];
        for (int i = 0; i < 24; i++) {
            char c = time.charAt(i);
            if (c > 0x7f) {
                return false;
            }
            bytes[i] = (byte) c;
        }
        return validTime(bytes, 0);
    }

    /**
     * Whether the 24 bytes at {@code offset} are {@code YYYY-MM-DDTHH:MM:SS.mmmZ} with ASCII digits
     * naming a real proleptic-Gregorian date (years 0000–9999) and a time of day from 00:00:00.000
     * to 23:59:59.999 (no leap second).
     */
    static boolean validTime(byte[] b, int offset) {
        final String shape = "dddd-dd-ddTdd:dd:dd.dddZ";
        for (int i = 0; i < 24; i++) {
            char want = shape.charAt(i);
            byte got = b[offset + i];
            if (want == 'd' ? got < '0' || got > '9' : got != want) {
                return false;
            }
        }
        int year = number(b, offset, 4);
        int month = number(b, offset + 5, 2);
        int day = number(b, offset + 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return false;
        }
        return number(b, offset + 11, 2) <= 23 && number(b, offset + 14, 2) <= 59 && number(b, offset + 17, 2) <= 59;
    }

    private static int number(byte[] b, int offset, int digits) {
        int n = 0;
        for (int i = 0; i < digits; i++) {
            n = n * 10 + (b[offset + i] - '0');
        }
        return n;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    static AirlockException malformed(String what) {
        return new AirlockException("log.entry.malformed", "The entry " + what);
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
