package airlock.ui.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.junit.jupiter.api.Test;

/** The document the code view swaps in is built off the FX thread; it must be exactly what the view showed before. */
class PreparedDocumentTest {

    private static DocumentContent text(String s) {
        return new DocumentContent(s, DocumentContent.Kind.TEXT, s.length(), s.length());
    }

    @Test
    void oneParagraphPerLineWithTheMaskedTextAndUnchangedOffsets() {
        String source = "int a;\n\naccess = \"user\u202E\";\nlast";
        PreparedDocument prepared = PreparedDocument.of(text(source));
        ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> doc = prepared.document();
        assertEquals(4, doc.getParagraphs().size());
        assertEquals(source.length(), doc.length(), "offsets, lines and columns are those of the file");
        assertEquals(HiddenCharacters.mask(source).text(), doc.getText());
        assertEquals(prepared.text(), doc.getText());
        assertEquals("", doc.getParagraph(1).getText());
        assertArrayEquals(new int[] {22}, prepared.marks());
        assertEquals(17, prepared.longestLine());
    }

    @Test
    void hiddenCharacterMarksCarryTheWarningStyleAndNothingElseIsStyled() {
        String source = "x\u200By\n\u2066z\u2069\n";
        PreparedDocument prepared = PreparedDocument.of(text(source));
        ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> doc = prepared.document();
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                continue;
            }
            boolean mark = i == 1 || i == 4 || i == 6;
            Collection<String> style = doc.getStyleAtPosition(i + 1);
            assertEquals(mark ? List.of("hidden-char") : List.of(), List.copyOf(style), "style of char " + i);
        }
        assertEquals(3, doc.getParagraphs().size(), "a trailing line feed gives an empty last line, as before");
    }

    @Test
    void pastTheStyledLimitMarksAreMaskedButNotStyled() {
        int count = PreparedDocument.MAX_STYLED_MARKS + 5;
        String source = "\u200B".repeat(count);
        PreparedDocument prepared = PreparedDocument.of(text(source));
        assertEquals(count, prepared.marks().length);
        assertEquals(List.of("hidden-char"),
                List.copyOf(prepared.document().getStyleAtPosition(PreparedDocument.MAX_STYLED_MARKS)));
        assertTrue(prepared.document().getStyleAtPosition(count).isEmpty());
    }

    @Test
    void hexDumpsAreNotMasked() {
        String dump = "00000000  00 01 |..|\n";
        PreparedDocument prepared = PreparedDocument.of(new DocumentContent(dump, DocumentContent.Kind.HEX, 2, 2));
        assertEquals(dump, prepared.document().getText());
        assertEquals(0, prepared.marks().length);
    }

    @Test
    void emptyTextIsOneEmptyParagraph() {
        PreparedDocument prepared = PreparedDocument.of(text(""));
        assertEquals(1, prepared.document().getParagraphs().size());
        assertEquals(0, prepared.longestLine());
    }

    @Test
    void theLongestLineIsMeasuredForTheLongLineRule() {
        String line = "x".repeat(CodeViewPane.LONG_LINE_CHARS + 1);
        assertEquals(line.length(), PreparedDocument.of(text("a\n" + line + "\nb")).longestLine());
    }
}
