package airlock.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.git.GitSource;
import airlock.core.history.CommitInfo;
import airlock.core.history.FileChange;
import airlock.core.history.HistoryRepo;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19: the unified form of a diff next to the side-by-side one, next/previous change (F7 / Shift+F7,
 * Alt+Down / Alt+Up), and history commits opened as a diff against their parent.
 */
@ExtendWith(ApplicationExtension.class)
class DiffReadingGuiTest {
    static final String MAIN = VersionsGuiTest.MAIN;
    @TempDir
    static Path dir;
    private WorkstationWindow window;
    private GitSource source;
    private final List<airlock.core.history.VersionReads.FileOpened> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        source = HistoryRepo.create(dir.resolve("repo-" + System.nanoTime()));
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
        window = new WorkstationWindow(stage, Texts.load(Locale.ROOT), clock, "WS-TEST-0019");
        // the version reads the session log would record (the session's gate is SessionVersionsGuiTest's)
        window.model().setVersionReads((key, reads) -> reads.forEach(r -> {
            if (r instanceof airlock.core.history.VersionReads.FileOpened f) {
                opened.add(f);
            }
        }));
        stage.show();
        window.model().openSource(source, MAIN);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void unifiedDiffAndNextPreviousChange(FxRobot robot) throws Exception {
        VersionsFeature versions = window.versions();
        waitUntil(() -> window.view().selectedCodeView() != null && window.view().selectedCodeView().text().contains("total++"));
        robot.interact(() -> versions.compare(VersionsGuiTest.V1, VersionsGuiTest.V2));
        VersionsWindow w = versions.windowForTests();
        waitUntil(() -> w.changes().size() == 5);
        FileChange main = w.changes().stream().filter(c -> c.path().equals(MAIN)).findFirst().orElseThrow();
        robot.interact(() -> w.changeList().getSelectionModel().select(main));
        waitUntil(() -> selectedTab(w).getContent() instanceof DiffPane);
        DiffPane diff = (DiffPane) selectedTab(w).getContent();
        assertEquals("Change \u2013 of 2", diff.positionText());

        robot.interact(() -> diff.right().focusText());
        robot.press(KeyCode.F7).release(KeyCode.F7);
        assertEquals("Change 1 of 2", diff.positionText());
        assertEquals(2, diff.currentRow(), "the first changed row of the side-by-side form");
        robot.press(KeyCode.F7).release(KeyCode.F7);
        assertEquals("Change 2 of 2", diff.positionText());
        assertTrue(diff.right().codeArea().getParagraph(diff.currentRow()).getText().contains("tail"));
        robot.press(KeyCode.F7).release(KeyCode.F7);
        assertEquals("Change 1 of 2", diff.positionText(), "F7 wraps");

        robot.interact(() -> diff.setUnified(true));
        assertTrue(diff.isUnified());
        String unified = diff.unified().text();
        assertTrue(unified.startsWith("  int main(void)\n  {\n- \tint count = 1;\n- \treturn count;\n+ \tint total = 1;\n"
                + "+ \ttotal++;\n+ \treturn total;\n  }\n"), unified);
        assertTrue(unified.contains("- // tail\n+ // tail "), unified);
        int added = unified.indexOf("total");
        assertTrue(diff.unified().codeArea().getStyleAtPosition(added + 1).contains("diff-intraline-added"),
                "changed words are marked in the unified form too");
        robot.interact(() -> diff.unified().focusText());
        assertEquals(2, diff.currentRow(), "the unified form opens at the row the side-by-side one was at");
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        assertEquals("Change 2 of 2", diff.positionText(), "Alt+Down: the next change after the caret");
        assertTrue(diff.unified().codeArea().getParagraph(diff.currentRow()).getText().startsWith("- // tail"));
        robot.press(KeyCode.SHIFT, KeyCode.F7).release(KeyCode.F7, KeyCode.SHIFT);
        assertEquals("Change 1 of 2", diff.positionText());
        assertEquals(2, diff.currentRow());
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        assertEquals("Change 2 of 2", diff.positionText(), "Alt+Up wraps back to the last change");
        robot.interact(() -> Screenshots.shot(w.stage().getScene(), "diff-unified.png"));
        robot.press(KeyCode.ALT, KeyCode.SHIFT, KeyCode.U).release(KeyCode.U, KeyCode.SHIFT, KeyCode.ALT);
        assertTrue(!diff.isUnified(), "Alt+Shift+U switches back to side by side");
    }

    @Test
    void aHistoryCommitOpensAsADiffAgainstItsParent(FxRobot robot) throws Exception {
        VersionsFeature versions = window.versions();
        waitUntil(() -> window.view().selectedCodeView() != null && window.view().selectedCodeView().text().contains("total++"));
        robot.interact(versions::historyOfCurrent);
        VersionsWindow[] w = new VersionsWindow[1];
        waitUntil(() -> (w[0] = versions.windowForTests()) != null && selectedTab(w[0]).getContent() instanceof HistoryView);
        HistoryView history = (HistoryView) selectedTab(w[0]).getContent();
        CommitInfo v1 = history.list().getItems().stream().filter(c -> c.summary().equals("v1 files")).findFirst()
                .orElseThrow();
        robot.interact(() -> {
            history.list().getSelectionModel().select(v1);
            history.list().requestFocus();
        });
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> selectedTab(w[0]).getContent() instanceof DiffPane);
        DiffPane diff = (DiffPane) selectedTab(w[0]).getContent();
        assertTrue(diff.left().text().contains("return 0;"), "the parent's version on the left");
        assertTrue(diff.right().text().contains("int count = 1;"), "the commit's version on the right");
        assertTrue(selectedTab(w[0]).getText().startsWith(v1.shortId()));
        assertTrue(opened.stream().anyMatch(e -> e.ref().equals(v1.id()) && MAIN.equals(e.path())),
                "the commit's file version is handed to the session log's gate");
        robot.interact(() -> Screenshots.shot(w[0].stage().getScene(), "history-commit-diff.png"));

        CommitInfo root = history.list().getItems().get(history.list().getItems().size() - 1);
        assertEquals("initial main", root.summary());
        robot.interact(() -> versions.openCommit(MAIN, root));
        waitUntil(() -> selectedTab(w[0]).getText().startsWith(root.shortId()));
        DiffPane first = (DiffPane) selectedTab(w[0]).getContent();
        assertTrue(first.right().text().contains("return 0;"));
        assertEquals(0, first.left().text().replace("\n", "").length(), "a root commit is compared with nothing");
    }

    /**
     * The xvfb walk's keys, and nothing else: Alt+Shift+H from the code view, Enter on the newest commit,
     * then F7, Shift+F7 and Alt+Shift+U must reach the commit's diff (they stayed at "Change – of N").
     */
    @Test
    void keysReachAHistoryCommitDiffOpenedFromTheKeyboard(FxRobot robot) throws Exception {
        VersionsFeature versions = window.versions();
        waitUntil(() -> window.view().selectedCodeView() != null && window.view().selectedCodeView().text().contains("total++"));
        robot.interact(() -> window.view().selectedCodeView().focusText());
        robot.press(KeyCode.ALT, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.ALT);
        VersionsWindow[] w = new VersionsWindow[1];
        waitUntil(() -> (w[0] = versions.windowForTests()) != null && selectedTab(w[0]).getContent() instanceof HistoryView);
        HistoryView history = (HistoryView) selectedTab(w[0]).getContent();
        waitUntil(() -> history.list().isFocused());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> selectedTab(w[0]).getContent() instanceof DiffPane);
        DiffPane diff = (DiffPane) selectedTab(w[0]).getContent();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Change \u2013 of 2", diff.positionText());
        assertTrue(diff.right().codeArea().isFocused(), "the commit's diff has the keyboard, not "
                + w[0].stage().getScene().getFocusOwner());

        robot.press(KeyCode.F7).release(KeyCode.F7);
        assertEquals("Change 1 of 2", diff.positionText(), "F7 reaches the commit's diff");
        robot.press(KeyCode.SHIFT, KeyCode.F7).release(KeyCode.F7, KeyCode.SHIFT);
        assertEquals("Change 2 of 2", diff.positionText(), "Shift+F7 too (wrapping)");
        robot.press(KeyCode.ALT, KeyCode.SHIFT, KeyCode.U).release(KeyCode.U, KeyCode.SHIFT, KeyCode.ALT);
        assertTrue(diff.isUnified(), "Alt+Shift+U reaches the commit's diff");
        robot.press(KeyCode.F7).release(KeyCode.F7);
        assertTrue(diff.positionText().matches("Change [12] of 2"), "F7 in the unified form: " + diff.positionText());
        robot.interact(() -> Screenshots.shot(w[0].stage().getScene(), "history-commit-diff-keys.png"));
        robot.press(KeyCode.ALT, KeyCode.SHIFT, KeyCode.U).release(KeyCode.U, KeyCode.SHIFT, KeyCode.ALT);
        assertTrue(!diff.isUnified(), "Alt+Shift+U back to side by side");
        assertTrue(diff.right().codeArea().isFocused(), "the keyboard stays in the diff when the form changes");

        // where the focus ended up in the real window (openbox): on the tab headers; the keys still reach the diff
        robot.interact(() -> w[0].tabs().requestFocus());
        String before = diff.positionText();
        robot.press(KeyCode.F7).release(KeyCode.F7);
        assertTrue(!before.equals(diff.positionText()), "F7 from the tab headers: " + before + " stayed");
        robot.press(KeyCode.ALT, KeyCode.SHIFT, KeyCode.U).release(KeyCode.U, KeyCode.SHIFT, KeyCode.ALT);
        assertTrue(diff.isUnified(), "Alt+Shift+U from the tab headers");
    }

    /**
     * The race seen under openbox: a diff's code is not in the scene until its split pane's skin is made
     * (the next CSS pass), and a focus request before that is dropped. The diff must have the keyboard as
     * soon as its tab is shown, not at some later pulse.
     */
    @Test
    void aDiffHasTheKeyboardAsSoonAsItsTabIsShown(FxRobot robot) throws Exception {
        VersionsFeature versions = window.versions();
        waitUntil(() -> window.view().selectedCodeView() != null && window.view().selectedCodeView().text().contains("total++"));
        robot.interact(versions::historyOfCurrent);
        VersionsWindow[] w = new VersionsWindow[1];
        waitUntil(() -> (w[0] = versions.windowForTests()) != null && selectedTab(w[0]).getContent() instanceof HistoryView);
        HistoryView history = (HistoryView) selectedTab(w[0]).getContent();
        assertTrue(history.list().isFocused(), "the history list has the keyboard as soon as it is shown");
        CommitInfo newest = history.list().getItems().get(0);
        airlock.core.history.FileDiff found = new airlock.core.history.LocalVersions(source)
                .commitDiff(newest.id(), MAIN).diff();
        java.util.function.IntFunction<String> skipped = n -> n + " unchanged lines";
        boolean[] focused = new boolean[1];
        robot.interact(() -> {
            DiffPane fresh = new DiffPane(Texts.load(Locale.ROOT), found, "test", DiffDocument.of(found.rows(),
                    DiffDocument.Side.LEFT, skipped), DiffDocument.of(found.rows(), DiffDocument.Side.RIGHT, skipped),
                    DiffDocument.unified(found.rows(), skipped), window.model());
            w[0].showTab("test:" + newest.id(), "test", "test", fresh, fresh.focusTarget());
            focused[0] = fresh.right().codeArea().isFocused();
        });
        assertTrue(focused[0], "the diff's code has the keyboard when showTab returns");
    }

    /**
     * Issue 19: in the side-by-side form the first F7 said "Change 1 of 4" and put the caret on the change
     * at lines 46-47, but both sides showed the rows around line 84: the left side, moved to the same row,
     * scrolled to its caret and the scroll syncing carried its estimated position over to the right,
     * overriding the right's showParagraphAtTop. After each F7 both sides must show the change.
     */
    @Test
    void f7ShowsTheChangeOnBothSidesOfALongFile(FxRobot robot) throws Exception {
        VersionsFeature versions = window.versions();
        waitUntil(() -> window.view().selectedCodeView() != null && window.view().selectedCodeView().text().contains("total++"));
        robot.interact(() -> versions.compare(VersionsGuiTest.V1, VersionsGuiTest.V2));
        VersionsWindow w = versions.windowForTests();
        waitUntil(() -> w.changes().size() == 5);
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int line = 1; line <= 240; line++) {
            before.append("\tline ").append(line).append(" of the old file;\n");
            boolean changed = line == 46 || line == 47 || line == 120 || line == 170 || line == 230;
            after.append("\tline ").append(line).append(changed ? " changed here;\n" : " of the old file;\n");
        }
        org.eclipse.jgit.diff.RawText a = new org.eclipse.jgit.diff.RawText(before.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.eclipse.jgit.diff.RawText b = new org.eclipse.jgit.diff.RawText(after.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<airlock.core.history.DiffRow> rows = airlock.core.history.SideBySide.rows(a, b, Integer.MAX_VALUE);
        airlock.core.history.FileDiff found = new airlock.core.history.FileDiff(new FileChange(
                airlock.core.history.ChangeKind.MODIFIED, "long.c", "long.c", null, null, 5, 5,
                airlock.core.history.DiffVerdict.TEXT), airlock.core.history.DiffVerdict.TEXT, rows, 0, 0);
        java.util.function.IntFunction<String> skipped = n -> n + " unchanged lines";
        DiffPane[] shown = new DiffPane[1];
        robot.interact(() -> {
            shown[0] = new DiffPane(Texts.load(Locale.ROOT), found, "long.c", DiffDocument.of(rows, DiffDocument.Side.LEFT, skipped),
                    DiffDocument.of(rows, DiffDocument.Side.RIGHT, skipped), DiffDocument.unified(rows, skipped), window.model());
            w.showTab("long:c", "long.c", "long.c", shown[0], shown[0].focusTarget());
        });
        DiffPane diff = shown[0];
        waitUntil(() -> diff.right().codeArea().getHeight() > 0 && diff.right().codeArea().lastVisibleParToAllParIndex() > 5);
        assertEquals("Change \u2013 of 4", diff.positionText());
        List<String> problems = new java.util.ArrayList<>();
        int[] changeRows = {45, 119, 169, 229};
        for (int i = 0; i < changeRows.length; i++) {
            robot.press(KeyCode.F7).release(KeyCode.F7);
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300); // the two sides' layout passes and their scroll syncing settle
            WaitForAsyncUtils.waitForFxEvents();
            int row = changeRows[i];
            String[] seen = new String[1];
            robot.interact(() -> {
                StringBuilder out = new StringBuilder();
                for (airlock.ui.code.CodeViewPane side : List.of(diff.left(), diff.right())) {
                    int first = side.codeArea().firstVisibleParToAllParIndex();
                    int last = side.codeArea().lastVisibleParToAllParIndex();
                    if (row < first || row + 1 > last) {
                        out.append(side.getId()).append(" shows rows ").append(first).append('-').append(last).append("; ");
                    }
                }
                seen[0] = out.toString();
            });
            if (!diff.positionText().equals("Change " + (i + 1) + " of 4") || diff.currentRow() != row || !seen[0].isEmpty()) {
                problems.add("F7 #" + (i + 1) + ": " + diff.positionText() + ", caret row " + diff.currentRow()
                        + ", change at row " + row + ": " + seen[0]);
            }
            if (i == 0) {
                robot.interact(() -> Screenshots.shot(w.stage().getScene(), "diff-long-first-F7.png"));
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Tab selectedTab(VersionsWindow w) {
        return w.tabs().getSelectionModel().getSelectedItem();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
