package airlock.ui.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.IntakeFixtures;
import airlock.core.bundle.IntakeLimits;
import airlock.core.bundle.MediaLocations;
import airlock.core.home.AirlockHome;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.intake.IntakeViewModel.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The intake screen in the real window, headless: an accepted and a refused bundle, with screenshots. */
@ExtendWith(ApplicationExtension.class)
class IntakeGuiTest {
    @TempDir
    static Path dir;
    private WorkstationWindow window;
    private IntakeViewModel model;
    private IntakeView view;
    private Path medium;

    @Start
    void start(javafx.stage.Stage stage) throws Exception {
        Path work = dir.resolve("run-" + System.nanoTime());
        AirlockHome home = IntakeFixtures.home(work.resolve("home"));
        medium = IntakeFixtures.medium(work);
        Texts texts = Texts.load(Locale.ROOT);
        window = new WorkstationWindow(stage, texts, IntakeFixtures.CLOCK, "WS-TEST-0001");
        stage.show();
        model = new IntakeViewModel(texts, window.model(), new MediaLocations(List.of()),
                new BundleIntake(home, IntakeFixtures.CLOCK, IntakeLimits.defaults()), new BundleStore(home));
        view = new IntakeView(model, window.model(), texts, stage);
        view.show();
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void anAcceptedBundleShowsWhoSignedItThenOpensInTheWorkspace(FxRobot robot) throws Exception {
        robot.interact(() -> model.openFolderAsMedium(medium));
        waitUntil(() -> model.bundles().size() == 2);
        robot.interact(() -> model.selectedBundleProperty().set(model.bundles().get(0)));
        robot.clickOn(Texts.load(Locale.ROOT).get("intake.verify"));
        waitUntil(() -> model.stageProperty().get() == Stage.ACCEPTED);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> save(view, "intake-accepted.png"));
        robot.clickOn(Texts.load(Locale.ROOT).get("intake.accept"));
        waitUntil(() -> window.model().sourceProperty().get() != null);
        assertEquals("refs/tags/v2.0", window.model().sourceProperty().get().reviewRef());
    }

    @Test
    void theKeyboardAloneVerifiesAndAccepts(FxRobot robot) throws Exception {
        // Enter verifies the chosen bundle, then Enter (or Space) accepts it: no mouse needed
        robot.interact(() -> model.openFolderAsMedium(medium));
        waitUntil(() -> model.bundles().size() == 2 && model.selectedBundleProperty().get() != null);
        robot.interact(() -> view.stage().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> model.stageProperty().get() == Stage.ACCEPTED);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.SPACE);
        waitUntil(() -> window.model().sourceProperty().get() != null);
    }

    @Test
    void theChosenMediumStaysHighlightedWhenTheListIsRefreshed(FxRobot robot) throws Exception {
        // the demo opens its media folder after the mounted sticks are listed; Refresh replaces the
        // items, which used to leave the medium in use without a highlight
        robot.interact(() -> model.openFolderAsMedium(medium));
        waitUntil(() -> model.bundles().size() == 2);
        robot.interact(model::refreshMedia);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<airlock.core.bundle.MediaLocations.Medium> list =
                robot.lookup("#intake-media").queryAs(javafx.scene.control.ListView.class);
        assertEquals(model.selectedMediumProperty().get(), list.getSelectionModel().getSelectedItem());
        assertEquals(medium, list.getSelectionModel().getSelectedItem().root());
    }

    @Test
    void aRefusedBundleSaysWhyInPlainWords(FxRobot robot) throws Exception {
        robot.interact(() -> model.openFolderAsMedium(medium));
        waitUntil(() -> model.bundles().size() == 2);
        robot.interact(() -> model.selectedBundleProperty().set(model.bundles().get(1)));
        robot.clickOn(Texts.load(Locale.ROOT).get("intake.verify"));
        waitUntil(() -> model.stageProperty().get() == Stage.REFUSED);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> save(view, "intake-refused.png"));
    }

    /**
     * Issue 19: the intake screen takes the keyboard on its first useful control each time it shows (the
     * media list while nothing is chosen), closes with Esc and with Ctrl+W, lies on the screen, and Enter
     * presses its default button (Verify) without any click or focus request first.
     */
    @Test
    void theScreenTakesTheKeyboardClosesWithEscAndCtrlWAndEnterVerifies(FxRobot robot) throws Exception {
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (javafx.scene.input.KeyCode[] close : java.util.List.of(new javafx.scene.input.KeyCode[] {javafx.scene.input.KeyCode.ESCAPE},
                new javafx.scene.input.KeyCode[] {javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.W})) {
            if (!view.stage().isShowing()) {
                robot.interact(view::show);
            }
            waitUntil(() -> view.stage().isFocused() && view.stage().getScene().getFocusOwner() != null);
            WaitForAsyncUtils.waitForFxEvents();
            String owner = view.stage().getScene().getFocusOwner().getId();
            if (!"intake-media".equals(owner)) {
                problems.add("shown with the keyboard on " + view.stage().getScene().getFocusOwner());
            }
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            javafx.stage.Stage s = view.stage();
            if (s.getX() < screen.getMinX() || s.getY() < screen.getMinY() || s.getX() + s.getWidth() > screen.getMaxX() + 0.5
                    || s.getY() + s.getHeight() > screen.getMaxY() + 0.5) {
                problems.add("off the screen: " + s.getX() + "," + s.getY() + " " + s.getWidth() + "x" + s.getHeight());
            }
            robot.press(close);
            robot.release(close);
            WaitForAsyncUtils.waitForFxEvents();
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.stage().isShowing());
            } catch (java.util.concurrent.TimeoutException e) {
                problems.add((close.length == 1 ? "Esc" : "Ctrl+W") + " did not close it");
                robot.interact(() -> view.stage().close());
            }
        }
        assertEquals(java.util.List.of(), problems);

        robot.interact(() -> model.openFolderAsMedium(medium));
        waitUntil(() -> model.bundles().size() == 2 && model.selectedBundleProperty().get() != null);
        robot.interact(view::show);
        waitUntil(() -> view.stage().isFocused() && view.stage().getScene().getFocusOwner() != null
                && "intake-verify".equals(view.stage().getScene().getFocusOwner().getId()));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> model.stageProperty().get() == Stage.ACCEPTED);
    }

    private static void save(IntakeView view, String name) {
        try {
            Screenshots.save(view.stage().getScene(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
