package airlock.testutil;

import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.IntakeLimits;
import airlock.core.bundle.MediaLocations;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoProject;
import airlock.core.home.AirlockHome;
import airlock.core.progress.ProgressMonitor;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.intake.IntakeView;
import airlock.ui.intake.IntakeViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.stage.Stage;

/**
 * The real demo for GUI tests: this project's own history packed and signed on the demo media under
 * {@code dir}, as the README's run command does, then a workstation window with the intake screen
 * open on nothing yet (the test opens the demo media and accepts the bundle itself).
 */
public record DemoWorkspace(DemoProject demo, AirlockHome home, Clock clock) {

    public static DemoWorkspace prepare(Path dir) throws Exception {
        DemoProject demo = new DemoProject(Path.of("").toAbsolutePath(), dir.resolve("out-" + System.nanoTime()));
        AirlockHome home = AirlockHome.open(demo.home());
        Clock clock = Clock.systemUTC();
        new DemoMedia(demo, clock).prepare(home, ProgressMonitor.NONE);
        return new DemoWorkspace(demo, home, clock);
    }

    /** The window and the intake screen, both shown. Call on the FX thread (a TestFX {@code @Start}). */
    public Opened open(Stage stage, Texts texts, String workstationId) {
        WorkstationWindow window = new WorkstationWindow(stage, texts, clock, workstationId, home.databases());
        stage.show();
        IntakeViewModel intake = new IntakeViewModel(texts, window.model(), new MediaLocations(List.of()),
                new BundleIntake(home, clock, IntakeLimits.defaults()), new BundleStore(home));
        IntakeView view = new IntakeView(intake, window.model(), texts, stage);
        view.show();
        return new Opened(window, intake, view);
    }

    public record Opened(WorkstationWindow window, IntakeViewModel intake, IntakeView intakeView) {
    }
}
