package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.crypto.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each line of a {@code .disclosures} file against the commitment it claims to open, in the
 * order docs/formats/session-log.md gives (<em>Verifying disclosures</em>); the first failure is
 * reported with its line number. Run only on a log that verified: the entries are then known to
 * be well-formed and sealed, so a disclosure that matches a commitment is tied to the seal.
 */
public final class DisclosureVerifier {
    /** A line's limit: an entry's limit plus room for the salt, names and session. */
    public static final int MAX_LINE_BYTES = EntryCodec.MAX_ENTRY_BYTES + 1024;
    private static final Set<String> MEMBERS = Set.of("entry", "field", "salt", "session", "value");

    private record Parsed(String session, long entry, String field, byte[] salt, Object value) {
    }

    /** Verifies {@code disclosures} against the entries file {@code entries} of session {@code session}. */
    public DisclosureVerification verify(byte[] entries, byte[] disclosures, String session) throws AirlockException {
        List<byte[]> lines = lines(entries);
        EntryCodec codec = new EntryCodec();
        int committed = 0;
        byte[] marker = ("{\"" + FieldCommitment.MEMBER + "\":\"").getBytes(StandardCharsets.US_ASCII);
        Map<Long, Map<String, Object>> data = new HashMap<>();
        for (byte[] line : lines) {
            if (indexOf(line, marker) >= 0) {
                LogEntry e = codec.decode(line);
                data.put(e.seq(), e.data());
                committed += (int) e.data().values().stream().filter(v -> FieldCommitment.of(v) != null).count();
            }
        }
        Set<String> seen = new HashSet<>();
        int lineNo = 0;
        int start = 0;
        while (start < disclosures.length) {
            lineNo++;
            int end = start;
            while (end < disclosures.length && disclosures[end] != '\n' && end - start <= MAX_LINE_BYTES) {
                end++;
            }
            if (end - start > MAX_LINE_BYTES) {
                return DisclosureVerification.bad(lineNo, "the line is over " + MAX_LINE_BYTES + " bytes");
            }
            if (end == disclosures.length) {
                return DisclosureVerification.bad(lineNo, "the line is cut off (the file ends without a line feed)");
            }
            byte[] raw = java.util.Arrays.copyOfRange(disclosures, start, end);
            start = end + 1;
            Parsed d;
            try {
                d = parse(raw);
            } catch (IllegalArgumentException e) {
                return DisclosureVerification.bad(lineNo, e.getMessage());
            }
            String claimed = d.session();
            if (!claimed.equals(session)) {
                return DisclosureVerification.bad(lineNo, "it is for session '" + claimed + "', not '" + session + "'");
            }
            if (d.entry() >= lines.size()) {
                return DisclosureVerification.bad(lineNo, "it names entry " + d.entry() + " but the log has " + lines.size()
                        + " entries");
            }
            Map<String, Object> entryData = data.get(d.entry());
            String hex = entryData == null ? null : FieldCommitment.of(entryData.get(d.field()));
            if (hex == null) {
                return DisclosureVerification.bad(lineNo, "field '" + d.field() + "' of entry " + d.entry() + " is not committed");
            }
            if (!seen.add(d.entry() + "/" + d.field())) {
                return DisclosureVerification.bad(lineNo, "field '" + d.field() + "' of entry " + d.entry()
                        + " is disclosed a second time");
            }
            byte[] computed = FieldCommitment.commit(d.salt(), d.field(), d.value());
            if (!MessageDigest.isEqual(computed, java.util.HexFormat.of().parseHex(hex))) {
                return DisclosureVerification.bad(lineNo, "it does not open the commitment of field '" + d.field() + "' of entry "
                        + d.entry() + " (wrong value, salt or field)");
            }
        }
        return DisclosureVerification.ok(seen.size(), committed);
    }

    /** The members of one line after every syntax rule; IllegalArgumentException says which rule failed. */
    private static Parsed parse(byte[] raw) {
        Object value;
        try {
            value = CanonicalJson.parseStrict(raw);
        } catch (AirlockException e) {
            throw new IllegalArgumentException("it is not canonical JSON (" + e.getMessage() + ")");
        }
        if (!(value instanceof Map<?, ?> map) || !map.keySet().equals(MEMBERS)) {
            throw new IllegalArgumentException("it is not an object with exactly the members entry, field, salt, session, value");
        }
        if (!(map.get("entry") instanceof Long entry) || entry < 0) {
            throw new IllegalArgumentException("its entry is not an integer >= 0");
        }
        if (!(map.get("field") instanceof String field) || field.isEmpty()) {
            throw new IllegalArgumentException("its field is not a non-empty string");
        }
        if (!(map.get("session") instanceof String session)) {
            throw new IllegalArgumentException("its session is not a string");
        }
        byte[] salt = map.get("salt") instanceof String text ? canonicalBase64(text, FieldCommitment.SALT_BYTES) : null;
        if (salt == null) {
            throw new IllegalArgumentException("its salt is not the canonical Base64 of " + FieldCommitment.SALT_BYTES + " bytes");
        }
        return new Parsed(session, entry, field, salt, map.get("value"));
    }

    private static byte[] canonicalBase64(String text, int length) {
        try {
            byte[] raw = Base64.getDecoder().decode(text);
            return raw.length == length && Base64.getEncoder().encodeToString(raw).equals(text) ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The entries file's lines (a verified log: every line ends with LF). */
    private static List<byte[]> lines(byte[] entries) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(entries, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
