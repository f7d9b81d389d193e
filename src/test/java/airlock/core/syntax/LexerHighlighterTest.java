package airlock.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LexerHighlighterTest {
    private final LexerHighlighter h = new LexerHighlighter();

    @Test
    void cTokensGetTheirClasses() {
        String src = "#include <stdio.h>\n/* c */ int main(void) { return printf(\"%d\", 0x1F); } // end\n";
        Highlighting hl = h.highlight(Language.C, src);
        assertEquals("syntax-preprocessor", hl.classAt(0));
        assertEquals("syntax-string", hl.classAt(src.indexOf("<stdio")));
        assertEquals("syntax-comment", hl.classAt(src.indexOf("/* c")));
        assertEquals("syntax-keyword", hl.classAt(src.indexOf("int")));
        assertEquals("syntax-function", hl.classAt(src.indexOf("main")));
        assertEquals("syntax-string", hl.classAt(src.indexOf("%d")));
        assertEquals("syntax-number", hl.classAt(src.indexOf("0x1F")));
        assertEquals("syntax-comment", hl.classAt(src.indexOf("// end") + 3));
        assertNull(hl.classAt(src.indexOf("{")));
        assertEquals("lexer", hl.engine());
    }

    @Test
    void pythonTripleQuotesAndRustLifetimes() {
        String py = "x = '''a\n'b'\n''' # c\n";
        Highlighting hp = h.highlight(Language.PYTHON, py);
        assertEquals("syntax-string", hp.classAt(py.indexOf("'b'")));
        assertEquals("syntax-comment", hp.classAt(py.indexOf("# c")));
        String rs = "fn f<'a>(s: &'a str) -> char { 'x' }";
        Highlighting hr = h.highlight(Language.RUST, rs);
        assertNull(hr.classAt(rs.indexOf("'a>")));
        assertEquals("syntax-string", hr.classAt(rs.indexOf("'x'")));
    }

    @Test
    void spansAreSortedAndDisjointOnHostileInput() {
        String src = "\"unterminated\n/* open comment R\"x( ' ` @\" \u202E" + "((((".repeat(1000);
        for (Language lang : Language.values()) {
            Highlighting hl = h.highlight(lang, src);
            int prevEnd = 0;
            for (int i = 0; i < hl.size(); i++) {
                assertEquals(true, hl.start(i) >= prevEnd && hl.end(i) > hl.start(i) && hl.end(i) <= src.length());
                prevEnd = hl.end(i);
            }
        }
    }

    @Test
    void languageFromPath() {
        assertEquals(Language.C, Language.forPath("kernel/sched/core.c"));
        assertEquals(Language.CPP, Language.forPath("a/b.hpp"));
        assertEquals(Language.MAKE, Language.forPath("drivers/Makefile"));
        assertEquals(Language.TYPESCRIPT, Language.forPath("x.tsx"));
        assertEquals(Language.PLAIN, Language.forPath("README"));
    }
}
