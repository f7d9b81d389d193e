package airlock.core.crypto;

import java.util.Locale;
import java.util.Objects;

/**
 * Identifier of a public key: the lower-case hex SHA-256 of the key's X.509 SubjectPublicKeyInfo
 * DER encoding (the bytes between the PEM armour of {@code -----BEGIN PUBLIC KEY-----}). An auditor
 * computes the same value with {@code openssl pkey -pubin -in KEY.pub -outform DER | sha256sum}.
 */
public record KeyId(String hex) {
    public KeyId {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a key id is 64 lower-case hex digits, got '" + hex + "'");
        }
    }

    /** Parses a key id typed by a person (any case, surrounding blanks ignored). */
    public static KeyId parse(String text) {
        return new KeyId(text.strip().toLowerCase(Locale.ROOT));
    }

    /** The first 16 hex digits, grouped in fours, for showing to a person next to the full id. */
    public String fingerprint() {
        return hex.substring(0, 4) + " " + hex.substring(4, 8) + " " + hex.substring(8, 12) + " " + hex.substring(12, 16);
    }

    @Override
    public String toString() {
        return hex;
    }
}
