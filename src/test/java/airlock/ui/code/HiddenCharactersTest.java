package airlock.ui.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HiddenCharactersTest {

    @Test
    void trojanSourceCharactersBecomeMarksWithoutMovingAnything() {
        String source = "access = \"user\u202E \u2066// Check if admin\u2069 \u2066\";\n";
        HiddenCharacters.Masked masked = HiddenCharacters.mask(source);
        assertEquals(source.length(), masked.text().length(), "offsets and columns are unchanged");
        assertEquals("access = \"user\u00A4 \u00A4// Check if admin\u00A4 \u00A4\";\n", masked.text());
        assertArrayEquals(new int[] {14, 16, 34, 36}, masked.positions());
    }

    @Test
    void tabsAndLineFeedsStayButOtherControlsAndZeroWidthsAreMarked() {
        HiddenCharacters.Masked masked = HiddenCharacters.mask("a\tb\nc\u200Bd\re\u0000f");
        assertEquals("a\tb\nc\u00A4d\u00A4e\u00A4f", masked.text());
        assertEquals(3, masked.count());
    }

    @Test
    void aTagCharacterTakesTwoMarksSoUtf16OffsetsHold() {
        String text = "x" + new String(Character.toChars(0xE0041)) + "y";
        HiddenCharacters.Masked masked = HiddenCharacters.mask(text);
        assertEquals("x\u00A4\u00A4y", masked.text());
        assertArrayEquals(new int[] {1, 2}, masked.positions());
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String text = "int main(void) { return 0; } // grüße ⟨ok⟩\n";
        assertSame(text, HiddenCharacters.mask(text).text());
    }

    @Test
    void aFileFullOfZeroWidthSpacesIsMaskedInOnePass() {
        String text = "\u200B".repeat(200_000);
        assertEquals(200_000, HiddenCharacters.mask(text).count());
    }
}
