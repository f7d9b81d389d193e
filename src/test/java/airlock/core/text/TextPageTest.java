package airlock.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a large file into pages: at line ends, before characters, numbered by file line, hostile sizes refused. */
class TextPageTest {

    /** Pages a whole file as the workstation does: each page from the bytes read at the previous end. */
    private static List<TextPage> pages(byte[] file, int pageBytes) {
        List<TextPage> pages = new ArrayList<>();
        TextPage page = TextPage.first(window(file, 0, pageBytes), file.length, pageBytes);
        while (page != null) {
            pages.add(page);
            page = page.next(window(file, page.endByte(), pageBytes), pageBytes);
        }
        return pages;
    }

    private static byte[] window(byte[] file, long at, int pageBytes) {
        return Arrays.copyOfRange(file, (int) Math.min(at, file.length),
                (int) Math.min(file.length, at + pageBytes + TextPage.LOOKAHEAD));
    }

    /** What the view shows of each page, joined, with the line ends the pages leave out put back. */
    private static String shown(byte[] file, List<TextPage> pages) {
        StringBuilder all = new StringBuilder();
        for (TextPage p : pages) {
            all.append(new String(file, (int) p.startByte(), p.shownBytes(), StandardCharsets.UTF_8));
            if (p.dropsFinalLineEnd()) {
                all.append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void pagesEndAfterALineEndAndNumberLinesAsTheFile() {
        byte[] file = "one\ntwo\nthree\nfour\nfive\n".getBytes(StandardCharsets.UTF_8);
        List<TextPage> pages = pages(file, 10);
        // "one\ntwo\n" | "three\n" | "four\nfive\n"
        assertEquals(List.of(0L, 8L, 14L), pages.stream().map(TextPage::startByte).toList());
        assertEquals(List.of(1, 3, 4), pages.stream().map(TextPage::firstLine).toList());
        assertEquals(List.of(2, 3, 6), pages.stream().map(TextPage::lastLine).toList());
        assertTrue(pages.get(0).contains(2) && !pages.get(0).contains(3) && pages.get(2).contains(5));
        assertTrue(pages.get(2).isLast());
        assertEquals(new String(file, StandardCharsets.UTF_8), shown(file, pages));
        // the shown text of a page has as many lines as its first to last line
        for (TextPage p : pages) {
            String text = new String(file, (int) p.startByte(), p.shownBytes(), StandardCharsets.UTF_8);
            assertEquals(p.lastLine() - p.firstLine() + 1, text.split("\n", -1).length, p.toString());
        }
    }

    @Test
    void aLineLongerThanAPageGoesOnOnTheNextPageCutBeforeACharacter() {
        // "é" is two bytes, "€" three: a cut at a byte count would split them
        String line = "é€".repeat(20);
        byte[] file = ("a\n" + line + "\nz").getBytes(StandardCharsets.UTF_8);
        List<TextPage> pages = pages(file, 16);
        assertEquals(new String(file, StandardCharsets.UTF_8), shown(file, pages));
        for (TextPage p : pages) {
            byte[] bytes = Arrays.copyOfRange(file, (int) p.startByte(), (int) p.endByte());
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertFalse(text.contains("\uFFFD"), "a character was cut: " + p);
        }
        // the long line is line 2 on every page it spans
        assertTrue(pages.stream().filter(p -> p.startByte() > 2 && !p.isLast()).allMatch(p -> p.firstLine() == 2),
                pages.toString());
        assertEquals(3, pages.get(pages.size() - 1).lastLine());
    }

    @Test
    void invalidBytesAndNoLineEndsStillGiveWholePages() {
        byte[] file = new byte[100];
        Arrays.fill(file, (byte) 0x80); // continuation bytes only: no character start anywhere
        List<TextPage> pages = pages(file, 16);
        assertEquals(100, pages.stream().mapToLong(p -> p.endByte() - p.startByte()).sum());
        assertTrue(pages.stream().filter(p -> !p.isLast()).allMatch(p -> p.endByte() - p.startByte() >= 13),
                pages.toString());
        assertTrue(pages.stream().allMatch(p -> p.firstLine() == 1 && p.lastLine() == 1));
    }

    @Test
    void aFileShorterThanItsRecordedSizeIsAClearError() {
        byte[] file = "abc\ndef\n".getBytes(StandardCharsets.UTF_8);
        TextPage first = TextPage.first(file, 100, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> first.next(new byte[0], 4));
        assertTrue(e.getMessage().contains("shorter than its recorded size"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TextPage.first(file, 8, 0));
    }

    @Test
    void theLastPageKeepsItsFinalLineEnd() {
        byte[] file = "abc\n".getBytes(StandardCharsets.UTF_8);
        TextPage only = TextPage.first(file, file.length, 16);
        assertTrue(only.isLast());
        assertFalse(only.dropsFinalLineEnd());
        assertEquals(4, only.shownBytes());
        assertEquals(2, only.lastLine(), "the empty line after the last line end, as an unpaged view shows it");
        assertNull(only.next(new byte[0], 16));
    }

    @Test
    void aLineTooLongToLayOutIsShownInPiecesAPageEachWhateverTheFileSize() {
        StringBuilder text = new StringBuilder("int before;\n");
        text.append("static const int table[] = {");
        while (text.length() < 300_000) {
            text.append("1234, ");
        }
        text.append("};\nint after;\n");
        byte[] file = text.toString().getBytes(StandardCharsets.UTF_8);
        List<TextPage> pages = pages(file, TextPage.PAGE_BYTES);
        assertEquals(new String(file, StandardCharsets.UTF_8), shown(file, pages));
        // the short first line makes a page of its own; the table goes in pieces; its end shares a page with the rest
        assertEquals(12, pages.get(0).endByte());
        assertFalse(pages.get(0).cutsALine());
        for (TextPage p : pages.subList(1, pages.size())) {
            assertTrue(p.endByte() - p.startByte() <= TextPage.MAX_LINE_BYTES, p.toString());
            assertEquals(2, p.firstLine(), "every piece is line 2: " + p);
            assertTrue(p.cutsALine());
        }
        TextPage last = pages.get(pages.size() - 1);
        assertTrue(last.isLast() && last.startsInsideLine() && !last.endsInsideLine());
        assertEquals(4, last.lastLine());
        assertEquals(1 + (300_000 + TextPage.MAX_LINE_BYTES - 1) / TextPage.MAX_LINE_BYTES, pages.size(), pages.toString());
    }
}
