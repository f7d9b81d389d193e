package airlock.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.MutableClock;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.ImportResult;
import airlock.core.bundle.IntakeFixtures;
import airlock.core.bundle.IntakeLimits;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.SessionLog;
import airlock.core.policy.PolicyLoader;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.SessionManager;
import airlock.core.session.SessionState;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.core.trust.TrustStore;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
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
 * Issue 19: the second session's start dialog took no keyboard focus in a real window (openbox) — the
 * inspector name typed into it went into the main window's search field. Each start dialog, the first
 * and the second after an ended session, is opened with its keys while the main window's search field
 * holds the focus, and the name is typed without clicking: it must land in the dialog's inspector field
 * (and no letter of Ctrl+Alt+S in the search field); Enter starts (the default button), Esc cancels.
 */
@ExtendWith(ApplicationExtension.class)
class StartDialogFocusGuiTest {
    static {
        System.setProperty("testfx.setup.timeout", "60000");
    }
    @TempDir
    static Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final Texts texts = Texts.load(Locale.ROOT);
    private WorkstationWindow window;
    private WorkstationLogs logs;
    private SessionFeature feature;
    private String bundleId;

    @Start
    void start(Stage stage) throws Exception {
        Path work = dir.resolve("run-" + System.nanoTime());
        AirlockHome home = IntakeFixtures.home(work.resolve("home"));
        Path medium = IntakeFixtures.medium(work);
        ImportResult imported = new BundleIntake(home, IntakeFixtures.CLOCK, IntakeLimits.defaults())
                .importBundle(new BundleFiles(medium.resolve("widget-2.0-2.airlock")), Optional.empty(), ProgressMonitor.NONE);
        bundleId = imported.verification().manifestSha256().orElseThrow();
        var signer = WorkstationKey.loadOrCreate(home, "WS-TEST-0001");
        DemoRoom.install(home, new SecureRandom());
        logs = WorkstationLogs.open(home, signer, clock);
        TrustStore trust = new TrustStore(home);
        SessionManager manager = new SessionManager(logs.store(), signer, trust, new PolicyLoader(home, trust).load(), clock, 0);
        window = new WorkstationWindow(stage, texts, clock, "WS-TEST-0001");
        BundleStore store = new BundleStore(home);
        SessionViewModel model = new SessionViewModel(texts, window.model(), window.session(), manager, null, store, clock,
                "WS-TEST-0001");
        feature = new SessionFeature(window, texts, model);
        feature.setDemoHint(texts.format("session.demo.pin", DemoRoom.PIN));
        feature.showHints(() -> { });
        stage.show();
        window.model().openSource(store.open(store.get(bundleId)));
        model.bundleOpened(bundleId);
    }

    @Stop
    void stop() throws AirlockException {
        feature.close();
        window.close();
        logs.close();
    }

    @Test
    void everyStartDialogTakesTheKeyboardAlsoAfterASessionEnded(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 3);
        startByKeyboard(robot, "alice", "start-dialog-first.png");

        javafx.application.Platform.runLater(feature::endNow);
        waitUntil(() -> feature.summaryDialog().isPresent() && window.session().current().isEmpty());
        robot.interact(() -> feature.summaryDialog().orElseThrow().close());
        WaitForAsyncUtils.waitForFxEvents();
        clock.advance(Duration.ofMinutes(5)); // a new session id

        // Esc closes the start dialog (its Cancel), and the next one still takes the keyboard
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT, KeyCode.CONTROL);
        waitUntil(() -> feature.startDialog().isPresent());
        Window cancelled = feature.startDialog().orElseThrow().getDialogPane().getScene().getWindow();
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !cancelled.isShowing() && feature.startDialog().isEmpty());
        assertTrue(window.session().current().isEmpty(), "Esc started nothing");

        // Ctrl+W closes it too (issue 19: only Esc did)
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT, KeyCode.CONTROL);
        waitUntil(() -> feature.startDialog().isPresent());
        Window closed = feature.startDialog().orElseThrow().getDialogPane().getScene().getWindow();
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        waitUntil(() -> !closed.isShowing() && feature.startDialog().isEmpty());
        assertTrue(window.session().current().isEmpty(), "Ctrl+W started nothing");

        startByKeyboard(robot, "bob", "start-dialog-second.png");
    }

    /** From the main window's search field: Ctrl+Alt+S, then the form typed without a click, Enter. */
    private void startByKeyboard(FxRobot robot, String inspector, String shot) throws Exception {
        robot.interact(() -> {
            window.stage().requestFocus();
            window.search().focusQuery();
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextInputControl query = (javafx.scene.control.TextInputControl) window.stage().getScene().getFocusOwner();
        String queryBefore = query.getText();
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT, KeyCode.CONTROL);
        waitUntil(() -> feature.startDialog().isPresent());
        javafx.scene.control.Dialog<ButtonType> dialog = feature.startDialog().orElseThrow();
        Window start = dialog.getDialogPane().getScene().getWindow();
        waitUntil(() -> dialog.getDialogPane().lookup("#session-bundle") instanceof javafx.scene.control.ComboBox<?> box
                && box.getValue() != null);
        WaitForAsyncUtils.waitForFxEvents();
        // key presses go where the keyboard focus is (robot.write would post into a chosen window)
        typeLetters(robot, inspector);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField field = (javafx.scene.control.TextField) dialog.getDialogPane().lookup("#session-inspector");
        assertTrue(start.isFocused(), "the start dialog has the keyboard");
        assertEquals(inspector, field.getText(), "the name went into the dialog's inspector field");
        assertEquals(queryBefore, query.getText(), "nothing was typed into the main window's search field");
        robot.type(KeyCode.TAB);
        typeLetters(robot, "office");
        robot.type(KeyCode.TAB, KeyCode.TAB, KeyCode.TAB);
        typeLetters(robot, DemoRoom.PIN);
        robot.interact(() -> save(start, shot));
        robot.type(KeyCode.ENTER);
        javafx.scene.control.Label problem = (javafx.scene.control.Label) dialog.getDialogPane().lookup("#session-start-problem");
        try {
            waitUntil(() -> window.session().current().isPresent() && feature.startDialog().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the session did not start: " + problem.getText(), e);
        }
        assertEquals(inspector, window.session().current().orElseThrow().inspector());
    }

    /** Presses the key of each letter or digit of {@code text}. */
    private static void typeLetters(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            robot.type(Character.isDigit(c) ? KeyCode.getKeyCode(String.valueOf(c)) : KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c))));
        }
    }

    private static void save(Window window, String name) {
        try {
            Screenshots.save(window.getScene(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
