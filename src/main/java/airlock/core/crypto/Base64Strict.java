package airlock.core.crypto;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Standard Base64 (RFC 4648 section 4, with padding) that accepts exactly one spelling per byte
 * string. {@link Base64#getDecoder()} also accepts {@code QR==} for {@code QQ==} and missing
 * padding; here the decoded bytes are re-encoded and must equal the input.
 */
public final class Base64Strict {
    private Base64Strict() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes {@code text}; throws {@code base64.invalid} / {@code base64.noncanonical} otherwise. */
    public static byte[] decode(String text) throws AirlockException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            throw new AirlockException("base64.invalid", "Not valid Base64: " + e.getMessage(), e);
        }
        if (!encode(decoded).equals(text)) {
            throw new AirlockException("base64.noncanonical",
                    "Base64 text is not in its one canonical form (padding or unused bits differ)");
        }
        return decoded;
    }
}
