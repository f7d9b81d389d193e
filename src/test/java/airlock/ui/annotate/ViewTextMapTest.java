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
}
