package airlock.ui;

import airlock.core.AirlockException;
import airlock.core.demo.DemoOpening;
import airlock.core.demo.DemoProject;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.ui.task.BackgroundTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application and composition root. With no arguments Airlock opens the built-in demo:
 * this project's own history, from the folder named by {@code airlock.project.dir} (set by
 * {@code app/airlock}), with a workstation home under its build output.
 */
public final class AirlockApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(AirlockApp.class);
    private WorkstationWindow window;

    public static void launchApp(String[] args) {
        Application.launch(AirlockApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Texts texts = Texts.load(Locale.getDefault());
        DemoProject demo = new DemoProject(Path.of(System.getProperty("airlock.project.dir", ".")));
        String workstationId = texts.get("status.workstation.unknown");
        String homeProblem = "";
        try {
            AirlockHome home = AirlockHome.open(demo.home());
            Files.createDirectories(demo.media());
            workstationId = WorkstationId.loadOrCreate(home, new SecureRandom());
        } catch (AirlockException | java.io.IOException e) {
            LOG.warn("demo workstation home unavailable", e);
            homeProblem = texts.format("demo.home.failed", demo.home(), e.getMessage());
        }
        window = new WorkstationWindow(stage, texts, Clock.systemDefaultZone(), workstationId);
        window.model().showBanner(homeProblem);
        stage.show();
        window.model().background(BackgroundTask.of(texts.get("task.demo"), monitor -> demo.open())
                .onSuccess(opening -> showDemo(texts, opening)));
    }

    private void showDemo(Texts texts, DemoOpening opening) {
        if (opening.opened()) {
            window.model().openSource(opening.source(), opening.firstFile());
        } else {
            window.model().showBanner(texts.format("demo.unavailable", opening.reason()));
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
