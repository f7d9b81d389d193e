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

    @Start
    void start(Stage stage) throws Exception {
        Texts texts = Texts.load(Locale.ROOT);
        model = new VerifyLogViewModel(texts, new SameThreadTaskExecutor(failure -> { }, new FailureTranslator(texts)),
                VerifyLogViewModelTest.vectors().resolve("trust"));
        scene = new Scene(new VerifyLogView(model, texts).root(), 900, 420);
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

    private void save(String name) {
        try {
            Screenshots.save(scene, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
