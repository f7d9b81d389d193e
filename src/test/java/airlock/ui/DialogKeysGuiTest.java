package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.Screenshots;
import airlock.testutil.TestWindows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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

/**
 * Issue 19: each secondary window opened from the code view by its keys — Go to file (Ctrl+P), Go to
 * symbol (Ctrl+T), the versions window (Alt+Shift+H) — shows with the keyboard on its first useful
 * control, lies on the screen, closes with Esc and with Ctrl+W, and Enter does its default (the chosen file
 * opens); the finding editor, the lock screen, the seal and intake screens and the session dialogs are checked
 * in their own tests (AnnotationsGuiTest, SessionGuiTest, SealKeysGuiTest, IntakeGuiTest, SessionEndGuiTest). The
 * keys are real key presses, so they go where the keyboard focus is, as in a real window.
 */
@ExtendWith(ApplicationExtension.class)
class DialogKeysGuiTest {
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

    private record Opening(String name, KeyCode[] keys, Predicate<Node> firstUseful) {
    }

    @Test
    void eachWindowTakesTheKeyboardClosesWithEscAndCtrlWAndEnterDoesItsDefault(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 6);
        robot.interact(() -> window.model().openFile("src/main/Hello.java", 1));
        waitUntil(() -> window.view().selectedCodeView() != null
                && window.view().selectedCodeView().text().contains("public class Hello"));
        List<Opening> openings = List.of(
                new Opening("go to file", new KeyCode[] {KeyCode.CONTROL, KeyCode.P}, TextField.class::isInstance),
                new Opening("go to symbol", new KeyCode[] {KeyCode.CONTROL, KeyCode.T}, TextField.class::isInstance),
                new Opening("versions", new KeyCode[] {KeyCode.ALT, KeyCode.SHIFT, KeyCode.H}, ListView.class::isInstance));
        List<String> problems = new ArrayList<>();
        for (Opening opening : openings) {
            for (KeyCode[] close : List.of(new KeyCode[] {KeyCode.ESCAPE}, new KeyCode[] {KeyCode.CONTROL, KeyCode.W})) {
                Window shown = open(robot, opening);
                Node owner = shown.getScene().getFocusOwner();
                if (!shown.isFocused() || owner == null || !opening.firstUseful().test(owner)) {
                    problems.add(opening.name() + ": the keyboard is on " + owner + " (window focused " + shown.isFocused() + ")");
                }
                String off = airlock.testutil.DialogChecks.offScreen(shown);
                if (off != null) {
                    problems.add(opening.name() + ": off the screen " + off);
                }
                if (close.length == 1) {
                    robot.interact(() -> save(shown, "dialog-keys-" + opening.name().replace(' ', '-') + ".png"));
                }
                robot.press(close).release(reversed(close));
                WaitForAsyncUtils.waitForFxEvents();
                try {
                    waitUntil(() -> !shown.isShowing(), 10);
                } catch (java.util.concurrent.TimeoutException e) {
                    problems.add(opening.name() + ": " + (close.length == 1 ? "Esc" : "Ctrl+W") + " did not close it");
                    robot.interact(() -> ((Stage) shown).close());
                }
                robot.interact(() -> window.view().selectedCodeView().focusText());
            }
        }
        assertEquals(List.of(), problems);

        // Enter takes the default: the chosen file opens and Go to file closes
        Window goTo = open(robot, openings.get(0));
        for (KeyCode letter : List.of(KeyCode.R, KeyCode.E, KeyCode.A, KeyCode.D)) {
            robot.type(letter);
        }
        waitUntil(() -> goTo.getScene().lookup(".list-view") instanceof ListView<?> list && !list.getItems().isEmpty());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !goTo.isShowing() && window.view().selectedCodeView() != null
                && !window.view().selectedCodeView().text().contains("public class Hello"));
        assertTrue(window.model().selectedProperty().get().path().toLowerCase(java.util.Locale.ROOT).contains("read"),
                "Enter opened the chosen file: " + window.model().selectedProperty().get().path());
    }

    /** Presses the opening keys from the code view and returns the new window once it has the keyboard settled. */
    private Window open(FxRobot robot, Opening opening) throws Exception {
        List<Window> before = new ArrayList<>(robot.listWindows());
        robot.press(opening.keys()).release(reversed(opening.keys()));
        Window[] found = new Window[1];
        waitUntil(() -> {
            found[0] = robot.listWindows().stream().filter(w -> w.isShowing() && !before.contains(w)).findFirst().orElse(null);
            return found[0] != null;
        });
        // the versions window fills its list in the background, and focus placement runs on the next pulses
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        return found[0];
    }

    private static KeyCode[] reversed(KeyCode[] keys) {
        KeyCode[] out = new KeyCode[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[keys.length - 1 - i];
        }
        return out;
    }

    private static void save(Window window, String name) {
        try {
            Screenshots.save(window.getScene(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(condition, 60);
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
