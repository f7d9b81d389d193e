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

    /**
     * Some lines of a UTF-8 blob, joined by LF and decoded in one go: {@code lines} holds
     * {number, start, end} byte offsets per line (as the byte filter names them; a UTF-8
     * byte-order mark at the start of the first line is dropped). The same text as decoding each
     * line alone and joining them, as a line's bytes never hold an LF and an LF ends any invalid
     * sequence before it; one copy of the bytes and one decoding instead of a string per line.
     */
    static String joinedLines(byte[] bytes, int[] lines) {
        int count = lines.length / 3;
        boolean bom = hasUtf8Bom(bytes);
        int total = Math.max(0, count - 1);
        for (int i = 0; i < count; i++) {
            int from = lines[3 * i + 1] == 0 && bom ? 3 : lines[3 * i + 1];
            total += Math.max(0, lines[3 * i + 2] - from);
        }
        byte[] joined = new byte[total];
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                joined[at++] = '\n';
            }
            int from = lines[3 * i + 1] == 0 && bom ? 3 : lines[3 * i + 1];
            int length = Math.max(0, lines[3 * i + 2] - from);
            System.arraycopy(bytes, from, joined, at, length);
            at += length;
        }
        return new String(joined, java.nio.charset.StandardCharsets.UTF_8);
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
