package airlock.core.log;

import airlock.core.crypto.CanonicalJson;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of one committed field and its salt: what opens the commitment in entry {@code entry}
 * of session {@code session}. One line of a {@code session-<id>.disclosures} file is
 * {@link #line()} followed by LF.
 *
 * @param value the field's value as the feature recorded it (any canonical-JSON value)
 */
public record Disclosure(String session, long entry, String field, byte[] salt, Object value) {
    public Disclosure {
        if (salt.length != FieldCommitment.SALT_BYTES) {
            throw new IllegalArgumentException("a salt is " + FieldCommitment.SALT_BYTES + " bytes");
        }
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** The commitment this disclosure opens. */
    public byte[] commitment() {
        return FieldCommitment.commit(salt, field, value);
    }

    /** The canonical JSON line (without LF): members entry, field, salt (Base64), session, value. */
    public byte[] line() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entry", entry);
        out.put("field", field);
        out.put("salt", Base64.getEncoder().encodeToString(salt));
        out.put("session", session);
        out.put("value", value);
        return CanonicalJson.write(out);
    }
}
