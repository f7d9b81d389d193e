package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.cli.AirlockCommand;
import airlock.core.bundle.MediaLocations;
import airlock.core.room.StartMode;
import airlock.testutil.RoomFixture;
import airlock.testutil.Screenshots;
import airlock.testutil.TestRepository;
import airlock.ui.media.MediaWatch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17 in real mode, in process: a home set up by {@code room init} in the test (keys made here,
 * policy {@code key}), a bundle imported from a vendor's stick; the session-start dialog reads the
 * supervisor's key from the supervisor's (simulated) stick through the media chooser - no file
 * chooser - the session starts with it, ends, and the seal screen opens. Screenshots of the media
 * chooser, the dialog with the key chosen and the seal screen ({@code real-*.png}).
 */
@ExtendWith(ApplicationExtension.class)
class RealModeMediaGuiTest {
    @TempDir
    Path dir;
    private Stage stage;
    private AirlockApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stopApp(FxRobot robot) {
        if (app != null) {
            robot.interact(() -> {
                app.stop();
                for (Window w : new ArrayList<>(Window.getWindows())) {
                    if (w != stage && w instanceof Stage s) {
                        s.close();
                    }
                }
            });
        }
    }

    private static int run(String... args) {
        return AirlockCommand.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void theSupervisorsKeyComesFromTheirStickAndTheSessionIsSealed(FxRobot robot) throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        Path home = dir.resolve("home");
        assertEquals(0, run("room", "init", "--home", home.toString(), "--admin-key", room.adminPub.toString(), "--policy",
                room.policy.toString(), "--supervisor-key", room.supervisorPub.toString(), "--vendor-key", room.vendorPub.toString()));
        Path vendorStick = Files.createDirectories(dir.resolve("vendor-stick"));
        Path repo = TestRepository.create(dir.resolve("vendor-repo"));
        assertEquals(0, run("bundle", "create", "--repo", repo.toString(), "--ref", "refs/tags/v1.1", "--review-ref", "refs/tags/v1.1",
                "--vendor", "Acme", "--product", "gateway", "--version", "1.1", "--sequence", "1",
                "--key", room.vendorKey.toString(), "--out", vendorStick.toString()));
        Path bundle;
        try (Stream<Path> found = Files.list(vendorStick)) {
            bundle = found.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertEquals(0, run("bundle", "import", bundle.toString(), "--home", home.toString()));

        // the removable media this test can offer: one folder standing for the supervisor's stick
        Path media = Files.createDirectories(dir.resolve("media"));
        Path stick = Files.createDirectories(media.resolve("SUPERVISOR"));
        Files.copy(room.supervisorKey, stick.resolve("supervisor.key"));
        Files.copy(room.supervisorPub, stick.resolve("supervisor.pub"));

        app = new AirlockApp(new StartMode(StartMode.Kind.WORKSTATION, home));
        robot.interact(() -> app.start(stage));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            app.window().useMedia(new MediaWatch(new MediaLocations(List.of(media)), Duration.ofMillis(200)));
            app.sessions().showStartDialog();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#session-inspector").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#session-inspector").queryAs(TextField.class).setText("Ada Lovelace");
            robot.lookup("#session-organisation").queryAs(TextField.class).setText("Acme audit");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#session-bundle")
                .queryAs(javafx.scene.control.ComboBox.class).getValue() != null);
        robot.clickOn("#session-key-choose");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#media-chooser-list").tryQuery().isPresent()
                && !robot.lookup("#media-chooser-list").queryAs(ListView.class).getItems().isEmpty());
        ListView<?> list = robot.lookup("#media-chooser-list").queryAs(ListView.class);
        assertEquals(1, list.getItems().size(), "only the stick is offered");
        robot.interact(() -> shot(list.getScene(), "real-media-chooser.png"));
        robot.clickOn("#media-chooser-choose");
        WaitForAsyncUtils.waitForFxEvents();
        TextField keyField = robot.lookup("#session-key-file").queryAs(TextField.class);
        assertEquals(stick.resolve("supervisor.key").toString(), keyField.getText(), "the one key file on the stick is taken");
        assertTrue(!keyField.isEditable(), "the key's place is not typed");
        robot.interact(() -> robot.lookup("#session-passphrase").queryAs(PasswordField.class)
                .setText(RoomFixture.SUPERVISOR_PASSPHRASE));
        robot.interact(() -> shot(keyField.getScene(), "real-session-start-key.png"));
        robot.clickOn("#session-start-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.window().session().current().isPresent());
        String id = app.window().session().current().orElseThrow().id();

        // the session ends; the seal screen opens for the supervisor
        robot.interact(() -> app.sessions().model().end(ended -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.sealFeature() != null && app.sealFeature().lastOpened().isPresent());
        var seal = app.sealFeature().lastOpened().orElseThrow();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> seal.model().stageProperty().get() != airlock.ui.seal.SealViewModel.Stage.LOADING);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(airlock.ui.seal.SealViewModel.Stage.REVIEW, seal.model().stageProperty().get(), seal.model().headlineProperty().get());
        assertTrue(seal.stage().getTitle().contains(id), seal.stage().getTitle());
        robot.interact(() -> shot(seal.stage().getScene(), "real-seal.png"));

        // the supervisor's key on the seal screen comes from their stick too: the media chooser, then its key file
        assertEquals(null, seal.model().keyFileProperty().get(), "no key is filled in for the supervisor in real mode");
        // the button is below the fold of Monocle's screen (the seal screen scrolls): pressed as a click would
        javafx.scene.control.Button chooseKey = robot.from(seal.stage().getScene().getRoot()).lookup("#seal-key-choose")
                .queryButton();
        javafx.application.Platform.runLater(chooseKey::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#media-chooser-list").tryQuery().isPresent()
                && !robot.lookup("#media-chooser-list").queryAs(ListView.class).getItems().isEmpty());
        ListView<?> sealList = robot.lookup("#media-chooser-list").queryAs(ListView.class);
        assertEquals(1, sealList.getItems().size(), "only the stick is offered");
        assertTrue(sealList.getScene().getWindow() != seal.stage() && sealList.getScene().getWindow() instanceof Stage s
                && s.getOwner() == seal.stage(), "the media chooser belongs to the seal screen");
        robot.interact(() -> shot(sealList.getScene(), "real-seal-media-chooser.png"));
        robot.clickOn("#media-chooser-choose");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stick.resolve("supervisor.key"), seal.model().keyFileProperty().get(),
                "the one key file on the supervisor's stick is taken (not the .pub beside it)");
        robot.interact(() -> ((javafx.scene.control.ScrollPane) seal.view().root()).setVvalue(1)); // down to the seal panel
        WaitForAsyncUtils.waitForFxEvents();
        TextField sealKey = robot.from(seal.stage().getScene().getRoot()).lookup("#seal-key-file").queryAs(TextField.class);
        assertEquals(stick.resolve("supervisor.key").toString(), sealKey.getText(), "the seal screen shows the key chosen");
        robot.interact(() -> shot(seal.stage().getScene(), "real-seal-key.png"));
    }

    private static void shot(javafx.scene.Scene scene, String name) {
        Screenshots.shot(scene, name);
    }
}
