package airlock.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.text.DisplayText;
import airlock.ui.code.HiddenCharacters;
import org.junit.jupiter.api.Test;

class ViewTextMapTest {

    @Test
    void crlfMaskedAndTokenisedCharactersMapBackToTheFile() {
        String file = "ab\r\nc\u202Ed\n";
        String masked = HiddenCharacters.mask(file.replace("\r\n", "\n")).text();
        ViewTextMap m = ViewTextMap.align(file, masked);
        assertEquals(masked.length(), m.viewLimit());
        assertEquals(file.indexOf('c'), m.toFile(masked.indexOf('c')));
        assertEquals(file.indexOf('d'), m.toFile(masked.indexOf('d')));
        assertEquals(file.length(), m.toFile(masked.length()));

        String shown = DisplayText.of(file).display();
        ViewTextMap t = ViewTextMap.align(file, shown);
        assertEquals(shown.length(), t.viewLimit());
        assertEquals(file.indexOf('d'), t.toFile(shown.indexOf('d')));
        assertEquals(shown.indexOf('\u27E8'), t.toView(file.indexOf('\u202E')));
        assertEquals(file.indexOf('\u202E'), t.toFile(shown.indexOf('\u27E8') + 3), "inside a token is the character");
        assertEquals(shown.indexOf('d'), t.toView(file.indexOf('d')));
    }

    @Test
    void theMapStopsWhereTheTextsDisagree() {
        ViewTextMap m = ViewTextMap.align("abc\ndef\n", "abX\ndef\n");
        assertEquals(2, m.viewLimit());
        assertEquals(-1, m.toFile(5));
        assertEquals(1, m.toFile(1));
        ViewTextMap cut = ViewTextMap.align("abcdef", "abc");
        assertEquals(3, cut.toFile(3));
        assertEquals(-1, cut.toView(5));
    }

    @Test
    void aLaterPageOfALargeFileMapsToItsPlaceInTheFile() {
        String file = "caf\u00e9 \u20ac1\nline two\nline three \u202E\nend\n";
        byte[] bytes = file.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // the second page begins at "line two": 11 characters, 14 bytes (é two bytes, € three)
        int startChar = file.indexOf("line two");
        int startByte = file.substring(0, startChar).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        airlock.core.text.TextPage page = new airlock.core.text.TextPage(1, startByte, bytes.length, bytes.length, 2, 3,
                false, false);
        String view = HiddenCharacters.mask(file.substring(startChar)).text();
        ViewTextMap m = ViewTextMap.of(bytes, new airlock.ui.code.DocumentContent(view,
                airlock.ui.code.DocumentContent.Kind.TEXT, bytes.length - startByte, bytes.length, page), view);
        assertEquals(startChar, m.toFile(0), "the page's first character is the file's character there");
        assertEquals(file.indexOf("three"), m.toFile(view.indexOf("three")));
        assertEquals(file.indexOf('\u202E'), m.toFile(view.indexOf(HiddenCharacters.MARK)));
        assertEquals(view.indexOf("end"), m.toView(file.indexOf("end")));
        assertEquals(-1, m.toView(file.indexOf("caf")), "the first page's text is not on this one");
        assertEquals(-1, m.toView(startChar - 1));

        ViewTextMap whole = ViewTextMap.of(bytes, new airlock.ui.code.DocumentContent(file,
                airlock.ui.code.DocumentContent.Kind.TEXT, bytes.length, bytes.length), file);
        assertEquals(file.indexOf("end"), whole.toFile(file.indexOf("end")));
    }
}
