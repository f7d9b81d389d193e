package airlock.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import airlock.core.text.ContentLimits;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TreeSitterHighlighterTest {
    private final Optional<TreeSitterHighlighter> ts = TreeSitterHighlighter.create();

    @Test
    void cParsedByTreeSitter() {
        assumeTrue(ts.isPresent(), "tree-sitter native library not loadable here");
        String src = "#include <stdio.h>\n/* é */ int main(void) { return printf(\"%d\", 42); }\n";
        Highlighting hl = ts.get().highlight(Language.C, src);
        assertEquals("tree-sitter", hl.engine());
        assertEquals("syntax-preprocessor", hl.classAt(0));
        assertEquals("syntax-string", hl.classAt(src.indexOf("<stdio")));
        assertEquals("syntax-comment", hl.classAt(src.indexOf("é")));
        assertEquals("syntax-type", hl.classAt(src.indexOf("int")), "offsets after a non-ASCII char line up");
        assertEquals("syntax-function", hl.classAt(src.indexOf("main")));
        assertEquals("syntax-keyword", hl.classAt(src.indexOf("return")));
        assertEquals("syntax-number", hl.classAt(src.indexOf("42")));
    }

    @Test
    void javaAndPython() {
        assumeTrue(ts.isPresent());
        String java = "class A { void f() { String s = \"x\"; } }";
        assertEquals("syntax-keyword", ts.get().highlight(Language.JAVA, java).classAt(0));
        assertEquals("syntax-string", ts.get().highlight(Language.JAVA, java).classAt(java.indexOf("\"x")));
        String py = "def f():\n    return 'x'  # c\n";
        assertEquals("syntax-comment", ts.get().highlight(Language.PYTHON, py).classAt(py.indexOf("# c")));
    }

    @Test
    void chooserFallsBackToTheLexerForOtherLanguagesAndBigFiles() {
        SyntaxHighlighter sh = new SyntaxHighlighter(ts, new ContentLimits(1000, 10, 100, 100));
        assertEquals("lexer", sh.best(Language.GO, "package x").engine());
        assertEquals("lexer", sh.best(Language.C, "int x = 1; /* more than ten */").engine());
        assertEquals("lexer", new SyntaxHighlighter(Optional.empty(), ContentLimits.DEFAULT).best(Language.C, "int x;")
                .engine());
    }

    @Test
    void brokenSourceStillHighlights() {
        assumeTrue(ts.isPresent());
        String src = "int main( { \"unterminated\n /* open";
        Highlighting hl = ts.get().highlight(Language.C, src);
        for (int i = 0; i < hl.size(); i++) {
            assertEquals(true, hl.end(i) <= src.length());
        }
    }
}
