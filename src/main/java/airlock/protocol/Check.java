package airlock.protocol;

import java.util.List;

/** The record constructors' limit checks; each failure names the field. */
final class Check {
    private Check() {
    }

    /** Non-null, at most {@code max} UTF-16 units, no NUL (paths may hold other controls: git allows them). */
    static String text(String value, String field, int max) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " contains a NUL character");
        }
        return value;
    }

    static String optionalText(String value, String field, int max) {
        return value == null ? null : text(value, field, max);
    }

    /** Like {@link #text}, non-empty, and without control or invisible formatting characters. */
    static String name(String value, String field, int max) {
        text(value, field, max);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        // a plain loop, not codePoints().anyMatch: this runs for every listed file's kind (315,000 at four
        // kernels, issue 20), where a stream pipeline per value was a tenth of a fresh process's listing
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new IllegalArgumentException(field + " contains control or invisible formatting characters");
            }
            i += Character.charCount(c);
        }
        return value;
    }

    static String optionalName(String value, String field, int max) {
        return value == null ? null : name(value, field, max);
    }

    static long range(long value, String field, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    static int range(int value, String field, int min, int max) {
        return (int) range((long) value, field, (long) min, (long) max);
    }

    static <T> List<T> list(List<T> values, String field, int max) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (values.size() > max) {
            throw new IllegalArgumentException(field + " has more than " + max + " items");
        }
        return List.copyOf(values);
    }

    static List<String> texts(List<String> values, String field, int maxCount, int maxLength) {
        List<String> copy = list(values, field, maxCount);
        for (String v : copy) {
            text(v, field + " item", maxLength);
        }
        return copy;
    }

    /** A diff or blame verdict (history/diff, issue 16, kread). */
    static String verdict(String verdict) {
        if (!List.of("text", "binary", "too_large", "special").contains(verdict)) {
            throw new IllegalArgumentException("verdict must be text, binary, too_large or special");
        }
        return verdict;
    }

    // confirmation (issue 16/17, room)
    /** A challenge nonce: null, or exactly {@link Limits#CHALLENGE_HEX} lowercase hex digits. */
    static String optionalChallenge(String value, String field) {
        if (value != null && !value.matches("[0-9a-f]{" + Limits.CHALLENGE_HEX + "}")) {
            throw new IllegalArgumentException(field + " is " + Limits.CHALLENGE_HEX + " lowercase hex digits");
        }
        return value;
    }

    /** A signature: null, or strict Base64 of exactly 64 bytes ({@link Limits#SIGNATURE_BASE64} characters). */
    static String optionalSignature(String value, String field) {
        if (value != null && !value.matches("[A-Za-z0-9+/]{86}==")) {
            throw new IllegalArgumentException(field + " is the Base64 of a 64-byte Ed25519 signature ("
                    + Limits.SIGNATURE_BASE64 + " characters)");
        }
        return value;
    }

    /** A challenge answer names both the challenge and the signature, or neither. */
    static void signedPair(String challenge, String signature) {
        if ((challenge == null) != (signature == null)) {
            throw new IllegalArgumentException("challenge and signature are given together or not at all");
        }
    }
}
