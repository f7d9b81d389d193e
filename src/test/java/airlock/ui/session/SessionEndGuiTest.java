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
 * Issue 19, defects 2 and 3: no dialog is a blank frame (each has text and a button inside its window,
 * the watermark behind its text), and when the session ends every view of the code is gone before the
 * summary shows.
 */
@ExtendWith(ApplicationExtension.class)
class SessionEndGuiTest {
    static {
        // the bundle import of the setup takes longer than TestFX's 10 s on a loaded machine
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
    void dialogsAreNeverBlankAndTheEndClearsEveryViewOfCode(FxRobot robot) throws Exception {
        // the pom runs this class a second time on a 1366x768 screen: make sure that is the screen here
        String geometry = System.getProperty("headless.geometry");
        if (geometry != null) {
            javafx.geometry.Rectangle2D bounds = javafx.stage.Screen.getPrimary().getBounds();
            assertEquals(geometry.split("-")[0], (int) bounds.getWidth() + "x" + (int) bounds.getHeight(), "the screen asked for");
        }
        waitUntil(() -> window.model().fileTree().totalFiles() == 3);
        robot.clickOn("#menu-session").clickOn("#session-start");
        waitUntil(() -> feature.startDialog().isPresent());
        Window start = feature.startDialog().orElseThrow().getDialogPane().getScene().getWindow();
        waitUntil(() -> robot.lookup("#session-bundle").queryComboBox().getValue() != null);
        assertNotBlank(robot, start, "dialog-start.png");
        robot.clickOn("#session-inspector").write("Alice Inspector");
        robot.clickOn("#session-organisation").write("Federal Office");
        robot.clickOn("#session-pin").write(DemoRoom.PIN);
        robot.clickOn("#session-start-button");
        waitUntil(() -> window.session().current().isPresent() && feature.startDialog().isEmpty());

        robot.interact(() -> window.model().openFile("src/main.c", 1));
        waitUntil(() -> window.view().selectedCodeView() != null && window.view().selectedCodeView().text().contains("int main"));
        robot.interact(() -> {
            window.search().model().queryProperty().set("main");
            window.search().model().search();
        });
        robot.interact(() -> window.view().showShortcuts());
        Window keys = waitForDialog(robot, w -> w.getScene().lookup(".shortcut-table") != null);
        assertNotBlank(robot, keys, "dialog-shortcuts.png");
        robot.interact(() -> ((Stage) keys).close());

        // the end confirmation: Ctrl+W closes it as Esc does (Cancel: the session goes on)
        javafx.application.Platform.runLater(feature::confirmEnd);
        Window asked = waitForDialog(robot, w -> w.getScene().getRoot() instanceof DialogPane
                && texts.get("session.end.title").equals(((Stage) w).getTitle()));
        waitUntil(asked::isFocused);
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        waitUntil(() -> !asked.isShowing());
        assertTrue(window.session().current().isPresent(), "Ctrl+W cancelled the end");

        // the end confirmation: text and buttons inside the window, the watermark behind them
        javafx.application.Platform.runLater(feature::confirmEnd);
        Window confirm = waitForDialog(robot, w -> w != asked && w.getScene().getRoot() instanceof DialogPane pane
                && pane.lookupAll(".button").stream().anyMatch(b -> texts.get("session.end.title").equals(((Stage) w).getTitle())));
        assertNotBlank(robot, confirm, "dialog-end-confirm.png");
        DialogPane pane = (DialogPane) confirm.getScene().getRoot();
        Node mark = pane.lookup(".session-watermark");
        assertTrue(mark != null, "the dialog has the watermark");
        assertTrue(mark.getParent().getChildrenUnmodifiable().indexOf(mark) == 0, "the watermark is behind the dialog's text");
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        robot.clickOn(ok);

        waitUntil(() -> feature.summaryDialog().isPresent());
        Window summary = feature.summaryDialog().orElseThrow().getDialogPane().getScene().getWindow();
        // by the time the summary shows, no code is on screen anywhere
        assertTrue(window.model().documents().isEmpty(), "every tab is closed");
        assertTrue(window.view().root().lookupAll(".code-view").isEmpty(), "no code view is left in the window");
        assertEquals(0, window.search().model().hits().size(), "no search result is left");
        assertEquals(List.of(summary), robot.listWindows().stream().filter(w -> w != window.stage() && w.isShowing()).toList(),
                "no other window of the workstation is left but the summary");
        assertNotBlank(robot, summary, "dialog-session-summary.png");
        robot.interact(() -> save(window.stage(), "session-ended-main.png"));
        waitUntil(summary::isFocused);
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        waitUntil(() -> !summary.isShowing());

        // the second session's start dialog in the same window: centred on it, and on the screen even when the
        // window has been moved so far up and left that the centred dialog would reach past the screen's corner
        robot.interact(feature::showStartDialog);
        waitUntil(() -> feature.startDialog().isPresent());
        Window second = feature.startDialog().orElseThrow().getDialogPane().getScene().getWindow();
        waitUntil(() -> robot.lookup("#session-bundle").queryComboBox().getValue() != null);
        assertNotBlank(robot, second, "dialog-second-start.png");
        Stage main = window.stage();
        double dx = second.getX() + second.getWidth() / 2 - (main.getX() + main.getWidth() / 2);
        double dy = second.getY() + second.getHeight() / 2 - (main.getY() + main.getHeight() / 2);
        assertTrue(Math.abs(dx) < 2 && Math.abs(dy) < 30, "the second start dialog is centred on its window: " + dx + "," + dy);
        // a bundle whose name (the vendor's text) is longer than the dialog is wide: the field names stay whole
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<SessionViewModel.BundleChoice> box = robot.lookup("#session-bundle").queryComboBox();
            SessionViewModel.BundleChoice wide = new SessionViewModel.BundleChoice("wide",
                    "Example Vendor Incorporated International / widget firmware for the long-range sensor gateway 2.0.17 (d816d10c4cee...)");
            box.getItems().add(wide);
            box.setValue(wide);
        });
        assertNotBlank(robot, second, "dialog-second-start-long-bundle.png");
        robot.interact(() -> feature.startDialog().orElseThrow().close());
        waitUntil(() -> feature.startDialog().isEmpty());
        robot.interact(() -> {
            main.setX(-main.getWidth() / 2);
            main.setY(-main.getHeight() / 2);
        });
        robot.interact(feature::showStartDialog);
        waitUntil(() -> feature.startDialog().isPresent());
        Window cornered = feature.startDialog().orElseThrow().getDialogPane().getScene().getWindow();
        assertNotBlank(robot, cornered, "dialog-start-cornered.png");
        robot.interact(() -> feature.startDialog().orElseThrow().close());
    }

    private static Window waitForDialog(FxRobot robot, java.util.function.Predicate<Window> which) throws Exception {
        Window[] found = new Window[1];
        waitUntil(() -> {
            found[0] = robot.listWindows().stream().filter(w -> w.isShowing() && w.getScene() != null && which.test(w))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return found[0];
    }

    /** Text and at least one button, each visible inside the window's own bounds; saves the snapshot. */
    private static void assertNotBlank(FxRobot robot, Window dialog, String shot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String[] problem = new String[1];
        robot.interact(() -> {
            Scene scene = dialog.getScene();
            double w = scene.getWidth();
            double h = scene.getHeight();
            java.util.function.Predicate<Node> inside = node -> {
                if (!node.isVisible() || node.getScene() == null) {
                    return false;
                }
                for (Node n = node; n != null; n = n.getParent()) {
                    if (!n.isVisible()) {
                        return false;
                    }
                }
                javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
                return b.getWidth() > 0 && b.getHeight() > 0 && b.getMinX() >= -1 && b.getMinY() >= -1
                        && b.getMaxX() <= w + 1 && b.getMaxY() <= h + 1;
            };
            boolean text = scene.getRoot().lookupAll(".label").stream().anyMatch(n -> inside.test(n)
                    && n instanceof Labeled l && l.getText() != null && !l.getText().isBlank())
                    || scene.getRoot().lookupAll(".text").stream().anyMatch(n -> inside.test(n)
                    && n instanceof javafx.scene.text.Text t && !t.getText().isBlank()
                    && !t.getStyleClass().contains("session-watermark-text"));
            boolean button = scene.getRoot().lookupAll(".button").stream().anyMatch(inside);
            if (!text || !button) {
                problem[0] = shot + ": text shown " + text + ", button shown " + button + " in " + w + "x" + h;
            }
            // issue 19: on the screen, and no label cut ("Inspector na…")
            String off = airlock.testutil.DialogChecks.offScreen(dialog);
            List<String> cut = airlock.testutil.DialogChecks.cutLabels(scene.getRoot());
            if (problem[0] == null && (off != null || !cut.isEmpty())) {
                problem[0] = shot + ": " + (off == null ? "" : "off the screen " + off + "; ") + (cut.isEmpty() ? "" : "cut labels " + cut);
            }
            save(dialog, shot);
        });
        assertEquals(null, problem[0]);
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
