package airlock.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InvisibleCharsTest {

    @ParameterizedTest
    @ValueSource(ints = {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
        0x2069})
    void everyBidiControlIsFlagged(int cp) {
        assertEquals(InvisibleKind.BIDI_CONTROL, InvisibleChars.classify(cp, 5));
        assertOneFinding("a" + new String(Character.toChars(cp)) + "b", cp);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0x115F, 0x1160, 0x3164, 0xFFA0, 0xE0001, 0xE0041,
        0xE007F, 0x2028, 0x2029, 0x0000, 0x0007, 0x001B, 0x007F, 0x0085, 0x009B})
    void everyInvisibleOrControlCharacterIsFlagged(int cp) {
        assertOneFinding("x = " + new String(Character.toChars(cp)) + ";", cp);
    }

    @Test
    void ordinaryTextIsClean() {
        String text = "int main(void) {\r\n\treturn 0; // ünïcödé ok, 日本語, emoji \uD83D\uDE00\r\n}\n";
        assertTrue(InvisibleChars.scan(text).isEmpty());
        assertFalse(InvisibleChars.containsAny(text));
        assertNull(InvisibleChars.classify('\t', 3));
    }

    @Test
    void bomIsFineOnlyAtTheStart() {
        assertTrue(InvisibleChars.scan("\uFEFFint x;").isEmpty());
        List<TextFinding> f = InvisibleChars.scan("\uFEFFint\uFEFF x;");
        assertEquals(1, f.size());
        assertEquals(InvisibleKind.BOM, f.get(0).kind());
        assertEquals(4, f.get(0).offset());
    }

    @Test
    void loneCrIsFlaggedButCrlfIsNot() {
        List<TextFinding> f = InvisibleChars.scan("a\r\nb\rc\r");
        assertEquals(2, f.size());
        assertEquals(InvisibleKind.LONE_CR, f.get(0).kind());
        assertEquals(2, f.get(0).line());
        assertEquals(2, f.get(0).column());
        assertEquals(6, f.get(1).offset());
    }

    @Test
    void loneSurrogateIsFlagged() {
        List<TextFinding> f = InvisibleChars.scan("a\uD800b");
        assertEquals(InvisibleKind.LONE_SURROGATE, f.get(0).kind());
    }

    @Test
    void tagCharacterSpansTwoUnitsAndReportsLineAndColumn() {
        String tag = new String(Character.toChars(0xE0041));
        List<TextFinding> f = InvisibleChars.scan("line one\nab" + tag + "c");
        assertEquals(1, f.size());
        assertEquals(2, f.get(0).length());
        assertEquals(2, f.get(0).line());
        assertEquals(3, f.get(0).column());
        assertEquals("⟨U+E0041⟩", f.get(0).token());
        assertTrue(f.get(0).describe().startsWith("2:3 U+E0041 invisible"));
    }

    private static void assertOneFinding(String text, int cp) {
        List<TextFinding> f = InvisibleChars.scan(text);
        assertEquals(1, f.size(), () -> "findings in " + text);
        assertEquals(cp, f.get(0).codePoint());
        assertTrue(InvisibleChars.containsAny(text));
        DisplayText d = DisplayText.of(text);
        assertTrue(d.display().contains(InvisibleChars.token(cp)));
        assertFalse(InvisibleChars.containsAny(d.display()));
    }
}
