package airlock.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.git.GitSource;
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
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** Switches the reviewed ref and opens a diff, a blame and a history in the real window (headless). */
@ExtendWith(ApplicationExtension.class)
class VersionsGuiTest {
    static final String V1 = "refs/tags/v1";
    static final String V2 = "refs/tags/v2";
    static final String MAIN = "src/main.c";

    @TempDir
    static Path dir;
    private WorkstationWindow window;
    private final List<airlock.core.history.VersionReads.FileOpened> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        GitSource source = HistoryRepo.create(dir.resolve("repo-" + System.nanoTime()));
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
        window = new WorkstationWindow(stage, Texts.load(Locale.ROOT), clock, "WS-TEST-0005");
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
    void switchRefThenCompareDiffBlameAndHistory(FxRobot robot) throws Exception {
        VersionsFeature versions = window.versions();
        waitUntil(() -> window.view().selectedCodeView() != null
                && window.view().selectedCodeView().text().contains("total++"));

        robot.interact(() -> versions.switchTo(V1));
        waitUntil(() -> V1.equals(window.model().sourceProperty().get().reviewRef())
                && window.view().selectedCodeView() != null
                && window.view().selectedCodeView().text().contains("int count = 1;"));
        waitUntil(() -> window.model().fileTree().totalFiles() == 4);
        assertNotNull(window.model().sourceProperty().get().find(V1, "gone.txt"), "the tree is v1's");
        assertEquals(V1, robot.lookup("#ref-switcher").queryComboBox().getValue());
        assertTrue(window.model().bundleTextProperty().get().contains("v1"));
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "ref-switch.png"));

        robot.interact(() -> versions.compare(V1, V2));
        VersionsWindow w = versions.windowForTests();
        waitUntil(() -> w.changes().size() == 5);
        FileChange main = w.changes().stream().filter(c -> c.path().equals(MAIN)).findFirst().orElseThrow();
        robot.interact(() -> w.changeList().getSelectionModel().select(main));
        waitUntil(() -> w.tabs().getSelectionModel().getSelectedItem().getContent() instanceof DiffPane);
        DiffPane diff = (DiffPane) w.tabs().getSelectionModel().getSelectedItem().getContent();
        assertEquals(diff.left().lineCount(), diff.right().lineCount(), "rows are aligned");
        String leftText = diff.left().text();
        String rightText = diff.right().text();
        assertTrue(leftText.contains("int count = 1;") && rightText.contains("int total = 1;"));
        assertFalse(rightText.contains("\u202E"), "bidi control is masked");
        assertEquals(1, diff.right().hiddenCharacterCount());
        int changedWord = rightText.indexOf("total");
        assertTrue(diff.right().codeArea().getStyleAtPosition(changedWord + 1).contains("diff-intraline-added"));
        int row = diff.right().codeArea().offsetToPosition(changedWord,
                org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        assertTrue(diff.right().codeArea().getParagraph(row).getParagraphStyle().contains(DiffDocument.CHANGED));
        assertTrue(opened.stream().anyMatch(e -> e.ref().equals(V2) && main.newBlob().equals(e.blob())));
        robot.interact(() -> Screenshots.shot(w.stage().getScene(), "diff.png"));

        robot.interact(() -> diff.left().codeArea().estimatedScrollYProperty().setValue(30.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(diff.left().codeArea().getEstimatedScrollY(), diff.right().codeArea().getEstimatedScrollY(),
                0.5, "scrolling is synced");

        robot.interact(versions::blameOfCurrent);
        waitUntil(() -> selectedTab(w).getContent() instanceof BlameView);
        BlameView blame = (BlameView) selectedTab(w).getContent();
        assertTrue(blame.code().text().startsWith("int main(void)"));
        robot.interact(() -> Screenshots.shot(w.stage().getScene(), "blame.png"));

        robot.interact(versions::historyOfCurrent);
        waitUntil(() -> selectedTab(w).getContent() instanceof HistoryView);
        HistoryView history = (HistoryView) selectedTab(w).getContent();
        assertEquals(2, history.list().getItems().size(), "v1's history of main.c");
        assertEquals("v1 files", history.list().getItems().get(0).summary());

        // issue 19: the window closes with Ctrl+W, Esc and its Close button, not only through the window manager
        robot.interact(() -> history.list().requestFocus());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.W)
                .release(javafx.scene.input.KeyCode.W, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> !w.stage().isShowing());
        robot.interact(() -> {
            w.stage().show();
            w.stage().requestFocus();
            w.changeList().requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> !w.stage().isShowing());
        robot.interact(() -> {
            w.stage().show();
            w.stage().requestFocus();
        });
        robot.interact(() -> ((javafx.scene.control.Button) w.stage().getScene().lookup("#versions-close")).fire());
        waitUntil(() -> !w.stage().isShowing());
    }

    private static Tab selectedTab(VersionsWindow w) {
        return w.tabs().getSelectionModel().getSelectedItem();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
