package airlock.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.text.TextPage;
import airlock.testutil.MemorySource;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.code.CodeViewPane;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A file over the page size opens a page at a time: numbered with the file's lines, turned with the
 * buttons and Alt+Page Down / Alt+Page Up, and "go to line" goes to the page that has the line.
 */
@ExtendWith(ApplicationExtension.class)
class LargeFilePagingGuiTest {
    /** ~5.5 MB: three pages. Each line names itself, so what is shown can be checked against its number. */
    private static final int LINES = 200_000;
    private WorkstationWindow window;

    @Start
    void start(Stage stage) {
        StringBuilder big = new StringBuilder(LINES * 28);
        for (int i = 1; i <= LINES; i++) {
            big.append("line ").append(i).append(": int v").append(i).append(" = ").append(i % 977).append(";\n");
        }
        StringBuilder table = new StringBuilder("static const int table[] = {");
        for (int i = 0; table.length() < 1_000_000; i++) {
            table.append(i).append(", ");
        }
        table.append("};\n");
        MemorySource source = new MemorySource().put("big.c", big.toString()).put("small.c", "int x;\n")
                .put("one-line.c", table.toString());
        window = new WorkstationWindow(stage, Texts.load(Locale.ROOT),
                Clock.fixed(Instant.parse("2026-11-29T09:30:00Z"), ZoneOffset.UTC), "WS-TEST-0001");
        stage.show();
        window.model().openSource(source);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void turnsPagesAndGoesToTheLineOnItsPage(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 3);
        robot.interact(() -> window.model().openFile("big.c", 1));
        waitUntil(() -> page() != null);
        assertEquals(0, page().index());
        assertEquals(1, page().firstLine());
        assertEquals("line 1: int v1 = 1;", firstShownLine());
        assertTrue(pane().page().endByte() <= TextPage.PAGE_BYTES, "a page holds at most the page size");
        assertTrue(noticeText().contains("page 1,"), noticeText());
        assertTrue(button("code.page.previous").isDisabled(), "no page before the first");
        waitForGutter("1");
        robot.interact(() -> Screenshots.shot(robot.window(0).getScene(), "large-file-page-1.png"));

        robot.clickOn(button("code.page.next"));
        waitUntil(() -> page().index() == 1);
        int first = page().firstLine();
        assertEquals(page(0).lastLine() + 1, first, "the second page goes on where the first ended");
        assertEquals("line " + first + ": int v" + first + " = " + (first % 977) + ";", firstShownLine(),
                "the page's first line is the file's line of that number");
        waitForGutter(String.valueOf(first)); // the gutter numbers the file's lines
        assertEquals(first, pane().currentLine());
        assertTrue(noticeText().contains("page 2"), noticeText());
        robot.interact(() -> Screenshots.shot(robot.window(0).getScene(), "large-file-page-2.png"));

        // go to a line two pages on: the page that has it is found and shown, the caret on the line
        int far = LINES - 10;
        robot.interact(() -> window.model().goToLine(String.valueOf(far)));
        waitUntil(() -> page().isLast() && pane().currentLine() == far);
        assertEquals("line " + far + ": int v" + far + " = " + (far % 977) + ";", caretLineText());
        assertTrue(noticeText().contains("page 3 of 3"), "the page count is known once the last page is found: "
                + noticeText());
        assertTrue(button("code.page.next").isDisabled(), "no page after the last");

        robot.interact(() -> pane().focusText());
        robot.press(KeyCode.ALT, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.ALT);
        waitUntil(() -> page().index() == 1);
        robot.interact(() -> window.model().goToLine("3"));
        waitUntil(() -> page().index() == 0 && pane().currentLine() == 3);
        assertEquals("line 3: int v3 = 3;", caretLineText());
    }

    @Test
    void aSmallFileHasNoPages(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 3);
        robot.interact(() -> window.model().openFile("small.c", 1));
        waitUntil(() -> pane() != null && pane().content() != null);
        assertNull(pane().page());
        assertEquals(0, pane().lineOffset());
        assertTrue(robot.lookup(".code-page-bar").queryAll().isEmpty());
    }

    @Test
    void aOneMegabyteLineIsShownInPiecesAPageEach(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 3);
        robot.interact(() -> window.model().openFile("one-line.c", 1));
        waitUntil(() -> page() != null);
        assertEquals(0, page().index());
        assertTrue(page().endsInsideLine() && page().endByte() <= TextPage.MAX_LINE_BYTES, page().toString());
        assertEquals(1, pane().lineCount(), "one line on the page");
        assertTrue(firstShownLine().startsWith("static const int table[] = {0, 1, 2, "));
        assertTrue(noticeText().startsWith("A line of this file is too long to show at once"), noticeText());
        robot.interact(() -> Screenshots.shot(robot.window(0).getScene(), "long-line-page-1.png"));
        long end = page().endByte();
        robot.clickOn(button("code.page.next"));
        waitUntil(() -> page().index() == 1);
        assertEquals(end, page().startByte(), "the next piece goes on where the first ended");
        assertEquals(1, page().firstLine(), "still line 1");
        waitForGutter("1");
        assertTrue(page().startsInsideLine());
    }

    private CodeViewPane pane() {
        return window.view().selectedCodeView();
    }

    private TextPage page() {
        CodeViewPane pane = pane();
        return pane == null ? null : pane.page();
    }

    private TextPage page(int index) throws Exception {
        DocumentViewModel doc = window.model().selectedProperty().get();
        assertNotNull(doc.pages());
        return doc.pages().page(index, airlock.core.progress.ProgressMonitor.NONE);
    }

    private String firstShownLine() {
        return pane().codeArea().getParagraph(0).getText();
    }

    private String caretLineText() {
        return pane().codeArea().getParagraph(pane().codeArea().getCurrentParagraph()).getText();
    }

    private String noticeText() {
        return ((javafx.scene.control.Label) pane().getTop().lookup(".code-notice")).getText();
    }

    private Button button(String key) {
        String text = Texts.load(Locale.ROOT).get(key);
        return pane().getTop().lookupAll(".button").stream().map(Button.class::cast)
                .filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    /**
     * The number of the topmost line in the gutter, or "" while the code area has not been laid out yet:
     * the gutter's cells are made by the virtual flow a pulse or two after the page is set, so asking
     * at once can see a half-built flow (CI saw "2" once for that reason).
     */
    private String firstGutterNumber() {
        double top = pane().codeArea().localToScene(0, 0).getY();
        return pane().lookupAll(".lineno").stream().map(javafx.scene.text.Text.class::cast)
                .filter(t -> t.isVisible() && t.getScene() != null && t.localToScene(0, 0).getY() >= top - 1)
                .min(Comparator.comparingDouble(t -> t.localToScene(0, 0).getY()))
                .map(t -> t.getText().strip()).orElse("");
    }

    /** Waits until the gutter's topmost number is {@code expected}; fails with what it shows if never. */
    private void waitForGutter(String expected) throws Exception {
        try {
            waitUntil(() -> expected.equals(firstGutterNumber()));
        } catch (java.util.concurrent.TimeoutException e) {
            assertEquals(expected, WaitForAsyncUtils.asyncFx(this::firstGutterNumber).get(),
                    "the topmost number in the gutter");
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        // generous: the machine is shared; this waits for an outcome, it does not measure time
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
