package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.crypto.CanonicalJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    private static final Pattern TIME_PATTERN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
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
        if (!(map.get("time") instanceof String time) || !TIME_PATTERN.matcher(time).matches()) {
            throw malformed("has no time of the form 2026-01-31T12:00:00.000Z");
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
        if (actor == null || actor.isEmpty() || actor.length() > MAX_ACTOR_LENGTH) {
            throw malformed("has an actor that is empty or longer than " + MAX_ACTOR_LENGTH + " characters");
        }
    }

    private static AirlockException malformed(String what) {
        return new AirlockException("log.entry.malformed", "The entry " + what);
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
