package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.Screenshots;
import airlock.ui.code.CodeViewPane;
import airlock.testutil.TestWindows;
import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import javafx.scene.Node;
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
 * Issue 19, defect 1: a library that throws inside the code view's layout pass no longer freezes the
 * window; the view is rebuilt on the same file and line and the status bar says so once.
 */
@ExtendWith(ApplicationExtension.class)
class CodeViewRecoveryGuiTest {
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
    void aLayoutFailureInsideFlowlessRebuildsTheViewInsteadOfFreezing(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 6);
        robot.interact(() -> window.model().openFile("src/main/Hello.java", 1));
        waitUntil(() -> window.view().selectedCodeView() != null
                && window.view().selectedCodeView().text().contains("public class Hello"));
        CodeViewPane before = window.view().selectedCodeView();
        // the gutter's factory is called by Flowless while it lays out new cells: a failure there is a
        // failure inside Flowless's layout pass, as the one of issue 19 was
        AtomicBoolean armed = new AtomicBoolean(false);
        robot.interact(() -> {
            IntFunction<? extends Node> gutter = before.codeArea().getParagraphGraphicFactory();
            before.codeArea().setParagraphGraphicFactory(line -> {
                if (armed.get() && line > 20) {
                    throw new NoSuchElementException("simulated Flowless failure at line " + line);
                }
                return gutter.apply(line);
            });
        });
        // armed and triggered on the FX thread's own turn, as a pulse would meet it (not inside the test's call)
        javafx.application.Platform.runLater(() -> {
            armed.set(true);
            before.goToLine(40);
        });
        waitUntil(() -> window.view().selectedCodeView() != before);
        WaitForAsyncUtils.waitForFxEvents();
        CodeViewPane after = window.view().selectedCodeView();
        assertNotSame(before, after);
        assertTrue(after.text().contains("public class Hello"), "the same file is shown again");
        assertEquals(40, after.currentLine(), "at the same line");
        assertEquals(Texts.load(Locale.ROOT).get("app.failure.view.rebuilt"), window.model().statusMessageProperty().get());
        assertEquals(1, window.recovery().recoveries(), "rebuilt once, said once");
        // the window lives on: another file opens and is laid out
        robot.interact(() -> window.model().openFile("README.md", 1));
        waitUntil(() -> window.view().selectedCodeView() != null && window.view().selectedCodeView().documentPath().equals("README.md")
                && !window.view().selectedCodeView().text().isEmpty());
        int first = WaitForAsyncUtils.asyncFx(() -> window.view().selectedCodeView().codeArea().firstVisibleParToAllParIndex()).get();
        assertEquals(0, first);
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "recovered-view.png"));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
