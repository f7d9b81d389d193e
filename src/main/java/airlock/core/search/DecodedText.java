package airlock.core.search;

/**
 * A blob as the searcher sees it, decoded the way ripgrep decodes by default: a UTF-8 byte-order
 * mark is dropped, a UTF-16 (LE or BE) byte-order mark selects UTF-16, anything else is UTF-8 with
 * each invalid sequence replaced by U+FFFD. A NUL character after decoding makes the blob binary.
 *
 * @param text   the decoded text (empty when binary)
 * @param binary true when the blob holds a NUL and is therefore skipped, as ripgrep skips it
 */
public record DecodedText(String text, boolean binary) {

    private static final DecodedText BINARY = new DecodedText("", true);

    /** Decodes {@code bytes} (the whole blob). */
    public static DecodedText decode(byte[] bytes) {
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = new String(bytes, 2, bytes.length - 2, java.nio.charset.StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = new String(bytes, 2, bytes.length - 2, java.nio.charset.StandardCharsets.UTF_16BE);
        } else {
            for (byte b : bytes) {
                if (b == 0) {
                    return BINARY;
                }
            }
            return new DecodedText(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), false);
        }
        return text.indexOf('\0') >= 0 ? BINARY : new DecodedText(text, false);
    }

    /** Whether {@code bytes} start with the UTF-8 byte-order mark (which decoding drops). */
    static boolean hasUtf8Bom(byte[] bytes) {
        return startsWith(bytes, 0xEF, 0xBB, 0xBF);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
