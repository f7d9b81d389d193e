package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.testutil.MemorySource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Definition lines read from the source when shown, instead of kept in the index. */
class DefinitionLinesTest {

    @Test
    void linesComeFromTheFileAtTheRefWithoutTheirLineEnd() {
        byte[] file = "int a;\r\nstatic int add_user(struct user *u)\n{\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("int a;", DefinitionLines.line(file, 1));
        assertEquals("static int add_user(struct user *u)", DefinitionLines.line(file, 2));
        assertEquals("", DefinitionLines.line(file, 4), "the empty line after the last line end");
        assertEquals("", DefinitionLines.line(file, 99), "past the end");
        assertEquals("x", DefinitionLines.line("x".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1));
    }

    @Test
    void onlyTheFirstOnesWithoutALineAreFilledAndMissingFilesLeaveItEmpty() throws Exception {
        MemorySource source = new MemorySource().put("src/a.c", "int a;\nvoid f(void)\n{\n}\n");
        List<Definition> defs = List.of(
                new Definition("src/a.c", "f", SymbolKind.FUNCTION, 2, 5, 4, "", ""),
                new Definition("src/gone.c", "g", SymbolKind.FUNCTION, 1, 0, 1, "", ""),
                new Definition("src/a.c", "a", SymbolKind.CONSTANT, 1, 4, 1, "", "kept from an older index"),
                new Definition("src/a.c", "h", SymbolKind.FUNCTION, 1, 0, 1, "", ""));
        List<Definition> shown = DefinitionLines.withLines(defs, source, MemorySource.REF, 3);
        assertEquals(List.of("void f(void)", "", "kept from an older index", ""),
                shown.stream().map(Definition::signature).toList());
        assertEquals(defs.get(0).path(), shown.get(0).path());
        assertEquals(2, shown.get(0).line());
    }
}
