package airlock.ui.room;

import airlock.core.room.RoomStatus;
import airlock.ui.Texts;
import airlock.ui.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real workstation's door: the room's home is opened only when its set-up is complete
 * ({@link RoomStatus}); otherwise the stage shows the {@link NotSetUpScreen}, which names the commands
 * and leads to the {@link ProvisioningScreen}. Nothing here falls back to the demo. When the set-up
 * is complete (at once, after "Check again", or after provisioning) {@code onReady} builds the
 * workstation window on the same stage.
 */
public final class RoomGate {
    private final Stage stage;
    private final Texts texts;
    private final Path home;
    private final Runnable onReady;
    private Supplier<List<Path>> chooserRoots = () -> airlock.ui.choose.PathChooser.sensibleRoots(List.of());
    private NotSetUpScreen notSetUp;
    private ProvisioningScreen provisioning;

    public RoomGate(Stage stage, Texts texts, Path home, Runnable onReady) {
        this.stage = stage;
        this.texts = texts;
        this.home = home;
        this.onReady = onReady;
    }

    /** For tests: the folders the file choosers start in. */
    public void setChooserRoots(Supplier<List<Path>> roots) {
        this.chooserRoots = roots;
    }

    /** Checks the home and shows the workstation or the not-set-up screen. */
    public void open() {
        RoomStatus status = RoomStatus.check(home);
        if (status.complete()) {
            onReady.run();
            return;
        }
        notSetUp = new NotSetUpScreen(texts, status, this::open, this::provision);
        show(notSetUp.root(), texts.get("room.notsetup.title"));
    }

    private void provision() {
        provisioning = new ProvisioningScreen(texts, stage, home, chooserRoots, this::open, this::open);
        show(provisioning.root(), texts.get("room.provision.title"));
    }

    private void show(Parent root, String title) {
        root.getStylesheets().setAll(Theme.baseUrl(), Theme.LIGHT.stylesheetUrl());
        stage.setTitle(texts.get("app.title") + " — " + title);
        if (stage.getScene() == null) {
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(root, Math.min(980, screen.getWidth() - 40), Math.min(720, screen.getHeight() - 60));
            stage.setScene(scene);
            // JavaFX 21 under openbox left this first window at 200x200 (JDK-8316423, see WindowSize; seen with
            // .ci/xvfb-appimage-empty.sh): a minimum size is a hint the window manager keeps, and the size is set again
            airlock.ui.WindowSize.keepSize(stage, scene);
        } else {
            stage.getScene().setRoot(root);
        }
        stage.show();
    }

    /** The not-set-up screen shown last, if any (tests). */
    public NotSetUpScreen notSetUp() {
        return notSetUp;
    }

    /** The provisioning screen shown last, if any (tests). */
    public ProvisioningScreen provisioning() {
        return provisioning;
    }
}
