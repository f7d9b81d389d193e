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
 * A whole session in the real window, headless: start with the demo room PIN (a wrong one first),
 * open a file (recorded), refused copies from the code view and the tree (clipboard unchanged,
 * entries present), idle lock and unlock, end with the summary. Saves the session screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class SessionGuiTest {
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
        SessionManager manager = new SessionManager(logs, signer, trust, new PolicyLoader(home, trust).load(), clock, 0);
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
    void aWholeSessionIsRecordedAndNothingIsCopiedOut(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 3);
        robot.interact(() -> save(robot.window(0), "first-run-hints.png"));

        // start: the dialog, a wrong PIN (refused, said why), then the demo PIN
        robot.clickOn("#menu-session").clickOn("#session-start");
        waitUntil(() -> feature.startDialog().isPresent());
        Window dialog = feature.startDialog().orElseThrow().getDialogPane().getScene().getWindow();
        waitUntil(() -> robot.lookup("#session-bundle").queryComboBox().getValue() != null);
        robot.clickOn("#session-inspector").write("Alice Inspector");
        robot.clickOn("#session-organisation").write("Federal Office for Information Security");
        robot.clickOn("#session-pin").write("111111");
        robot.interact(() -> save(dialog, "session-start.png"));
        robot.clickOn("#session-start-button");
        waitUntil(() -> robot.lookup("#session-start-problem").queryAs(Label.class).getText().contains("PIN is wrong"));
        assertTrue(window.session().current().isEmpty());
        robot.interact(() -> robot.lookup("#session-pin").queryTextInputControl().clear());
        robot.clickOn("#session-pin").write(DemoRoom.PIN);
        robot.clickOn("#session-start-button");
        waitUntil(() -> window.session().current().isPresent() && feature.startDialog().isEmpty());
        String id = window.session().current().orElseThrow().id();

        // a file opened from the tree is recorded before it is shown
        robot.interact(() -> window.view().fileTree().reveal("src/main.c"));
        robot.doubleClickOn("main.c");
        waitUntil(() -> window.view().selectedCodeView() != null && window.view().selectedCodeView().text().contains("int main"));
        LogEntry opened = find(id, EntryType.FILE_OPENED).get(0);
        assertEquals("src/main.c", opened.data().get("path"));
        robot.interact(() -> window.model().tick());
        waitUntil(() -> window.model().sessionTextProperty().get().contains(id));
        assertTrue(feature.watermark().text().contains("Alice Inspector"));
        assertTrue(feature.watermark().text().contains(id));
        assertFalse(feature.watermark().getChildren().isEmpty(), "the watermark is drawn");
        robot.interact(() -> save(robot.window(0), "session-running.png"));
        robot.interact(() -> save(robot.window(0), "watermark.png"));

        // dialogs get the watermark too (here the shortcut list, which also names the session keys)
        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitUntil(() -> robot.listWindows().stream().anyMatch(w -> w != robot.window(0)
                && w.getScene().lookup(".shortcut-table") != null && w.getScene().lookup(".session-watermark") != null));
        Window keys = robot.listWindows().stream().filter(w -> w != robot.window(0) && w.getScene().lookup(".shortcut-table") != null)
                .findFirst().orElseThrow();
        assertTrue(keys.getScene().getRoot() instanceof javafx.scene.control.DialogPane, "a dialog keeps its DialogPane root");
        Watermark dialogMark = (Watermark) keys.getScene().lookup(".session-watermark");
        waitUntil(() -> !dialogMark.getChildren().isEmpty());
        robot.interact(() -> save(keys, "dialog-watermark.png"));
        robot.interact(() -> ((Stage) keys).close());

        // copy from the code view and from the tree: refused, clipboard unchanged, both recorded
        robot.interact(() -> {
            ClipboardContent sentinel = new ClipboardContent();
            sentinel.putString("sentinel");
            Clipboard.getSystemClipboard().setContent(sentinel);
            window.view().selectedCodeView().focusText();
        });
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        waitUntil(() -> find(id, EntryType.COPY_REFUSED).size() == 1);
        robot.interact(() -> window.view().fileTree().focusTree());
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        waitUntil(() -> find(id, EntryType.COPY_REFUSED).size() == 2);
        String[] clipboard = new String[1];
        robot.interact(() -> clipboard[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("sentinel", clipboard[0], "nothing reached the clipboard");
        List<LogEntry> refused = find(id, EntryType.COPY_REFUSED);
        assertEquals("code", refused.get(0).data().get("view"));
        assertEquals("src/main.c", refused.get(0).data().get("path"));
        assertTrue(((Number) refused.get(0).data().get("selectedChars")).intValue() > 10);
        assertEquals("tree", refused.get(1).data().get("view"));
        waitUntil(() -> texts.get("session.copy.logged").equals(window.model().statusMessageProperty().get()));
        robot.interact(() -> save(robot.window(0), "copy-refused.png"));

        // idle lock: the code is hidden, keys do nothing, unlocking is recorded
        clock.advance(Duration.ofMinutes(DemoRoom.IDLE_LOCK_MINUTES + 1));
        waitUntil(() -> feature.model().stateProperty().get() == SessionState.LOCKED);
        waitUntil(() -> robot.lookup("#session-lock").query().isVisible());
        assertEquals(1, find(id, EntryType.SESSION_LOCKED).size());
        robot.interact(() -> save(robot.window(0), "session-locked.png"));
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.model().documents().size(), "keys do not reach the window while locked");
        // issue 19: Tab no longer loses Unlock; Esc neither closes nor unlocks the lock screen
        robot.type(KeyCode.TAB).type(KeyCode.TAB).type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("session-unlock", robot.window(0).getScene().getFocusOwner().getId(), "Unlock keeps the focus");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SessionState.LOCKED, feature.model().stateProperty().get(), "Esc does not unlock");
        assertTrue(robot.lookup("#session-lock").query().isVisible(), "Esc does not close the lock screen");
        // with the PIN asked for (a keeper's pin policy): Tab goes round the PIN and Unlock, both ways, and
        // never leaves the layer; Enter in the PIN field unlocks with the PIN typed
        robot.interact(() -> feature.lockScreen().show(SessionState.LOCKED, id, DemoRoom.IDLE_LOCK_MINUTES,
                airlock.core.session.ReviewSession.UnlockCredential.PIN));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> walked = new ArrayList<>();
        walked.add(robot.window(0).getScene().getFocusOwner().getId());
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            walked.add(robot.window(0).getScene().getFocusOwner().getId());
        }
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        walked.add(robot.window(0).getScene().getFocusOwner().getId());
        assertEquals(List.of("session-unlock-pin", "session-unlock", "session-unlock-pin", "session-unlock", "session-unlock-pin"),
                walked, "Tab and Shift+Tab go round the PIN and Unlock");
        robot.interact(() -> save(robot.window(0), "session-locked-pin.png"));
        robot.write(DemoRoom.PIN);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> feature.model().stateProperty().get() == SessionState.ACTIVE);
        waitUntil(() -> !robot.lookup("#session-lock").query().isVisible());
        assertEquals(1, find(id, EntryType.SESSION_UNLOCKED).size());

        // end: the end entry and the summary
        robot.interact(feature::endNow);
        waitUntil(() -> feature.summaryDialog().isPresent());
        Window summary = feature.summaryDialog().orElseThrow().getDialogPane().getScene().getWindow();
        robot.interact(() -> save(summary, "session-ended.png"));
        assertTrue(window.session().current().isEmpty());
        var ending = window.session().lastEndingProperty().get();
        assertEquals(1, ending.summary().filesOpened());
        assertEquals(2, ending.summary().refusedAttempts());
        assertEquals(1, ending.summary().locks());
        assertEquals(1, find(id, EntryType.SESSION_END).size());
        assertEquals(texts.get("status.session.none"), window.model().sessionTextProperty().get());
        robot.interact(() -> feature.summaryDialog().orElseThrow().close());
    }

    private List<LogEntry> find(String id, EntryType type) throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        synchronized (logs.store()) {
            SessionLog.readEntries(logs.store(), id, b -> {
                LogEntry e = codec.decode(b);
                if (e.type() == type) {
                    out.add(e);
                }
            });
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
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
