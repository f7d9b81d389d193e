package airlock.ui;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.IntakeLimits;
import airlock.core.bundle.MediaLocations;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoOpening;
import airlock.core.demo.DemoProject;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.ui.intake.IntakeView;
import airlock.ui.intake.IntakeViewModel;
import airlock.ui.main.MenuId;
import airlock.ui.task.BackgroundTask;
import javafx.scene.control.MenuItem;
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
 * The JavaFX application and composition root. With no arguments Airlock opens the built-in demo
 * through the real intake: a demo vendor key signs a bundle of this project's own history (from
 * the folder named by {@code airlock.project.dir}, set by {@code app/airlock}) onto the demo media
 * folder, and the intake screen shows it; the workstation home lives under the build output.
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
        AirlockHome home = null;
        Path symbolDatabases = null;
        try {
            home = AirlockHome.open(demo.home());
            symbolDatabases = home.databases();
            Files.createDirectories(demo.media());
            workstationId = WorkstationId.loadOrCreate(home, new SecureRandom());
        } catch (AirlockException | java.io.IOException e) {
            LOG.warn("demo workstation home unavailable", e);
            homeProblem = texts.format("demo.home.failed", demo.home(), e.getMessage());
        }
        window = new WorkstationWindow(stage, texts, Clock.systemDefaultZone(), workstationId, symbolDatabases);
        window.model().showBanner(homeProblem);
        stage.show();
        if (home == null) {
            window.model().background(BackgroundTask.of(texts.get("task.demo"), monitor -> demo.open())
                    .onSuccess(opening -> showDemo(texts, opening)));
            return;
        }
        showIntake(texts, stage, demo, home);
    }

    /** The demo goes through the real intake: a signed bundle of this project on the demo media. */
    private void showIntake(Texts texts, Stage stage, DemoProject demo, AirlockHome home) {
        Clock clock = Clock.systemUTC();
        BundleIntake intake = new BundleIntake(home, clock, IntakeLimits.defaults());
        IntakeViewModel model = new IntakeViewModel(texts, window.model(),
                MediaLocations.forUser(System.getenv(), System.getProperty("user.name")), intake, new BundleStore(home));
        IntakeView view = new IntakeView(model, window.model(), texts, stage);
        MenuItem item = new MenuItem(texts.get("menu.file.intake"));
        item.setOnAction(e -> view.show());
        window.view().addMenuItem(MenuId.FILE, item);
        window.model().background(BackgroundTask.of(texts.get("task.intake.demo"), monitor -> {
            intake.discardUnfinished();
            return new DemoMedia(demo, clock).prepare(home, monitor);
        }).onSuccess(bundle -> {
            model.openFolderAsMedium(demo.media());
            view.show();
        }).onFailure(failure -> view.show()));
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
