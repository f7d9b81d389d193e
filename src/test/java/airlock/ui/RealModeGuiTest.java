package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.demo.DemoRoom;
import airlock.core.demo.DemoSupervisor;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.home.WorkstationId;
import airlock.core.policy.PolicyFiles;
import airlock.core.policy.PolicyLoader;
import airlock.core.room.RoomInit;
import airlock.core.room.RoomStatus;
import airlock.core.room.StartMode;
import airlock.core.session.WorkstationKey;
import airlock.core.trust.TrustStore;
import airlock.testutil.RoomFixture;
import airlock.testutil.Screenshots;
import airlock.ui.room.RoomGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
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
 * Issue 17, modes: the real workstation never shows or installs anything of the demo, whatever its
 * home lacks; an unprovisioned home shows the not-set-up screen with the exact commands; the
 * provisioning screen sets the home up as {@code room init} does and then opens the workstation.
 */
@ExtendWith(ApplicationExtension.class)
class RealModeGuiTest {
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

    @Test
    void anEmptyHomeShowsTheNotSetUpScreenAndCreatesNothing(FxRobot robot) throws Exception {
        Path home = dir.resolve("home");
        startReal(robot, home);
        assertNotSetUp(robot, home);
        assertFalse(Files.exists(home), "the real workstation creates nothing in a home that is not set up");
        robot.interact(() -> Screenshots.shot(stage.getScene(), "room-not-set-up.png"));
    }

    @Test
    void noDemoMaterialAppearsWhateverTheHomeLacks(FxRobot robot) throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        List<Path> homes = new ArrayList<>();
        // only the workstation key
        Path onlyKey = dir.resolve("only-key");
        AirlockHome a = AirlockHome.open(onlyKey);
        WorkstationKey.loadOrCreate(a, WorkstationId.loadOrCreate(a, new SecureRandom()));
        homes.add(onlyKey);
        // a policy but no room administrator pinned
        Path policyNoTrust = dir.resolve("policy-no-trust");
        AirlockHome b = AirlockHome.open(policyNoTrust);
        Files.createDirectories(PolicyFiles.installed(b).getParent());
        Files.copy(room.policy, PolicyFiles.installed(b));
        Files.copy(PolicyFiles.signatureOf(room.policy), PolicyFiles.signatureOf(PolicyFiles.installed(b)));
        homes.add(policyNoTrust);
        // everything but supervisor and vendor keys
        Path noSupervisor = dir.resolve("no-supervisor");
        AirlockHome c = AirlockHome.open(noSupervisor);
        WorkstationKey.loadOrCreate(c, WorkstationId.loadOrCreate(c, new SecureRandom()));
        new TrustStore(c).add(TrustPurpose.ROOM_ADMIN, room.adminPub);
        new PolicyLoader(c, new TrustStore(c)).install(room.policy);
        homes.add(noSupervisor);
        // empty folders only (as a package might create)
        Path folders = dir.resolve("folders");
        AirlockHome.open(folders);
        homes.add(folders);
        for (Path home : homes) {
            Map<String, String> before = snapshot(home);
            startReal(robot, home);
            assertNotSetUp(robot, home);
            assertEquals(before, snapshot(home), "nothing written to " + home);
            robot.interact(() -> app.stop());
            app = null;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().contains("demo")), "no demo file anywhere");
        }
    }

    @Test
    void theProvisioningScreenSetsUpTheHomeAndOpensTheRealWorkstation(FxRobot robot) throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        Path home = dir.resolve("home");
        startReal(robot, home);
        robot.interact(() -> gate().notSetUp().setUpButton().fire());
        var screen = gate().provisioning();
        assertNotNull(screen);
        assertTrue(screen.runButton().isDisabled(), "nothing to run before the files are chosen");
        robot.interact(() -> Screenshots.shot(stage.getScene(), "room-provisioning-empty.png"));
        // a wrong file first: the supervisor's private key as a vendor key is refused and nothing is written
        robot.interact(() -> {
            screen.model().adminKeyProperty().set(room.adminPub);
            screen.model().policyProperty().set(room.policy);
            screen.model().supervisorKeys().add(room.supervisorPub);
            screen.model().vendorKeys().add(room.supervisorKey);
        });
        robot.interact(() -> screen.runButton().fire());
        assertTrue(screen.model().failedProperty().get());
        assertTrue(screen.model().outcomeProperty().get().startsWith("Not set up, nothing was written:"),
                screen.model().outcomeProperty().get());
        assertFalse(Files.exists(home));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.shot(stage.getScene(), "room-provisioning-refused.png"));
        robot.interact(() -> {
            screen.model().vendorKeys().setAll(room.vendorPub);
            screen.runButton().fire();
        });
        assertTrue(screen.model().doneProperty().get(), screen.model().outcomeProperty().get());
        assertTrue(RoomStatus.check(home).complete());
        assertTrue(screen.openButton().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.shot(stage.getScene(), "room-provisioning-done.png"));
        robot.interact(() -> screen.openButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getScene().lookup(".room-provisioning") == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertNoDemoText(robot);
        assertTrue(RoomStatus.check(home).complete(), "still no demo material after the workstation started");
        assertFalse(Files.exists(home.resolve("hints-dismissed")));
        AirlockHome opened = AirlockHome.existing(home);
        assertEquals("Transparency centre, room 2", new PolicyLoader(opened, new TrustStore(opened)).load().policy().name());
        assertEquals(1, new TrustStore(opened).list(TrustPurpose.SUPERVISOR).size());
    }

    @Test
    void aProvisionedHomeOpensTheWorkstationAtOnce(FxRobot robot) throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        Path home = dir.resolve("home");
        RoomInit.init(home, room.request(), new SecureRandom());
        startReal(robot, home);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getScene().lookup(".room-not-set-up") == null);
        assertNoDemoText(robot);
        assertTrue(RoomStatus.check(home).complete());
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().contains("demo")), "no demo file anywhere");
        }
        try (Stream<Path> all = Files.walk(home)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals(DemoSupervisor.KEY_FILE)), "no demo supervisor key");
        }
    }

    private void startReal(FxRobot robot, Path home) {
        app = new AirlockApp(new StartMode(StartMode.Kind.WORKSTATION, home));
        robot.interact(() -> app.start(stage));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RoomGate gate() {
        return app.gate();
    }

    private void assertNotSetUp(FxRobot robot, Path home) {
        assertNotNull(stage.getScene().lookup(".room-not-set-up"), "the not-set-up screen for " + home);
        String commands = gate().notSetUp().commandsText();
        assertTrue(commands.contains("airlock room init --home " + home.toAbsolutePath()), commands);
        assertTrue(commands.contains("airlock room status --home " + home.toAbsolutePath()), commands);
        assertNoDemoText(robot);
    }

    /** No window shows the demo PIN, the demo passphrase or the demo room's name. */
    private void assertNoDemoText(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            for (Window window : Window.getWindows()) {
                if (window.getScene() != null) {
                    collect(window.getScene().getRoot(), texts);
                }
            }
        });
        assertFalse(texts.isEmpty());
        for (String text : texts) {
            assertFalse(text.contains(DemoRoom.PIN) || text.contains(DemoSupervisor.PASSPHRASE) || text.contains(DemoRoom.NAME),
                    "demo text shown: " + text);
        }
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            out.add(labeled.getText());
        }
        if (node instanceof TextInputControl input && input.getText() != null) {
            out.add(input.getText());
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            collect(scroll.getContent(), out);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                files.put(root.relativize(p).toString(), Files.isRegularFile(p)
                        ? airlock.core.crypto.Sha256.hex(airlock.core.crypto.Sha256.digest(Files.readAllBytes(p))) : "dir");
            }
        }
        return files;
    }
}
