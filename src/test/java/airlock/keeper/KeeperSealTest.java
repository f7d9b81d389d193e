package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.Ed25519;
import airlock.core.crypto.Sha256;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.LogExport;
import airlock.core.log.LogVerification;
import airlock.core.log.LogVerifier;
import airlock.core.log.PinnedKeys;
import airlock.core.media.WrittenFile;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.progress.ProgressMonitor;
import airlock.core.seal.OutgoingFile;
import airlock.core.seal.SupervisorReview;
import airlock.core.session.WorkstationLogs;
import airlock.core.trust.TrustStore;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperException;
import airlock.keeper.client.KeeperSealDesk;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import airlock.testutil.TestRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's seal through the keeper (issue 16, kseal), over a real socket: the keeper builds
 * the review and the statement, the supervisor's key signs on the client side only, a wrong, unpinned
 * or replayed signature is refused, the client writes and reads back the files, the keeper records
 * the export only for its own files, a second session is sealed to the same stick folder, copy
 * refusals are logged — and every log verifies with {@code airlock log verify}'s verifier and the
 * stand-alone verify_log.py.
 */
class KeeperSealTest {
    private static final String MAIN = "refs/heads/main";
    private static final char[] PASS = "sam's passphrase".toCharArray();

    @TempDir
    Path tmp;
    private KeeperFixture keeper;
    private KeyPair supervisor;
    private Path keyFile;

    @BeforeEach
    void start() throws Exception {
        keeper = KeeperFixture.start(tmp);
        keeper.stopKeeper();
        supervisor = Ed25519.generate();
        new TrustStore(AirlockHome.open(keeper.homeDir)).add(TrustPurpose.SUPERVISOR, supervisor.getPublic(), "Sam Supervisor");
        Path stickOfSam = Files.createDirectories(tmp.resolve("sam-stick"));
        keyFile = stickOfSam.resolve("supervisor.key");
        Files.writeString(keyFile, Ed25519.privatePem(supervisor.getPrivate(), PASS), StandardCharsets.US_ASCII);
        keeper.startKeeper();
    }

    @AfterEach
    void stop() {
        keeper.close();
    }

    /** One short session: a file opened, a copy refused, ended; returns its id. */
    private String session(KeeperClient client, String inspector) throws Exception {
        Answer.SessionInfo info = client.startSession(inspector, "Test Office", null, keeper.bundle, DemoRoom.PIN);
        client.open(MAIN, TestRepository.MAIN);
        Answer.Recorded refused = client.call(new Request.CopyRefused(TestRepository.MAIN, "copy", 42, "code"), Answer.Recorded.class);
        assertEquals("copy.refused", refused.what());
        client.call(new Request.LockSession(), Answer.Status.class);
        // refusals are evidence: recorded while locked too
        Answer.Recorded whileLocked = client.call(new Request.CopyRefused("", "drag", 3, "window search"), Answer.Recorded.class);
        assertEquals("locked", whileLocked.status());
        assertTrue(whileLocked.entry() > refused.entry());
        client.call(new Request.UnlockSession(DemoRoom.PIN), Answer.Status.class);
        client.endSession();
        return info.id();
    }

    /** Decides every open check the way a supervisor may (override with a reason where allowed, else refuse). */
    private static void decideAll(SupervisorReview review) throws Exception {
        for (Violation v : review.unresolved()) {
            SupervisorAction action = v.kind().allowedActions().contains(SupervisorAction.OVERRIDE) ? SupervisorAction.OVERRIDE
                    : v.kind().allowedActions().iterator().next();
            review.decide(new SupervisorDecision(v, action, "Sam Supervisor", "checked with the vendor"));
        }
        assertTrue(review.canSeal());
    }

    @Test
    void aSessionIsSealedThroughTheKeeperAndASecondOneToTheSameStick() throws Exception {
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        String first;
        String second;
        try (KeeperClient client = keeper.client()) {
            first = session(client, "Ada Inspector");
            KeeperSealDesk desk = new KeeperSealDesk(client);
            assertEquals(List.of(first), desk.awaitingSupervisor());
            assertEquals("ended", desk.status(first));
            SupervisorReview review = desk.open(first);
            assertEquals("ended", review.status());
            assertEquals("Ada Inspector", review.summary().inspector());
            String stem = LogExport.stem(first);
            OutgoingFile pendingSeal = review.files().stream().filter(f -> f.kind() == OutgoingFile.Kind.SEAL).findFirst().orElseThrow();
            assertTrue(pendingSeal.pending(), "before signing the seal is the unsigned final checkpoint");
            assertTrue(review.files().stream().anyMatch(f -> f.name().equals(stem + ".log")));
            decideAll(review);

            // the statement is the keeper's: context line and the final checkpoint it holds
            Answer.SealStatement statement = client.call(new Request.SealStatement(first), Answer.SealStatement.class);
            assertTrue(statement.statement().startsWith("airlock seal signature v1\n"));
            assertTrue(statement.statement().contains(first));
            byte[] statementBytes = statement.statement().getBytes(StandardCharsets.UTF_8);

            // refused: a signature that is not over the statement, one by an unpinned key
            KeeperException garbage = assertThrows(KeeperException.class, () -> client.call(
                    new Request.SignSeal(first, Base64.getEncoder().encodeToString(new byte[64])), Answer.SealSealed.class));
            assertEquals("log.seal.untrusted", garbage.code());
            KeyPair stranger = Ed25519.generate();
            KeeperException unpinned = assertThrows(KeeperException.class, () -> client.call(new Request.SignSeal(first,
                    Base64.getEncoder().encodeToString(Ed25519.sign(stranger.getPrivate(), statementBytes))), Answer.SealSealed.class));
            assertEquals("log.seal.untrusted", unpinned.code());
            // the pinned key over another text (a checkpoint signature's context) is refused too
            byte[] otherText = statement.statement().replace("airlock seal signature v1", "airlock checkpoint signature v1")
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals("log.seal.untrusted", assertThrows(KeeperException.class, () -> client.call(new Request.SignSeal(first,
                    Base64.getEncoder().encodeToString(Ed25519.sign(supervisor.getPrivate(), otherText))), Answer.SealSealed.class)).code());
            assertEquals("ended", desk.open(first).status(), "nothing was sealed by the refused signatures");

            // a wrong passphrase fails on this side, before anything is sent
            assertThrows(Exception.class, () -> review.seal(keyFile, "wrong".toCharArray(), ProgressMonitor.NONE));
            char[] pass = PASS.clone();
            review.seal(keyFile, pass, ProgressMonitor.NONE);
            assertEquals('\0', pass[0], "the passphrase is cleared");
            assertEquals("sealed", review.status());
            OutgoingFile sealFile = review.files().stream().filter(f -> f.kind() == OutgoingFile.Kind.SEAL).findFirst().orElseThrow();
            assertFalse(sealFile.pending());
            assertTrue(new String(sealFile.content(), StandardCharsets.UTF_8).contains("airlock-supervisor"));

            // replay: the same valid signature again, and on another session
            byte[] valid = Ed25519.sign(supervisor.getPrivate(), statementBytes);
            assertEquals("log.seal.state", assertThrows(KeeperException.class, () -> client.call(new Request.SignSeal(first,
                    Base64.getEncoder().encodeToString(valid)), Answer.SealSealed.class)).code());

            // a report of files that are not the keeper's is refused, nothing recorded
            assertEquals("seal.export.mismatch", assertThrows(KeeperException.class, () -> client.call(new Request.SealExported(first,
                    List.of(new Request.WrittenFile(stem + ".log", 1, "00".repeat(32)))), Answer.Recorded.class)).code());
            assertEquals("sealed", desk.status(first));

            List<WrittenFile> written = review.write(stick, ProgressMonitor.NONE);
            assertEquals(review.files().size(), written.size());
            for (OutgoingFile f : review.files()) {
                Path onStick = stick.resolve(f.name());
                assertEquals(f.sha256(), Sha256.hex(Sha256.digest(Files.readAllBytes(onStick))), f.name());
            }
            assertEquals("exported", review.status());
            assertTrue(desk.awaitingSupervisor().isEmpty());

            // the second session, sealed to the same stick folder
            second = session(client, "Bo Inspector");
            assertNotEquals(first, second);
            SupervisorReview again = desk.open(second);
            decideAll(again);
            assertEquals("log.seal.untrusted", assertThrows(KeeperException.class, () -> client.call(new Request.SignSeal(second,
                    Base64.getEncoder().encodeToString(valid)), Answer.SealSealed.class)).code(), "the first session's signature");
            again.seal(keyFile, PASS.clone(), ProgressMonitor.NONE);
            again.write(stick, ProgressMonitor.NONE);
            assertEquals("exported", again.status());
            assertTrue(Files.exists(stick.resolve(stem + ".log")), "the first session's files stay");
            assertTrue(Files.exists(stick.resolve(LogExport.stem(second) + ".seal")));
        }
        keeper.stopKeeper();

        // the keeper's ledger, archive copies and both logs verify; the stick's copies with the pinned keys
        AirlockHome home = AirlockHome.open(keeper.homeDir);
        PinnedKeys keys = PinnedKeys.load(keeper.homeDir.resolve("trust"));
        assertEquals(List.of(), WorkstationLogs.checkHome(home, keys));
        for (String id : List.of(first, second)) {
            String stem = LogExport.stem(id);
            LogVerification onStick = new LogVerifier(keys).verify(new ByteArrayInputStream(Files.readAllBytes(stick.resolve(stem + ".log"))),
                    Files.readAllBytes(stick.resolve(stem + ".seal")), true, ProgressMonitor.NONE);
            assertTrue(onStick.isValid(), onStick.describe());
            assertTrue(keeper.verify(id).isValid());
            List<JsonNode> entries = keeper.entries(id);
            assertEquals(2, entries.stream().filter(e -> e.path("type").asText().equals("copy.refused")).count());
            JsonNode refusal = entries.stream().filter(e -> e.path("type").asText().equals("copy.refused")).findFirst().orElseThrow();
            assertEquals(42, refusal.path("data").path("selectedChars").asInt());
            assertEquals("code", refusal.path("data").path("view").asText());
        }
        List<JsonNode> ledger = KeeperFixture.entries(keeper.homeDir, "ledger");
        long mediaExports = ledger.stream().filter(e -> e.path("type").asText().equals("export.written")
                && e.path("data").path("target").asText().equals("media")).count();
        assertEquals(2, mediaExports, "one recorded media export per session, none for the refused report");

        // the auditor's stand-alone verifier agrees on the stick's copies
        Assumptions.assumeTrue(onPath("python3") && onPath("openssl"), "python3 and openssl are needed for verify_log.py");
        Path trust = tmp.resolve("auditor-trust");
        Files.createDirectories(trust.resolve("workstation"));
        Files.createDirectories(trust.resolve("supervisor"));
        Files.writeString(trust.resolve("workstation/ws.pem"),
                Files.readString(keeper.homeDir.resolve("keys").resolve(airlock.core.session.WorkstationKey.PUBLIC_FILE)));
        Files.writeString(trust.resolve("supervisor/sam.pem"), "# label: Sam Supervisor\n" + Ed25519.publicPem(supervisor.getPublic()));
        for (String id : List.of(first, second)) {
            String stem = LogExport.stem(id);
            List<String> command = new ArrayList<>(List.of("python3", Path.of("docs/verify/verify_log.py").toAbsolutePath().toString(),
                    stick.resolve(stem + ".log").toString(), stick.resolve(stem + ".seal").toString(), "--trust", trust.toString()));
            Path disclosures = stick.resolve(stem + LogExport.DISCLOSURES);
            if (Files.exists(disclosures)) {
                command.addAll(List.of("--disclosures", disclosures.toString()));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.startsWith("VALID session " + id), output);
        }
    }

    @Test
    void aRefusalWithoutASessionAndSealOpsOnAnOpenOrUnknownSessionAreRefused() throws Exception {
        try (KeeperClient client = keeper.client()) {
            assertEquals("session.none", assertThrows(KeeperException.class, () -> client.call(
                    new Request.CopyRefused("a", "copy", 1, "code"), Answer.Recorded.class)).code());
            assertEquals("seal.session.unknown", assertThrows(KeeperException.class, () -> client.call(
                    new Request.ReviewSeal("S-nothing"), Answer.SealReviewed.class)).code());
            Answer.SessionInfo info = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN);
            assertEquals("seal.session.open", assertThrows(KeeperException.class, () -> client.call(
                    new Request.ReviewSeal(info.id()), Answer.SealReviewed.class)).code());
            assertEquals("seal.session.open", assertThrows(KeeperException.class, () -> client.call(
                    new Request.SealStatement(info.id()), Answer.SealStatement.class)).code());
            assertEquals("active", client.status().state(), "the keeper goes on");
        }
        keeper.stopKeeper();
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d.isEmpty() ? "." : d, program))) {
                return true;
            }
        }
        return false;
    }
}
