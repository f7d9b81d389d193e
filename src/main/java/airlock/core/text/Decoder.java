package airlock.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classifies blob bytes (binary, UTF-16/32 with BOM, UTF-8 possibly invalid) and decodes them. Binary
 * and undecodable content never reaches a parser. Input is hostile: any bytes give a result, never an
 * exception.
 */
public final class Decoder {
    private final ContentLimits limits;

    public Decoder(ContentLimits limits) {
        this.limits = limits;
    }

    /**
     * @param bytes    the blob, or its first part when {@code fullSize} is larger
     * @param fullSize the blob's real size in bytes
     */
    public DecodedContent decode(byte[] bytes, long fullSize) {
        boolean truncated = fullSize > bytes.length;
        String magic = Magic.binaryKind(bytes);
        List<DecodedContent.Notice> notices = new ArrayList<>();
        if (truncated) {
            notices.add(new DecodedContent.Notice("content.notice.truncated", String.valueOf(bytes.length),
                    String.valueOf(fullSize)));
        }
        if (magic != null) {
            return binary(magic, truncated, notices);
        }
        Charset bomCharset = bomCharset(bytes);
        if (bomCharset == null) {
            int nul = firstNul(bytes, limits.sniffBytes());
            if (nul >= 0) {
                return binary("NUL byte at offset " + nul, truncated, notices);
            }
            bomCharset = StandardCharsets.UTF_8;
        } else if (bomCharset != StandardCharsets.UTF_8) {
            notices.add(new DecodedContent.Notice("content.notice.encoding", bomCharset.name()));
        }
        int[] malformed = new int[1];
        String text = decodeLenient(bytes, bomCharset, truncated, malformed);
        if (malformed[0] > 0) {
            notices.add(new DecodedContent.Notice("content.notice.malformed", String.valueOf(malformed[0]),
                    bomCharset.name()));
        }
        int longest = longestLine(text);
        ContentKind kind = ContentKind.TEXT;
        if (fullSize > limits.highlightBytes()) {
            kind = ContentKind.LARGE_TEXT;
            notices.add(new DecodedContent.Notice("content.notice.large", String.valueOf(fullSize)));
        } else if (longest > limits.longLineChars()) {
            kind = ContentKind.LARGE_TEXT;
            notices.add(new DecodedContent.Notice("content.notice.longline", String.valueOf(longest)));
        }
        return new DecodedContent(kind, text, bomCharset.name(), malformed[0], truncated, longest, null,
                List.copyOf(notices));
    }

    private static DecodedContent binary(String reason, boolean truncated, List<DecodedContent.Notice> notices) {
        notices.add(new DecodedContent.Notice("content.notice.binary", reason));
        return new DecodedContent(ContentKind.BINARY, null, "binary", 0, truncated, 0, reason, List.copyOf(notices));
    }

    static Charset bomCharset(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return Charset.forName("UTF-32BE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        return null;
    }

    private static int firstNul(byte[] b, int limit) {
        int n = Math.min(b.length, limit);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes replacing each malformed sequence with U+FFFD and counting them; a sequence cut by truncation is dropped. */
    static String decodeLenient(byte[] bytes, Charset cs, boolean truncated, int[] malformed) {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, (int) Math.min(Integer.MAX_VALUE - 16L, bytes.length + 16L)));
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) {
                break;
            }
            if (r.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
                out.flip();
                bigger.put(out);
                out = bigger;
                continue;
            }
            boolean atCutEnd = truncated && in.position() + r.length() >= bytes.length;
            in.position(in.position() + r.length());
            if (atCutEnd) {
                break;
            }
            malformed[0]++;
            if (!out.hasRemaining()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            out.put('\uFFFD');
        }
        dec.flush(out);
        out.flip();
        return out.toString();
    }

    /** The longest line's length; newlines found by String.indexOf (vectorised), not one charAt per character. */
    static int longestLine(String text) {
        int longest = 0;
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            longest = Math.max(longest, i - start);
            start = i + 1;
        }
        return Math.max(longest, text.length() - start);
    }

    /** Human label for an encoding name, for notices. */
    public static String label(String encoding) {
        return encoding.toUpperCase(Locale.ROOT);
    }
}
