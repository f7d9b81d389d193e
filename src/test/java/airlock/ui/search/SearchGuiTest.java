package airlock.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.Screenshots;
import airlock.ui.WorkstationWindow;
import airlock.ui.code.CodeViewPane;
import airlock.testutil.TestWindows;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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

/** Types a query in the demo window, sees streamed results, opens one at the match, walks on. */
@ExtendWith(ApplicationExtension.class)
class SearchGuiTest {
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
    void typeSeeStreamedResultsOpenAtTheMatchAndWalk(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 6);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        SearchViewModel model = window.search().model();
        long before = model.searchesStarted();
        robot.write("VALUE_1");
        waitUntil(() -> model.summaryProperty().get().startsWith("11 lines"));
        // typed without a pause: one search (one log entry), not one per keystroke (a loaded
        // machine may stall the robot past the pause once or twice)
        long started = model.searchesStarted() - before;
        assertTrue(started >= 1 && started <= 3, "searches for 7 keystrokes: " + started);
        assertEquals(11, model.hits().size());
        assertEquals("src/main/Hello.java", model.hits().get(0).path());
        assertEquals(6, model.hits().get(0).line());
        robot.interact(() -> save("search-results.png"));

        robot.press(KeyCode.F4).release(KeyCode.F4);
        waitUntil(() -> selected() != null && selected().currentLine() == 6);
        assertTrue(selected().text().contains("VALUE_1 = 1;"));
        assertEquals(java.util.List.of("VALUE_1"), model.history());
        robot.press(KeyCode.F4).release(KeyCode.F4);
        waitUntil(() -> selected().currentLine() == model.hits().get(1).line());
        robot.press(KeyCode.SHIFT, KeyCode.F4).release(KeyCode.F4, KeyCode.SHIFT);
        waitUntil(() -> selected().currentLine() == 6);
        robot.interact(() -> save("search-opened.png"));
    }

    private CodeViewPane selected() {
        return window.view().selectedCodeView();
    }

    private void save(String name) {
        try {
            Screenshots.save(window.stage().getScene(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
