package airlock.core.log;

import airlock.core.crypto.CanonicalJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The commitment that stands in a log entry for a sensitive field (see docs/formats/session-log.md,
 * <em>Committed fields</em>): SHA-256 over the domain string, the 32-byte salt, the field name and
 * the canonical JSON of the value, each variable part preceded by its length as 4 bytes big-endian,
 * so no two (field, value) pairs share an encoding. In the entry the field's value becomes
 * {@code {"commitment":"<64 lower-case hex>"}}.
 */
public final class FieldCommitment {
    /** Domain string with version; a new encoding gets a new string. */
    public static final String DOMAIN = "airlock field commitment v1";
    public static final String MEMBER = "commitment";
    public static final int SALT_BYTES = 32;

    private FieldCommitment() {
    }

    /** The commitment to {@code value} (any canonical-JSON value) under {@code field} with {@code salt}. */
    public static byte[] commit(byte[] salt, String field, Object value) {
        return commitCanonical(salt, field, CanonicalJson.write(value));
    }

    /** As {@link #commit}, the value given as its canonical JSON bytes. */
    public static byte[] commitCanonical(byte[] salt, String field, byte[] canonicalValue) {
        if (salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("a salt is " + SALT_BYTES + " bytes, not " + salt.length);
        }
        byte[] domain = DOMAIN.getBytes(StandardCharsets.US_ASCII);
        byte[] name = field.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(4 + domain.length + SALT_BYTES + 4 + name.length + 4 + canonicalValue.length);
        buffer.putInt(domain.length).put(domain).put(salt).putInt(name.length).put(name).putInt(canonicalValue.length)
                .put(canonicalValue);
        try {
            return MessageDigest.getInstance("SHA-256").digest(buffer.array());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** What the entry holds in place of the value. */
    public static Map<String, Object> marker(byte[] commitment) {
        return Map.of(MEMBER, LogHashes.hex(commitment));
    }

    /** The hex commitment when {@code value} is exactly a commitment object, else null. */
    public static String of(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get(MEMBER) instanceof String hex
                && hex.matches("[0-9a-f]{64}")) {
            return hex;
        }
        return null;
    }
}
