package airlock.ui.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.seal.SealFixture;
import airlock.core.policy.SupervisorAction;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/**
 * Issue 19: the seal screen, opened from the workstation window as after a session's end, takes the
 * keyboard on the passphrase once the session is loaded, closes with Esc and with Ctrl+W, lies on the
 * screen, and Enter in the passphrase presses its default button (Seal and write).
 */
@ExtendWith(ApplicationExtension.class)
class SealKeysGuiTest {
    static {
        System.setProperty("testfx.setup.timeout", "60000");
    }
    @TempDir
    static Path dir;
    private SealFixture fx;
    private WorkstationWindow window;
    private SealFeature feature;

    @Start
    void start(Stage stage) throws Exception {
        fx = new SealFixture(dir.resolve("ws-" + System.nanoTime()));
        fx.endedSession();
        Texts texts = Texts.load(Locale.ROOT);
        window = new WorkstationWindow(stage, texts, Clock.systemUTC(), "WS-TEST-0019");
        stage.show();
        SealServices services = new SealServices(fx.logs, fx.annotations, fx.trust, fx.policy, fx.exportService(),
                Clock.systemUTC(), "test", null);
        feature = new SealFeature(window.view(), texts, window.executor(), services);
        feature.setDemo(fx.supervisorKeyFile, Files.createDirectories(dir.resolve("stick-" + System.nanoTime())), null);
    }

    @Stop
    void stop() throws Exception {
        window.close();
        fx.close();
    }

    @Test
    void theSealScreenTakesTheKeyboardClosesWithEscAndCtrlWAndEnterSeals(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (KeyCode[] close : List.of(new KeyCode[] {KeyCode.ESCAPE}, new KeyCode[] {KeyCode.CONTROL, KeyCode.W})) {
            SealFeature.Opened opened = open(robot);
            robot.press(close);
            robot.release(close);
            WaitForAsyncUtils.waitForFxEvents();
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.stage().isShowing());
            } catch (java.util.concurrent.TimeoutException e) {
                problems.add((close.length == 1 ? "Esc" : "Ctrl+W") + " did not close the seal screen");
                robot.interact(() -> opened.stage().close());
            }
        }
        assertEquals(List.of(), problems);

        SealFeature.Opened opened = open(robot);
        SealViewModel model = opened.model();
        robot.interact(() -> {
            model.supervisorProperty().set("Sam");
            model.checks().forEach(check -> model.decide(check, SupervisorAction.REFUSE, ""));
        });
        waitUntil(() -> !model.actionDisabled().get());
        robot.interact(() -> opened.view().root().lookup("#seal-passphrase").requestFocus());
        robot.targetWindow(opened.stage()).write("not the passphrase");
        waitUntil(() -> ((javafx.scene.control.PasswordField) opened.view().root().lookup("#seal-passphrase")).getText()
                .equals("not the passphrase"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !model.errorProperty().get().isEmpty());
        assertEquals(SealViewModel.Stage.REVIEW, model.stageProperty().get(), "a wrong passphrase seals nothing");
        robot.interact(() -> Screenshots.shot(opened.stage().getScene(), "seal-keys-enter.png"));
        robot.interact(() -> opened.stage().close());
    }

    /** Opens the screen, waits for the loaded session, checks the keyboard is on the passphrase and the window on the screen. */
    private SealFeature.Opened open(FxRobot robot) throws Exception {
        robot.interact(() -> feature.open(SealFixture.SESSION));
        SealFeature.Opened opened = feature.lastOpened().orElseThrow();
        waitUntil(() -> opened.model().stageProperty().get() == SealViewModel.Stage.REVIEW);
        waitUntil(() -> opened.stage().isFocused() && opened.stage().getScene().getFocusOwner() != null
                && "seal-passphrase".equals(opened.stage().getScene().getFocusOwner().getId()));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Stage s = opened.stage();
        assertTrue(s.getX() >= screen.getMinX() && s.getY() >= screen.getMinY() && s.getX() + s.getWidth() <= screen.getMaxX() + 0.5
                && s.getY() + s.getHeight() <= screen.getMaxY() + 0.5, "the seal screen lies on the screen: " + s.getX() + ","
                + s.getY() + " " + s.getWidth() + "x" + s.getHeight() + " in " + screen);
        return opened;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
