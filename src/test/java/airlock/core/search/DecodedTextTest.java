package airlock.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedTextTest {
    @Test
    void nulMakesABlobBinary() {
        assertTrue(DecodedText.decode(new byte[] {'a', 0, 'b'}).binary());
        assertFalse(DecodedText.decode("plain".getBytes(StandardCharsets.UTF_8)).binary());
    }

    @Test
    void byteOrderMarksAreHonouredLikeRipgrep() {
        assertEquals("x", DecodedText.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'}).text());
        assertEquals("hi", DecodedText.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 'h', 0, 'i', 0}).text());
        assertEquals("hi", DecodedText.decode(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'h', 0, 'i'}).text());
        assertTrue(DecodedText.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}).binary());
        assertTrue(DecodedText.decode(new byte[] {'h', 0, 'i', 0}).binary(), "UTF-16 without BOM is binary");
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        assertEquals("a\uFFFDb", DecodedText.decode(new byte[] {'a', (byte) 0xFF, 'b'}).text());
        assertEquals("", DecodedText.decode(new byte[0]).text());
    }
}
