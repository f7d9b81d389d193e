package airlock.ui.code;

import airlock.core.AirlockException;
import airlock.core.text.ContentLimits;
import airlock.core.text.DecodedContent;
import airlock.core.text.Decoder;
import airlock.core.text.TextPage;
import airlock.core.text.TextPages;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides how to show a file's bytes: as UTF-8 text, or as a hex dump when they look binary (a
 * NUL byte, or more than a few malformed UTF-8 sequences). Runs off the FX thread; no toolkit.
 */
public final class ContentDecoder {
    /**
     * Text files in another encoding than UTF-8 (which are not paged, see {@link TextPage}) are shown up to
     * this many bytes; the rest is announced, not loaded.
     */
    public static final int TEXT_LIMIT = 2 * 1024 * 1024;
    /** Binary files are dumped up to this many bytes. */
    public static final int HEX_LIMIT = 64 * 1024;
    private static final int SNIFF = 8192;
    private static final int BYTES_PER_ROW = 16;

    private ContentDecoder() {
    }

    /** {@code bytes} are the first bytes of a file of {@code totalBytes}. */
    public static DocumentContent decode(byte[] bytes, long totalBytes) {
        if (looksBinary(bytes)) {
            int shown = Math.min(bytes.length, HEX_LIMIT);
            return new DocumentContent(hexDump(bytes, shown), DocumentContent.Kind.HEX, shown, totalBytes);
        }
        int shown = Math.min(bytes.length, TEXT_LIMIT);
        String text = decodeUtf8(bytes, shown).replace("\r\n", "\n");
        return new DocumentContent(text, DocumentContent.Kind.TEXT, shown, totalBytes);
    }

    /**
     * What the view shows of {@code page} of a file too large to show whole: its text, decoded by core's
     * decoder (or, if this part of the file looks binary, a hex dump of its first {@link #HEX_LIMIT} bytes).
     */
    public static DocumentContent page(TextPages pages, TextPage page) throws AirlockException {
        byte[] bytes = pages.bytes(page);
        DecodedContent decoded = new Decoder(ContentLimits.DEFAULT).decode(bytes, bytes.length);
        if (!decoded.isText()) {
            int shown = Math.min(bytes.length, HEX_LIMIT);
            return new DocumentContent(hexDump(bytes, shown), DocumentContent.Kind.HEX, shown, pages.totalBytes(), page);
        }
        return new DocumentContent(decoded.text().replace("\r\n", "\n"), DocumentContent.Kind.TEXT,
                page.endByte() - page.startByte(), pages.totalBytes(), page);
    }

    /** True when the sample has a NUL byte or too many malformed UTF-8 sequences to be text. */
    public static boolean looksBinary(byte[] bytes) {
        int sample = Math.min(bytes.length, SNIFF);
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        int malformed = countMalformed(bytes, sample);
        return malformed > 8 || (sample > 0 && malformed * 100 > sample);
    }

    private static int countMalformed(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(1024);
        int errors = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isOverflow()) {
                out.clear();
            } else if (result.isError()) {
                // a sequence cut by the sample's end is not an error of the file
                if (in.position() + result.length() >= length && length < bytes.length) {
                    return errors;
                }
                errors++;
                in.position(in.position() + result.length());
            } else {
                return errors;
            }
        }
    }

    private static String decodeUtf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    /** Classic dump: offset, 16 hex bytes, printable ASCII (everything else as '.'). */
    public static String hexDump(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length / BYTES_PER_ROW * 80 + 80);
        for (int row = 0; row < length; row += BYTES_PER_ROW) {
            out.append(String.format("%08x  ", row));
            StringBuilder ascii = new StringBuilder(BYTES_PER_ROW);
            for (int i = 0; i < BYTES_PER_ROW; i++) {
                if (row + i < length) {
                    int b = bytes[row + i] & 0xFF;
                    out.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16)).append(' ');
                    ascii.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                } else {
                    out.append("   ");
                }
                if (i == 7) {
                    out.append(' ');
                }
            }
            out.append(" |").append(ascii).append("|\n");
        }
        return out.toString();
    }
}
