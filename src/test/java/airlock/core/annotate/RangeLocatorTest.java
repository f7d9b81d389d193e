package airlock.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RangeLocatorTest {
    static final String V1 = String.join("\n",
            "#include <stdio.h>",
            "",
            "int check(const char *p) {",
            "    if (strlen(p) > 8) {",
            "        return 1;",
            "    }",
            "    strcpy(buf, p);",
            "    return 0;",
            "}",
            "");

    private static AnchoredRange anchor(String text, String needle) {
        int at = text.indexOf(needle);
        LineIndex idx = new LineIndex(text);
        return AnchoredRange.of(idx, idx.range(at, at + needle.length()));
    }

    @Test
    void unchangedTextIsFoundInPlace() {
        AnchoredRange a = anchor(V1, "strcpy(buf, p);");
        assertEquals(a.range(), new RangeLocator(new LineIndex(V1)).locate(a));
    }

    @Test
    void linesInsertedAboveMoveTheRange() {
        AnchoredRange a = anchor(V1, "strcpy(buf, p);");
        String v2 = "// licence header\n// more\n" + V1;
        TextRange found = new RangeLocator(new LineIndex(v2)).locate(a);
        assertEquals(a.range().startLine() + 2, found.startLine());
        assertEquals("strcpy(buf, p);", v2.substring(found.startOffset(), found.endOffset()));
    }

    @Test
    void reindentedCodeIsFoundWithoutOriginalText() {
        AnchoredRange a = anchor(V1, "strcpy(buf, p);").withoutText();
        String v2 = V1.replace("    strcpy(buf, p);", "\t\tstrcpy(buf,  p);");
        TextRange found = new RangeLocator(new LineIndex(v2)).locate(a);
        assertEquals(7, found.startLine());
        assertEquals("\t\tstrcpy(buf,  p);", v2.substring(found.startOffset(), found.endOffset()));
    }

    @Test
    void withoutTextButSameColumnsTheExactRangeIsRecovered() {
        AnchoredRange a = anchor(V1, "buf").withoutText();
        String v2 = "\n\n" + V1;
        TextRange found = new RangeLocator(new LineIndex(v2)).locate(a);
        assertEquals("buf", v2.substring(found.startOffset(), found.endOffset()));
        assertEquals(9, found.startLine());
    }

    @Test
    void multiLineRangeIsFoundAfterEditsElsewhere() {
        AnchoredRange a = anchor(V1, "if (strlen(p) > 8) {\n        return 1;\n    }");
        String v2 = V1.replace("#include <stdio.h>", "#include <stdio.h>\n#include <string.h>").replace("return 0;", "return -1;");
        TextRange found = new RangeLocator(new LineIndex(v2)).locate(a);
        assertEquals(5, found.startLine());
        assertEquals(3, found.lineSpan());
    }

    @Test
    void repeatedTextGoesWhereTheContextMatches() {
        String text = "a();\nx = 1;\nb();\n\nc();\nx = 1;\nd();\n";
        LineIndex idx = new LineIndex(text);
        int second = text.lastIndexOf("x = 1;");
        AnchoredRange a = AnchoredRange.of(idx, idx.range(second, second + 6));
        String v2 = "x = 1;\nnew();\n" + text;
        TextRange found = new RangeLocator(new LineIndex(v2)).locate(a);
        assertEquals(8, found.startLine());
    }

    @Test
    void deletedCodeIsOutdated() {
        AnchoredRange a = anchor(V1, "strcpy(buf, p);");
        assertNull(new RangeLocator(new LineIndex(V1.replace("    strcpy(buf, p);\n", ""))).locate(a));
    }

    @Test
    void shortTextWithoutMatchingContextDoesNotJumpToAnUnrelatedLine() {
        AnchoredRange a = anchor(V1, "return 0;");
        String unrelated = "void other(void) {\n    work();\n    return 0;\n}\n";
        assertNull(new RangeLocator(new LineIndex(unrelated)).locate(a));
    }

    @Test
    void emptyRangeIsLocatedByItsLine() {
        LineIndex idx = new LineIndex(V1);
        int at = V1.indexOf("strcpy");
        AnchoredRange caret = AnchoredRange.of(idx, idx.range(at, at));
        String v2 = "/* x */\n" + V1;
        TextRange found = new RangeLocator(new LineIndex(v2)).locate(caret);
        assertEquals(8, found.startLine());
        assertEquals(caret.range().startColumn(), found.startColumn());
    }

    @Test
    void rangeAtTheVeryEndAndStartOfFile() {
        String text = "first line here\nlast line here";
        LineIndex idx = new LineIndex(text);
        AnchoredRange all = AnchoredRange.of(idx, idx.range(0, text.length()));
        assertEquals(all.range(), new RangeLocator(idx).locate(all));
        String v2 = "zero\n" + text + "\n";
        assertEquals(2, new RangeLocator(new LineIndex(v2)).locate(all).startLine());
    }
}
