package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.Ed25519;
import airlock.core.crypto.Sha256;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.LogExport;
import airlock.core.policy.SupervisorAction;
import airlock.core.trust.TrustStore;
import airlock.keeper.KeeperFixture;
import airlock.keeper.client.KeeperClient;
import airlock.protocol.Request;
import airlock.protocol.Answer;
import airlock.testutil.Screenshots;
import airlock.testutil.TestRepository;
import airlock.ui.seal.SealFeature;
import airlock.ui.seal.SealViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16 (kseal): the supervisor's seal screen in keeper mode. A session the keeper holds has
 * ended; the window composed by {@link KeeperWorkstation} opens its review from the keeper, the
 * supervisor decides the open checks, seals with their key file (read in this process, only the
 * signature goes to the keeper) and writes to a stick folder; every file on it has the keeper's SHA-256.
 */
@ExtendWith(ApplicationExtension.class)
class KeeperSealGuiTest {
    @TempDir
    static Path dir;
    private static final char[] PASS = "sam's passphrase".toCharArray();
    private final Texts texts = Texts.load(Locale.ROOT);
    private static KeeperFixture keeper;
    private static Path keyFile;
    private static String session;
    private KeeperWorkstation workstation;

    @BeforeAll
    static void startKeeper() throws Exception {
        keeper = KeeperFixture.start(dir.resolve("run-" + System.nanoTime()));
        keeper.stopKeeper();
        KeyPair sam = Ed25519.generate();
        new TrustStore(AirlockHome.open(keeper.homeDir)).add(TrustPurpose.SUPERVISOR, sam.getPublic(), "Sam Supervisor");
        keyFile = Files.createDirectories(dir.resolve("sam-stick")).resolve("supervisor.key");
        Files.writeString(keyFile, Ed25519.privatePem(sam.getPrivate(), PASS), StandardCharsets.US_ASCII);
        keeper.startKeeper();
        try (KeeperClient client = keeper.client()) {
            session = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            client.open("refs/heads/main", TestRepository.MAIN);
            client.call(new Request.CopyRefused(TestRepository.MAIN, "copy", 9, "code"), Answer.Recorded.class);
            client.endSession();
        }
    }

    @AfterAll
    static void stopKeeper() {
        keeper.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
        workstation = KeeperWorkstation.open(stage, texts, keeper.socket, clock);
        stage.show();
    }

    @Stop
    void stop() {
        workstation.close();
    }

    @Test
    void theSupervisorSealsThroughTheKeeperAndTheStickHoldsTheKeepersFiles(FxRobot robot) throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        SealFeature seal = workstation.seal();
        robot.interact(() -> seal.open(session));
        SealViewModel model = seal.lastOpened().orElseThrow().model();
        waitUntil(() -> model.stageProperty().get() == SealViewModel.Stage.REVIEW);
        assertTrue(model.files().stream().anyMatch(f -> f.name().equals(LogExport.stem(session) + ".log")));
        robot.interact(() -> {
            model.supervisorProperty().set("Sam Supervisor");
            model.keyFileProperty().set(keyFile);
            model.folderProperty().set(stick);
        });
        // decide every open check (the keeper records each in its ledger)
        for (int round = 0; round < 50 && model.checks().stream().anyMatch(SealViewModel.CheckRow::open); round++) {
            SealViewModel.CheckRow open = model.checks().stream().filter(SealViewModel.CheckRow::open).findFirst().orElseThrow();
            SupervisorAction action = open.violation().kind().allowedActions().contains(SupervisorAction.OVERRIDE)
                    ? SupervisorAction.OVERRIDE : open.violation().kind().allowedActions().iterator().next();
            int before = (int) model.checks().stream().filter(SealViewModel.CheckRow::open).count();
            robot.interact(() -> model.decide(open, action, "checked with the vendor"));
            waitUntil(() -> !model.runningProperty().get()
                    && model.checks().stream().filter(SealViewModel.CheckRow::open).count() < before);
        }
        waitUntil(() -> !model.blockedProperty().get());
        robot.interact(() -> Screenshots.shot(seal.lastOpened().orElseThrow().stage().getScene(), "keeper-seal-01-review.png"));

        robot.interact(() -> model.sealAndWrite(PASS.clone()));
        waitUntil(() -> model.stageProperty().get() == SealViewModel.Stage.EXPORTED || !model.errorProperty().get().isEmpty());
        assertEquals("", model.errorProperty().get());
        assertEquals(SealViewModel.Stage.EXPORTED, model.stageProperty().get());
        robot.interact(() -> Screenshots.shot(seal.lastOpened().orElseThrow().stage().getScene(), "keeper-seal-02-sealed.png"));
        for (SealViewModel.FileRow row : model.files()) {
            assertEquals(row.sha256(), Sha256.hex(Sha256.digest(Files.readAllBytes(stick.resolve(row.name())))), row.name());
        }
        assertTrue(Files.readString(stick.resolve(LogExport.stem(session) + ".seal")).contains("airlock-supervisor"));
        assertEquals(model.files().size(), model.writtenFiles().size());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
    }
}
