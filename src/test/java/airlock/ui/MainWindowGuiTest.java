package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.Screenshots;
import airlock.testutil.TestRepository;
import airlock.ui.code.CodeViewPane;
import airlock.ui.code.CopyAttempt;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import airlock.ui.main.DocumentViewModel;
import airlock.ui.theme.Theme;
import airlock.testutil.TestWindows;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless (Monocle) on a small repository and saves screenshots. */
@ExtendWith(ApplicationExtension.class)
class MainWindowGuiTest {
    @TempDir
    static Path dir;
    private WorkstationWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.onTestRepository(stage, dir);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void opensAFileFromTheTreeAndShowsItsText(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.view().fileTree().reveal(TestRepository.BIDI_NAME));
        robot.interact(() -> window.view().fileTree().reveal("src/main"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .anyMatch(cell -> "main/".equals(cell.getText())), "src/main is visible after expanding src");
        assertTrue(robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .anyMatch(cell -> "evil\u27E8U+202E\u27E9gnp.exe".equals(cell.getText())), "the bidi name is escaped");
        robot.interact(() -> save(robot.window(0), "main-window.png"));

        robot.interact(() -> window.view().fileTree().reveal("src/main/Hello.java"));
        robot.doubleClickOn("Hello.java");
        waitUntil(() -> selectedText().contains("public class Hello"));
        robot.interact(() -> window.model().goToLine("40"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40, window.view().selectedCodeView().currentLine());
        robot.interact(() -> save(robot.window(0), "file-open.png"));
    }

    @Test
    void bidiNamesAreEscapedAndCopyIsRefused(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 6);
        robot.interact(() -> window.model().openFile(TestRepository.BIDI_NAME, 1));
        waitUntil(() -> window.model().selectedProperty().get() != null
                && window.model().selectedProperty().get().contentProperty().get() != null);
        DocumentViewModel doc = window.model().selectedProperty().get();
        assertEquals("evil\u27E8U+202E\u27E9gnp.exe", doc.title());
        // the shell masks hidden characters at once; navigation's decoration then shows each as a token
        waitUntil(() -> selectedText().contains("\u27E8U+202E\u27E9"));
        assertEquals(4, selectedText().split("\u27E8U\\+", -1).length - 1, "four hidden characters, four tokens");
        assertTrue(selectedText().startsWith("access = \"user\u27E8U+202E\u27E9 \u27E8U+2066\u27E9// Check"),
                selectedText());
        robot.interact(() -> save(robot.window(0), "bidi-file.png"));
        List<CopyAttempt> attempts = new ArrayList<>();
        robot.interact(() -> {
            window.model().addCopyAttemptListener(attempts::add);
            ClipboardContent sentinel = new ClipboardContent();
            sentinel.putString("sentinel");
            Clipboard.getSystemClipboard().setContent(sentinel);
            window.view().selectedCodeView().focusText();
        });
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.INSERT).release(KeyCode.INSERT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.X).release(KeyCode.X, KeyCode.CONTROL);
        robot.interact(() -> window.view().selectedCodeView().codeArea().copy());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Texts.load(Locale.ROOT).get("code.copy.refused"), window.model().statusMessageProperty().get());
        String[] clipboard = new String[2];
        robot.interact(() -> {
            clipboard[0] = Clipboard.getSystemClipboard().getString();
            // proof that the headless clipboard is real: an unguarded area does reach it
            org.fxmisc.richtext.CodeArea plain = new org.fxmisc.richtext.CodeArea("plain text");
            plain.selectAll();
            plain.copy();
            clipboard[1] = Clipboard.getSystemClipboard().getString();
        });
        assertEquals("sentinel", clipboard[0], "nothing reached the clipboard");
        assertEquals("plain text", clipboard[1]);
        assertEquals(List.of(CopyAttempt.Kind.COPY, CopyAttempt.Kind.COPY, CopyAttempt.Kind.CUT, CopyAttempt.Kind.COPY),
                attempts.stream().map(CopyAttempt::kind).toList());
        assertTrue(attempts.get(0).selectedChars() > 10, "the whole text was selected");
        assertEquals(TestRepository.BIDI_NAME, attempts.get(0).documentPath());
        robot.interact(() -> {
            assertTrue(window.view().selectedCodeView().codeArea().getContextMenu() == null, "no context menu");
            assertTrue(!window.view().selectedCodeView().codeArea().isEditable());
        });
    }

    @Test
    void binaryFilesAreShownAsHex(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 6);
        robot.interact(() -> window.model().openFile("data.bin", 1));
        waitUntil(() -> selectedText().startsWith("00000000  7f 45 4c 46"));
    }

    @Test
    void aboutAndHighContrastScreenshots(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 6);
        robot.interact(() -> window.model().openFile(TestRepository.MAIN, 12));
        waitUntil(() -> selectedText().contains("VALUE_0"));
        robot.interact(() -> window.view().setTheme(Theme.HIGH_CONTRAST));
        robot.interact(() -> window.view().fileTree().reveal(TestRepository.MAIN));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> save(robot.window(0), "high-contrast.png"));
        robot.interact(() -> window.view().setTheme(Theme.LIGHT));
        robot.interact(() -> window.view().showAbout());
        WaitForAsyncUtils.waitForFxEvents();
        Window about = robot.listWindows().stream().filter(w -> w != robot.window(0)).reduce((a, b) -> b).orElse(null);
        assertNotNull(about, "the About dialog opened");
        Node header = about.getScene().lookup(".licence-table");
        assertNotNull(header);
        robot.interact(() -> save(about, "about.png"));
        robot.interact(() -> ((Stage) about).close());
    }

    @Test
    void keyboardShortcutsWorkWhileTheCodeViewHasFocus(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 6);
        robot.interact(() -> window.model().openFile("README.md", 1));
        waitUntil(() -> selectedText().startsWith("# Demo"));
        robot.interact(() -> window.model().openFile(TestRepository.MAIN, 1));
        waitUntil(() -> selectedText().contains("class Hello"));
        robot.interact(() -> window.view().selectedCodeView().focusText());
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("README.md", window.model().selectedProperty().get().path());
        robot.interact(() -> window.view().selectedCodeView().focusText());
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.model().documents().size());
        assertEquals(TestRepository.MAIN, window.model().selectedProperty().get().path());
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, robot.listWindows().size(), "Ctrl+L opened the go-to-line dialog");
        Window lineDialog = robot.listWindows().get(1);
        robot.clickOn(robot.from(lineDialog.getScene().getRoot()).lookup(".text-field").queryAs(Node.class));
        robot.write("30").press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(30, window.view().selectedCodeView().currentLine());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.write("hello");
        waitUntil(() -> window.model().fileTree().isFiltering()
                && window.model().fileTree().indexProperty().get().fileCount() == 2);

        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Window keys = robot.listWindows().stream().filter(w -> w != robot.window(0)).reduce((a, b) -> b).orElse(null);
        assertNotNull(keys, "F1 opened the shortcut list");
        assertNotNull(keys.getScene().lookup(".shortcut-table"));
        robot.interact(() -> save(keys, "shortcuts.png"));
        robot.interact(() -> ((Stage) keys).close());
    }

    @Test
    void stylesComputedElsewhereAreAppliedOnlyToTheContentTheyWereComputedFor(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 6);
        robot.interact(() -> window.model().openFile(TestRepository.MAIN, 1));
        waitUntil(() -> selectedText().contains("class Hello"));
        CodeViewPane pane = window.view().selectedCodeView();
        // navigation decorates every view with its own highlighting: let it finish so it cannot race this test
        waitUntil(() -> window.navigation().isDecorated(pane));
        org.fxmisc.richtext.model.StyleSpans<java.util.Collection<String>> spans =
                new org.fxmisc.richtext.model.StyleSpansBuilder<java.util.Collection<String>>()
                        .add(java.util.List.of("keyword"), 6).add(java.util.List.of(), 1_000_000).create();
        boolean[] applied = new boolean[2];
        robot.interact(() -> {
            applied[0] = pane.applyStyles(pane.contentVersion(), 3, spans);
            applied[1] = pane.applyStyles(pane.contentVersion() - 1, 0, spans);
        });
        assertTrue(applied[0], "current spans apply, cut at the end of the text");
        assertTrue(!applied[1], "spans for older content are dropped");
        assertTrue(pane.codeArea().getStyleOfChar(3, 2).contains("keyword"));
        assertTrue(!pane.codeArea().getStyleOfChar(0, 2).contains("keyword"));
    }

    @Test
    void aFailingTaskShowsAnErrorDialogWithTheCode(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().background(airlock.ui.task.BackgroundTask.of("Verifying the bundle",
                monitor -> {
                    throw new airlock.core.AirlockException("source.read", "pack file is truncated");
                })));
        waitUntil(() -> robot.listWindows().size() > 1);
        Window dialog = robot.listWindows().get(robot.listWindows().size() - 1);
        javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) dialog.getScene().getRoot();
        assertTrue(pane.getContentText().contains("pack file is truncated"), pane.getContentText());
        assertTrue(pane.getContentText().contains("source.read"), pane.getContentText());
        assertTrue(window.model().statusMessageProperty().get().contains("source.read"));
        robot.interact(() -> save(dialog, "error.png"));
        robot.interact(() -> ((Stage) dialog).close());
    }

    @Test
    void aTreeOfEightyThousandFilesOpensAndFilters(FxRobot robot) throws Exception {
        airlock.testutil.MemorySource big = new airlock.testutil.MemorySource();
        for (int d = 0; d < 400; d++) {
            for (int f = 0; f < 200; f++) {
                big.put(String.format("drivers/d%03d/f%03d.c", d, f), "int x;\n");
            }
        }
        robot.interact(() -> window.model().openSource(big, "drivers/d399/f199.c"));
        waitUntil(() -> window.model().fileTree().totalFiles() == 80_000
                && selectedText().equals("int x;\n"));
        robot.interact(() -> assertTrue(window.view().fileTree().reveal("drivers/d200/f100.c")));
        robot.interact(() -> window.model().fileTree().filterProperty().set("d123/f12"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, window.model().fileTree().indexProperty().get().fileCount());
        robot.interact(() -> save(robot.window(0), "large-tree.png"));
    }

    private static void save(Window window, String name) {
        try {
            Screenshots.save(window.getScene(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String selectedText() {
        CodeViewPane pane = window.view().selectedCodeView();
        return pane == null ? "" : pane.text();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        // generous: the machine is shared; this waits for an outcome, it does not measure time
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
