package airlock.core.policy;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * One inspector the room policy names: the name the session log records, and a verifier of the
 * inspector's own passphrase (salted PBKDF2-HMAC-SHA256, the same construction as the room PIN; the
 * passphrase itself is never stored). With a list of inspectors in the policy, a session's actor is
 * a person the room administrator named and who proved it, not a string typed at the keyboard.
 *
 * @param name       as on the inspector's papers (1..100 characters, no control or invisible characters)
 * @param passphrase the verifier of their passphrase
 */
public record Inspector(String name, PinHash passphrase) {
    public static final int MAX_NAME = 100;
    /** An inspector's passphrase is longer than a PIN: it is the only thing that makes a name a person. */
    public static final int MIN_PASSPHRASE = 10;

    public Inspector {
        Objects.requireNonNull(passphrase, "passphrase");
        if (name == null || name.isBlank() || !name.equals(name.strip()) || name.length() > MAX_NAME
                || name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new IllegalArgumentException("an inspector's name is 1 to " + MAX_NAME
                    + " characters, without leading or trailing spaces, control or invisible formatting characters");
        }
    }

    /** A new verifier for {@code passphrase} (at least {@value #MIN_PASSPHRASE} characters). */
    public static Inspector of(String name, char[] passphrase, SecureRandom random) {
        if (passphrase.length < MIN_PASSPHRASE) {
            throw new IllegalArgumentException("an inspector's passphrase has at least " + MIN_PASSPHRASE + " characters");
        }
        return new Inspector(name, PinHash.of(passphrase, random));
    }
}
