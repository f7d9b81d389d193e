package airlock.ui.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {

    @Test
    void utf8TextIsShownAsTextWithWindowsLineEndingsNormalised() {
        byte[] bytes = "héllo\r\nwörld\n".getBytes(StandardCharsets.UTF_8);
        DocumentContent content = ContentDecoder.decode(bytes, bytes.length);
        assertEquals(DocumentContent.Kind.TEXT, content.kind());
        assertEquals("héllo\nwörld\n", content.text());
        assertFalse(content.truncated());
    }

    @Test
    void emptyFileIsEmptyText() {
        DocumentContent content = ContentDecoder.decode(new byte[0], 0);
        assertEquals(DocumentContent.Kind.TEXT, content.kind());
        assertEquals("", content.text());
    }

    @Test
    void aNulByteMakesItBinaryAndShowsAHexDump() {
        byte[] bytes = {0x7f, 'E', 'L', 'F', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 0xff};
        DocumentContent content = ContentDecoder.decode(bytes, bytes.length);
        assertEquals(DocumentContent.Kind.HEX, content.kind());
        String[] lines = content.text().split("\n");
        assertEquals("00000000  7f 45 4c 46 00 01 02 03  04 05 06 07 08 09 0a 0b  |.ELF............|", lines[0]);
        assertTrue(lines[1].startsWith("00000010  ff "), lines[1]);
        assertTrue(lines[1].endsWith("|.|"), lines[1]);
    }

    @Test
    void randomBytesAreBinary() {
        byte[] bytes = new byte[10_000];
        new Random(42).nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (bytes[i] | 0x80); // no NULs: it must be the invalid UTF-8 that decides
        }
        assertTrue(ContentDecoder.looksBinary(bytes));
    }

    @Test
    void aFewInvalidBytesInTextStayText() {
        byte[] text = "a Latin-1 caf\u00e9 slipped in: ".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(text, text.length + 1);
        bytes[text.length] = (byte) 0xE9; // a lone Latin-1 é
        DocumentContent content = ContentDecoder.decode(bytes, bytes.length);
        assertEquals(DocumentContent.Kind.TEXT, content.kind());
        assertTrue(content.text().endsWith("\uFFFD"));
    }

    @Test
    void aMultiByteCharacterCutAtTheSniffLimitIsNotCountedAsBinary() {
        byte[] bytes = "\u65e5".repeat(5000).getBytes(StandardCharsets.UTF_8); // 3 bytes each, 8192 is not a multiple
        assertFalse(ContentDecoder.looksBinary(bytes));
    }

    @Test
    void largeTextIsCutAtTheLimitAndSaysSo() {
        byte[] bytes = new byte[ContentDecoder.TEXT_LIMIT + 100];
        Arrays.fill(bytes, (byte) 'x');
        DocumentContent content = ContentDecoder.decode(bytes, 50_000_000L);
        assertEquals(ContentDecoder.TEXT_LIMIT, content.text().length());
        assertTrue(content.truncated());
        assertEquals(50_000_000L, content.totalBytes());
    }

    @Test
    void largeBinaryIsDumpedUpToTheHexLimit() {
        byte[] bytes = new byte[ContentDecoder.HEX_LIMIT * 2];
        DocumentContent content = ContentDecoder.decode(bytes, bytes.length);
        assertEquals(ContentDecoder.HEX_LIMIT / 16, content.text().split("\n").length);
        assertTrue(content.truncated());
    }

    @Test
    void pagesOfALargeFileAreDecodedEachOnItsOwnAndABinaryPageIsDumped() throws Exception {
        byte[] text = "int a;\r\nint b;\n".repeat(10).getBytes(StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(text, text.length + 80);
        Arrays.fill(file, text.length, file.length, (byte) 0); // a page of NUL bytes after the text
        airlock.core.text.TextPages pages = airlock.core.text.TextPages.open(
                (offset, length) -> Arrays.copyOfRange(file, (int) Math.min(offset, file.length),
                        (int) Math.min(file.length, offset + length)), file.length, 64);
        DocumentContent first = ContentDecoder.page(pages, pages.first());
        assertEquals(DocumentContent.Kind.TEXT, first.kind());
        assertTrue(first.text().startsWith("int a;\nint b;\n"), "line ends normalised: " + first.text());
        assertEquals(pages.first(), first.page());
        assertFalse(first.truncated(), "a page is not a cut file: the other pages can be reached");
        airlock.core.text.TextPage last = pages.page(99, airlock.core.progress.ProgressMonitor.NONE);
        assertTrue(last.isLast());
        DocumentContent dump = ContentDecoder.page(pages, last);
        assertEquals(DocumentContent.Kind.HEX, dump.kind());
        assertEquals(last, dump.page());
        assertTrue(dump.text().contains("00 00 00"), dump.text());
    }
}
