package airlock.core.policy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A room PIN as PBKDF2-HMAC-SHA256 (salt, iterations, 32-byte hash). A PIN has few digits, so a
 * bare SHA-256 of it would be reversed by trying them all; the salt and work factor make that
 * expensive, and the policy file never holds the PIN itself.
 */
public record PinHash(byte[] salt, int iterations, byte[] hash) {
    public static final int MIN_ITERATIONS = 100_000;
    public static final int MAX_ITERATIONS = 10_000_000;
    public static final int MIN_PIN_LENGTH = 6;

    public PinHash {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        if (salt.length < 16 || salt.length > 64) {
            throw new IllegalArgumentException("the PIN salt must be 16 to 64 bytes, not " + salt.length);
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PIN iterations must be " + MIN_ITERATIONS + ".." + MAX_ITERATIONS
                    + ", not " + iterations);
        }
        if (hash.length != 32) {
            throw new IllegalArgumentException("the PIN hash must be 32 bytes, not " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes a new PIN with a fresh random salt. */
    public static PinHash of(char[] pin, SecureRandom random) {
        if (pin.length < MIN_PIN_LENGTH) {
            throw new IllegalArgumentException("a room PIN has at least " + MIN_PIN_LENGTH + " characters");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PinHash(salt, MIN_ITERATIONS, derive(pin, salt, MIN_ITERATIONS));
    }

    /** Whether {@code pin} is the PIN this hash was made from (constant-time comparison). */
    public boolean matches(char[] pin) {
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PinHash p && iterations == p.iterations && Arrays.equals(salt, p.salt) && Arrays.equals(hash, p.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "PinHash[pbkdf2-sha256, " + iterations + " iterations]";
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks PBKDF2WithHmacSHA256", e);
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("cannot hash this PIN: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }
}
