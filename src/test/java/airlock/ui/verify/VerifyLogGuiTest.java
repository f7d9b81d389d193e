package airlock.ui.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The verify screen, headless: a valid and a tampered vector, with screenshots. */
@ExtendWith(ApplicationExtension.class)
class VerifyLogGuiTest {
    private VerifyLogViewModel model;
    private Scene scene;
    private java.nio.file.Path sticks;

    @Start
    void start(Stage stage) throws Exception {
        Texts texts = Texts.load(Locale.ROOT);
        model = new VerifyLogViewModel(texts, new SameThreadTaskExecutor(failure -> { }, new FailureTranslator(texts)),
                VerifyLogViewModelTest.vectors().resolve("trust"));
        // one simulated stick holding a sealed log: the only thing the verify screen's choosers can offer
        sticks = java.nio.file.Files.createTempDirectory("verify-sticks");
        java.nio.file.Path stick = java.nio.file.Files.createDirectories(sticks.resolve("AUDIT-STICK").resolve("export"));
        java.nio.file.Files.copy(VerifyLogViewModelTest.vectors().resolve("valid-sealed/session.log"), stick.resolve("session.log"));
        airlock.ui.media.MediaWatch watch = new airlock.ui.media.MediaWatch(
                new airlock.core.bundle.MediaLocations(java.util.List.of(sticks)), java.time.Duration.ofMillis(200));
        scene = new Scene(new VerifyLogView(model, texts, watch).root(), 900, 420);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsValidAndTamperedVerdicts(FxRobot robot) throws Exception {
        robot.interact(() -> {
            try {
                model.logFileProperty().set(VerifyLogViewModelTest.vectors().resolve("valid-sealed/session.log"));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        robot.clickOn("#verify-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#verify-headline").queryAs(Label.class).getText().startsWith("VALID"));
        robot.interact(() -> save("verify-log-valid.png"));

        robot.interact(() -> {
            try {
                model.logFileProperty().set(VerifyLogViewModelTest.vectors().resolve("entry-edited/session.log"));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        robot.clickOn("#verify-run");
        WaitForAsyncUtils.waitForFxEvents();
        String headline = robot.lookup("#verify-headline").queryAs(Label.class).getText();
        assertTrue(headline.contains("hash mismatch at entry 5"), headline);
        robot.interact(() -> save("verify-log-tampered.png"));
    }

    @Test
    void theLogIsChosenOnAStickAndNowhereElse(FxRobot robot) throws Exception {
        robot.clickOn("#verify-choose-log");
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#media-chooser-list").tryQuery().isPresent()
                && !robot.lookup("#media-chooser-list").queryListView().getItems().isEmpty());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<airlock.core.bundle.MediaLocations.Medium> list =
                robot.lookup("#media-chooser-list").queryAs(javafx.scene.control.ListView.class);
        org.junit.jupiter.api.Assertions.assertEquals(1, list.getItems().size(), "only the stick is offered");
        robot.interact(() -> {
            try {
                Screenshots.save(list.getScene(), "verify-log-media-chooser.png");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.clickOn("#media-chooser-choose");
        WaitForAsyncUtils.waitForFxEvents();
        org.junit.jupiter.api.Assertions.assertEquals(sticks.resolve("AUDIT-STICK/export/session.log"), model.logFileProperty().get(),
                "the one log on the stick is taken");
    }

    private void save(String name) {
        try {
            Screenshots.save(scene, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
