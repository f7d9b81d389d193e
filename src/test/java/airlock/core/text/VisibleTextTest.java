package airlock.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VisibleTextTest {

    @Test
    void plainNamesAreReturnedAsTheyAre() {
        String name = "src/main/Hello.java";
        assertSame(name, VisibleText.escape(name));
        assertEquals("Grüße/日本語.txt", VisibleText.escape("Grüße/日本語.txt"));
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
        "202E", "202A", "202B", "202C", "202D", "2066", "2067", "2068", "2069", "200E", "200F", "061C",
        "200B", "200C", "200D", "2060", "FEFF", "00AD", "3164", "115F", "2028", "2029", "0000", "0009",
        "000A", "000D", "001B", "007F", "0085", "009F", "00A0", "E0041", "FE0F", "E000"})
    void invisibleAndBidiCharactersAreEscaped(String hex) {
        int cp = Integer.parseInt(hex, 16);
        String name = "a" + new String(Character.toChars(cp)) + "b";
        assertEquals("a\u27E8U+" + hex + "\u27E9b", VisibleText.escape(name));
    }

    @Test
    void anEscapeCannotBeForgedByTheNameItself() {
        assertEquals("\u27E8U+27E8\u27E9U+202E\u27E8U+27E9\u27E9", VisibleText.escape("\u27E8U+202E\u27E9"));
    }

    @Test
    void loneSurrogatesAreEscaped() {
        assertEquals("x\u27E8U+D800\u27E9y", VisibleText.escape("x\uD800y"));
        assertEquals("\u27E8U+DC00\u27E9", VisibleText.escape("\uDC00"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", VisibleText.escape(null));
    }
}
