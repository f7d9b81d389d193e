package airlock.ui.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Showing a document built off the FX thread: what the view did before, with the caret at the start. */
@ExtendWith(ApplicationExtension.class)
class CodeViewPaneGuiTest {
    private final StackPane root = new StackPane();
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(root, 900, 500);
        for (String css : new String[] {"/airlock/ui/base.css", "/airlock/ui/light.css"}) {
            scene.getStylesheets().add(CodeViewPaneGuiTest.class.getResource(css).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
    }

    private static DocumentContent text(String s) {
        return new DocumentContent(s, DocumentContent.Kind.TEXT, s.length(), s.length());
    }

    @Test
    void aPreparedDocumentShowsFromTheFirstLineWithMarksNoticeAndLineNumbers(FxRobot robot) throws Exception {
        Texts texts = Texts.load(Locale.ROOT);
        StringBuilder source = new StringBuilder();
        for (int i = 1; i <= 3000; i++) {
            source.append("int line").append(i).append(i == 2 ? " = \u202Eevil" : "").append(";\n");
        }
        PreparedDocument first = PreparedDocument.of(text("old\n".repeat(5000)));
        PreparedDocument prepared = PreparedDocument.of(text(source.toString()));
        CodeViewPane[] pane = new CodeViewPane[1];
        robot.interact(() -> {
            pane[0] = new CodeViewPane(texts, "demo.c", attempt -> { });
            root.getChildren().setAll(pane[0]);
            pane[0].show(first);
            pane[0].goToLine(4000);
            pane[0].show(prepared);
        });
        WaitForAsyncUtils.waitForFxEvents();
        CodeArea area = pane[0].codeArea();
        assertEquals(prepared.text(), pane[0].text());
        assertEquals(3001, pane[0].lineCount());
        assertEquals(0, area.getCaretPosition(), "the caret starts at the top, as before");
        assertEquals(1, pane[0].currentLine());
        assertEquals(0, area.firstVisibleParToAllParIndex(), "the first line is on screen");
        int mark = prepared.marks()[0];
        assertEquals(HiddenCharacters.MARK, pane[0].text().charAt(mark));
        assertTrue(area.getStyleAtPosition(mark + 1).contains("hidden-char"));
        assertEquals(1, pane[0].hiddenCharacterCount());
        assertTrue(area.isLineHighlighterOn());
        assertTrue(robot.lookup(".code-notice").queryLabeled().getText().contains("1"), "the hidden-character notice");
        assertTrue(robot.lookup(".lineno").tryQuery().isPresent(), "line numbers are shown");

        // highlighting applied later keeps the mark's warning style
        long version = pane[0].contentVersion();
        robot.interact(() -> {
            StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
            int lineTwo = pane[0].text().indexOf('\n') + 1;
            spans.add(List.of("keyword"), pane[0].text().indexOf('\n', lineTwo) - lineTwo);
            assertTrue(pane[0].applyStyles(version, 1, spans.create()));
        });
        assertTrue(area.getStyleAtPosition(mark + 1).contains("hidden-char"));
        assertTrue(area.getStyleAtPosition(mark + 1).contains("keyword"));

        robot.interact(() -> {
            try {
                Screenshots.save(scene, "code-view-prepared.png");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.interact(() -> pane[0].goToLine(2500));
        assertEquals(2500, pane[0].currentLine());
    }

    @Test
    void aVeryLongLineTurnsTheCurrentLineHighlightOffAndANormalFileOnAgain(FxRobot robot) {
        Texts texts = Texts.load(Locale.ROOT);
        String longLine = "int t[] = {" + "1, ".repeat(CodeViewPane.LONG_LINE_CHARS / 3 + 10) + "};\nint after;\n";
        CodeViewPane[] pane = new CodeViewPane[1];
        robot.interact(() -> {
            pane[0] = new CodeViewPane(texts, "table.c", attempt -> { });
            root.getChildren().setAll(pane[0]);
            pane[0].show(PreparedDocument.of(text(longLine)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pane[0].codeArea().isLineHighlighterOn());
        assertEquals(longLine, pane[0].text(), "the whole line is shown, nothing cut");
        robot.interact(() -> pane[0].goToLine(2));
        assertEquals(2, pane[0].currentLine());
        assertEquals(longLine.indexOf('\n') + 1, pane[0].codeArea().getCaretPosition(), "positions are the file's");
        robot.interact(() -> pane[0].show(text("short\n")));
        assertTrue(pane[0].codeArea().isLineHighlighterOn());
    }

    @Test
    void stylesForAWholeBigFileColourTheScreenAtOnceAndTheRestWithoutALongStall(FxRobot robot) throws Exception {
        Texts texts = Texts.load(Locale.ROOT);
        int lines = 20 * IncrementalStyles.CHUNK_LINES;
        String source = "int x;\n".repeat(lines);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        for (int i = 0; i < lines; i++) {
            spans.add(List.of("syntax-keyword"), 3).add(List.of(), 4);
        }
        org.fxmisc.richtext.model.StyleSpans<Collection<String>> styles = spans.create();
        CodeViewPane[] pane = new CodeViewPane[1];
        robot.interact(() -> {
            pane[0] = new CodeViewPane(texts, "big.c", attempt -> { });
            root.getChildren().setAll(pane[0]);
            pane[0].show(PreparedDocument.of(text(source)));
            pane[0].goToLine(lines / 2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        CodeArea area = pane[0].codeArea();
        int middle = lines / 2 - 1;
        boolean[] right = new boolean[3];
        robot.interact(() -> {
            assertTrue(pane[0].applyStyles(pane[0].contentVersion(), 0, styles));
            // in the same FX event: the lines on screen already have their styles, the far ones not yet
            right[0] = area.getStyleOfChar(middle, 1).contains("syntax-keyword");
            right[1] = !area.getStyleOfChar(0, 1).contains("syntax-keyword");
            right[2] = pane[0].stylesPending();
        });
        assertTrue(right[0], "the lines on screen are styled at once");
        assertTrue(right[1], "lines far off screen wait for later frames");
        assertTrue(right[2]);
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> !pane[0].stylesPending());
        for (int line : new int[] {0, 1, middle, lines - 1}) {
            assertTrue(area.getStyleOfChar(line, 1).contains("syntax-keyword"), "line " + line);
            assertFalse(area.getStyleOfChar(line, 4).contains("syntax-keyword"), "line " + line);
        }

        // styles handed over with the last lines on screen: those are styled at once, the rest follow
        robot.interact(() -> {
            pane[0].show(PreparedDocument.of(text(source)));
            pane[0].goToLine(lines);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertTrue(pane[0].applyStyles(pane[0].contentVersion(), 0, styles));
            assertTrue(area.getStyleOfChar(lines - 1, 1).contains("syntax-keyword"));
        });
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> !pane[0].stylesPending());
        assertTrue(area.getStyleOfChar(0, 1).contains("syntax-keyword"));

        // new text drops what is still pending for the old one
        robot.interact(() -> {
            pane[0].applyStyles(pane[0].contentVersion(), 0, styles);
            pane[0].show(PreparedDocument.of(text(source)));
            assertFalse(pane[0].stylesPending());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(area.getStyleOfChar(0, 1).contains("syntax-keyword"), "nothing of the old styles lands on the new text");
    }

    @Test
    void theGutterNumbersEveryLineAndShowsEachColumnsMarks(FxRobot robot) {
        Texts texts = Texts.load(Locale.ROOT);
        CodeViewPane[] pane = new CodeViewPane[1];
        robot.interact(() -> {
            pane[0] = new CodeViewPane(texts, "marks.c", attempt -> { });
            root.getChildren().setAll(pane[0]);
            pane[0].show(PreparedDocument.of(text("a;\nb;\nc;\n".repeat(4))));
            pane[0].addGutterColumn().setMarks(line -> line == 1 ? new GutterMark("!", List.of("invisible-mark"), "why") : null);
            pane[0].addGutterColumn().setMarks(line -> line == 2 ? new GutterMark("\u25CF", List.of("annot-mark"), null) : null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.text.Text> numbers = robot.lookup(".lineno").queryAllAs(javafx.scene.text.Text.class).stream().toList();
        assertEquals(13, numbers.size());
        assertTrue(numbers.stream().anyMatch(t -> t.getText().equals(" 1")), "numbers are padded to the widest");
        assertTrue(numbers.stream().anyMatch(t -> t.getText().equals("13")));
        assertEquals(1, robot.lookup(".invisible-mark").queryAll().size());
        assertEquals(1, robot.lookup(".annot-mark").queryAll().size());
        javafx.scene.Node second = robot.lookup(".invisible-mark").query().getParent();
        javafx.scene.Node third = robot.lookup(".annot-mark").query().getParent();
        assertEquals(second.getBoundsInLocal().getWidth(), third.getBoundsInLocal().getWidth(), 0.5,
                "every line's gutter is as wide, marks or not, so the code stays aligned");
        robot.interact(() -> {
            try {
                Screenshots.save(scene, "code-view-gutter.png");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
