package airlock.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecoderTest {
    private final Decoder decoder = new Decoder(new ContentLimits(1000, 500, 100, 8192));

    private DecodedContent decode(byte[] b) {
        return decoder.decode(b, b.length);
    }

    @Test
    void plainUtf8IsText() {
        DecodedContent c = decode("int x; // é\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ContentKind.TEXT, c.kind());
        assertEquals("int x; // é\n", c.text());
        assertTrue(c.notices().isEmpty());
    }

    @Test
    void nulByteMeansBinary() {
        DecodedContent c = decode(new byte[] {'a', 'b', 0, 'c'});
        assertEquals(ContentKind.BINARY, c.kind());
        assertNull(c.text());
        assertEquals("NUL byte at offset 2", c.binaryReason());
    }

    @Test
    void pngNamedAsCIsBinaryWhateverTheName() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        assertEquals("PNG image", decode(png).binaryReason());
    }

    @Test
    void utf16WithBomIsDecodedWithANotice() {
        byte[] b = "\uFEFFhello\n".getBytes(StandardCharsets.UTF_16LE);
        DecodedContent c = decode(b);
        assertEquals(ContentKind.TEXT, c.kind());
        assertEquals("\uFEFFhello\n", c.text());
        assertEquals("UTF-16LE", c.encoding());
        assertEquals("content.notice.encoding", c.notices().get(0).key());
    }

    @Test
    void invalidUtf8IsReplacedAndCounted() {
        byte[] b = {'a', (byte) 0xC3, 'b', (byte) 0xFF, (byte) 0xFE, 'c', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        DecodedContent c = decode(b);
        assertEquals(ContentKind.TEXT, c.kind());
        assertTrue(c.text().startsWith("a\uFFFDb"));
        assertTrue(c.malformed() >= 4, "malformed " + c.malformed());
        assertEquals("content.notice.malformed", c.notices().get(0).key());
    }

    @Test
    void sequenceCutByTruncationIsNotCountedAsMalformed() {
        byte[] b = "ab€".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(b, b.length - 1);
        DecodedContent c = decoder.decode(cut, b.length);
        assertEquals("ab", c.text());
        assertEquals(0, c.malformed());
        assertTrue(c.truncated());
    }

    @Test
    void hugeFilesAndLongLinesGoToThePlainView() {
        DecodedContent big = decoder.decode("x\n".repeat(10).getBytes(StandardCharsets.UTF_8), 5000);
        assertEquals(ContentKind.LARGE_TEXT, big.kind());
        DecodedContent wide = decode("y".repeat(300).getBytes(StandardCharsets.UTF_8));
        assertEquals(ContentKind.LARGE_TEXT, wide.kind());
        assertEquals(300, wide.longestLine());
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] b = new byte[r.nextInt(64)];
            r.nextBytes(b);
            DecodedContent c = decode(b);
            assertTrue(c.kind() == ContentKind.BINARY || c.text() != null);
        }
    }

    @Test
    void textStartingWithMzIsNotAnExecutable() {
        assertEquals(ContentKind.TEXT, decode("MZ_TABLE = 1\n".getBytes(StandardCharsets.UTF_8)).kind());
    }
}
