package airlock.ui.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.IntakeFixtures;
import airlock.core.bundle.IntakeLimits;
import airlock.core.bundle.MediaLocations;
import airlock.core.home.AirlockHome;
import airlock.core.media.RemovableMedia;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.intake.IntakeView;
import airlock.ui.intake.IntakeViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The removable-media chooser and intake's watch, on a fake machine (a mountinfo the test changes
 * and a fake /sys): none mounted says what to do; a stick inserted appears by itself within the
 * 2 s look; the workstation's own disk mounted under /media is never offered; a stick inserted with
 * a bundle is offered to intake at once. Screenshots in target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class MediaChooserGuiTest {
    @TempDir
    static Path dir;
    private final AtomicReference<String> mountinfo = new AtomicReference<>();
    private Path sys;
    private Path media;
    private WorkstationWindow window;
    private MediaWatch watch;
    private Texts texts;
    private javafx.stage.Stage stage;

    @Start
    void start(javafx.stage.Stage stage) throws Exception {
        this.stage = stage;
        Path work = dir.resolve("run-" + System.nanoTime());
        sys = work.resolve("sys");
        media = work.resolve("media");
        disk("sda", "8:0", false);
        partition("sda", "sda1", "8:1");
        disk("sdb", "8:16", true);
        partition("sdb", "sdb1", "8:17");
        mountinfo.set(SYSTEM);
        texts = Texts.load(Locale.ROOT);
        window = new WorkstationWindow(stage, texts, IntakeFixtures.CLOCK, "WS-TEST-0001");
        stage.show();
        watch = new MediaWatch(MediaLocations.removable(new RemovableMedia(mountinfo::get, sys, List.of(media))),
                Duration.ofMillis(200));
    }

    @Stop
    void stop() {
        watch.close();
        window.close();
    }

    private static final String SYSTEM = "21 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n";

    private void disk(String name, String dev, boolean removable) throws IOException {
        Path d = Files.createDirectories(sys.resolve("block").resolve(name));
        Files.writeString(d.resolve("dev"), dev + "\n");
        Files.writeString(d.resolve("removable"), (removable ? "1" : "0") + "\n");
        Files.writeString(d.resolve("size"), "61071360\n");
    }

    private void partition(String disk, String name, String dev) throws IOException {
        Path p = Files.createDirectories(sys.resolve("block").resolve(disk).resolve(name));
        Files.writeString(p.resolve("dev"), dev + "\n");
        Files.writeString(p.resolve("partition"), "1\n");
        Files.writeString(p.resolve("size"), "61069312\n");
    }

    private static String mount(int id, String dev, Path point, String type, String source) {
        return id + " 21 " + dev + " / " + point.toString().replace(" ", "\\040") + " rw,nosuid,nodev shared:9 - " + type + " "
                + source + " rw\n";
    }

    @Test
    void noneMountedSaysWhatToDoThenAnInsertedStickAppearsByItself(FxRobot robot) throws Exception {
        // the workstation's own disk mounted under the media root: never offered
        Path own = Files.createDirectories(media.resolve("inspector/SYSTEM"));
        mountinfo.set(SYSTEM + mount(30, "8:1", own, "ext4", "/dev/sda1"));
        AtomicReference<MediaChooser> chooser = new AtomicReference<>();
        robot.interact(() -> {
            watch.start();
            chooser.set(new MediaChooser(stage, texts, texts.get("media.export.title"), watch));
            chooser.get().show();
        });
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        Label none = robot.lookup("#media-chooser-none").queryAs(Label.class);
        assertTrue(none.isVisible(), "says plainly that nothing is mounted");
        assertTrue(none.getText().contains("Insert a USB stick"), none.getText());
        assertEquals(0, chooser.get().list().getItems().size(), "the workstation's own disk is not offered");
        assertTrue(robot.lookup("#media-chooser-choose").queryButton().isDisabled());
        robot.interact(() -> shot(chooser.get(), "media-chooser-none.png"));

        Path stick = Files.createDirectories(media.resolve("inspector/VENDOR DROP"));
        mountinfo.set(mountinfo.get() + mount(31, "8:17", stick, "vfat", "/dev/sdb1"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chooser.get().list().getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(none.isVisible());
        String shown = MediaChooser.describe(chooser.get().list().getItems().get(0));
        assertTrue(shown.startsWith("VENDOR DROP   (vfat · 31.3 GB, "), shown);
        assertTrue(shown.contains(" free)\n" + stick), shown);
        robot.interact(() -> shot(chooser.get(), "media-chooser-stick.png"));
        robot.clickOn("#media-chooser-choose");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stick, chooser.get().chosen().orElseThrow());
        assertFalse(chooser.get().stage().isShowing());
    }

    @Test
    void aStickInsertedWithABundleIsOfferedToIntakeAtOnce(FxRobot robot) throws Exception {
        Path work = dir.resolve("intake-" + System.nanoTime());
        AirlockHome home = IntakeFixtures.home(work.resolve("home"));
        Path fixtures = IntakeFixtures.medium(work);
        AtomicReference<IntakeViewModel> model = new AtomicReference<>();
        AtomicReference<IntakeView> view = new AtomicReference<>();
        robot.interact(() -> {
            model.set(new IntakeViewModel(texts, window.model(),
                    MediaLocations.removable(new RemovableMedia(mountinfo::get, sys, List.of(media))),
                    new BundleIntake(home, IntakeFixtures.CLOCK, IntakeLimits.defaults()), new BundleStore(home)));
            view.set(new IntakeView(model.get(), window.model(), texts, stage));
            watch.media().addListener((javafx.collections.ListChangeListener<MediaLocations.Medium>) c ->
                    model.get().setMedia(List.copyOf(watch.media())));
            watch.setOnBundleInserted(m -> {
                view.get().show();
                model.get().offerInserted(m);
            });
            watch.start();
        });
        Thread.sleep(600); // the first look: nothing inserted yet, nothing offered
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.get().stage().isShowing());
        // the stick is "inserted": the fixture's medium, mounted under the media root
        Path stick = Files.createDirectories(media.resolve("inspector"));
        Files.move(fixtures, stick.resolve("VENDOR-2026"));
        mountinfo.set(SYSTEM + mount(32, "8:17", stick.resolve("VENDOR-2026"), "exfat", "/dev/sdb1"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.get().stage().isShowing() && model.get().bundles().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stick.resolve("VENDOR-2026"), model.get().selectedMediumProperty().get().root());
        assertEquals(texts.format("intake.media.inserted", "VENDOR-2026"), model.get().headlineProperty().get());
        robot.interact(() -> shot(view.get().stage(), "intake-stick-inserted.png"));
        assertTrue(robot.lookup(texts.get("intake.verify")).tryQuery().isPresent(), "verify is offered");
    }

    private static void shot(MediaChooser chooser, String name) {
        shot(chooser.stage(), name);
    }

    private static void shot(javafx.stage.Stage stage, String name) {
        try {
            Screenshots.save(stage.getScene(), name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
