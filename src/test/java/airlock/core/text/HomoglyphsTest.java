package airlock.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HomoglyphsTest {

    @Test
    void cyrillicLetterInLatinIdentifierIsFlaggedWithItsLookalike() {
        String src = "void sayHello() {}\nvoid say\u041Dello() {}\n";
        List<HomoglyphFinding> f = Homoglyphs.scan(src);
        assertEquals(1, f.size());
        HomoglyphFinding h = f.get(0);
        assertEquals("say\u041Dello", h.identifier());
        assertEquals("sayHello", h.lookalike());
        assertEquals(List.of("CYRILLIC", "LATIN"), h.scripts());
        assertEquals(2, h.line());
        assertEquals(6, h.column());
        assertTrue(h.collides());
        assertTrue(h.describe().contains("looks like 'sayHello'"));
    }

    @Test
    void singleScriptIdentifiersAreNotFlagged() {
        assertTrue(Homoglyphs.scan("int x = 1; String привет = \"\"; var größe = 2; let 変数 = 3;").isEmpty());
    }

    @Test
    void greekOmicronWithoutACollisionIsStillFlagged() {
        List<HomoglyphFinding> f = Homoglyphs.scan("int c\u03BFunt = 0;");
        assertEquals(1, f.size());
        assertEquals("count", f.get(0).lookalike());
        assertFalse(f.get(0).collides());
    }
}
