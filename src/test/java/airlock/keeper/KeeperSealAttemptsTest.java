package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.Ed25519;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.PinnedKeys;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
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
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seal refused for the supervisor's signature through the keeper's socket (issue 16): each is a
 * {@code confirmation.failed} ledger entry (action {@code session.seal}, never the signature), the
 * fifth in a row starts the back-off that also refuses a good signature and a session start, a
 * keeper restart keeps it (read back from the ledger), and after the back-off the seal holds and is
 * {@code confirmation.accepted}; the ledger and the session's log still verify.
 */
class KeeperSealAttemptsTest {
    private java.nio.file.Path tmp;
    private KeeperFixture keeper;
    private KeyPair supervisor;

    @BeforeEach
    void start(@TempDir java.nio.file.Path dir) throws Exception {
        tmp = dir;
        keeper = KeeperFixture.start(tmp);
        keeper.stopKeeper();
        supervisor = Ed25519.generate();
        new TrustStore(AirlockHome.open(keeper.homeDir)).add(TrustPurpose.SUPERVISOR, supervisor.getPublic(), "Sam Supervisor");
        keeper.startKeeper();
    }

    @AfterEach
    void stop() {
        keeper.close();
    }

    private static void decideAll(SupervisorReview review) throws Exception {
        for (Violation v : review.unresolved()) {
            SupervisorAction action = v.kind().allowedActions().contains(SupervisorAction.OVERRIDE) ? SupervisorAction.OVERRIDE
                    : v.kind().allowedActions().iterator().next();
            review.decide(new SupervisorDecision(v, action, "Sam Supervisor", "checked with the vendor"));
        }
    }

    private static String sign(KeyPair key, Answer.SealStatement statement) {
        return Base64.getEncoder().encodeToString(Ed25519.sign(key.getPrivate(), statement.statement().getBytes(StandardCharsets.UTF_8)));
    }

    private List<JsonNode> sealRefusals() throws Exception {
        return KeeperFixture.entries(keeper.homeDir, "ledger").stream()
                .filter(e -> e.path("type").asText().equals("confirmation.failed")
                        && e.path("data").path("action").asText().equals("session.seal")).toList();
    }

    @Test
    void wrongSealSignaturesAreLedgerEntriesAndTheirLockoutSurvivesARestart() throws Exception {
        KeyPair stranger = Ed25519.generate();
        String session;
        try (KeeperClient client = keeper.client()) {
            session = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            client.open("refs/heads/main", TestRepository.MAIN);
            client.endSession();
            decideAll(new KeeperSealDesk(client).open(session));
            Answer.SealStatement statement = client.call(new Request.SealStatement(session), Answer.SealStatement.class);
            for (int i = 1; i <= 5; i++) {
                KeeperException refused = assertThrows(KeeperException.class, () -> client.call(
                        new Request.SignSeal(session, sign(stranger, statement)), Answer.SealSealed.class));
                assertEquals("log.seal.untrusted", refused.code(), "attempt " + i);
            }
            // the fifth refusal starts the back-off: even the pinned key's signature is refused now, and so is a start
            assertEquals("session.confirmation.lockout", assertThrows(KeeperException.class, () -> client.call(
                    new Request.SignSeal(session, sign(supervisor, statement)), Answer.SealSealed.class)).code());
            assertEquals("session.confirmation.lockout", assertThrows(KeeperException.class, () ->
                    client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN)).code());
        }
        List<JsonNode> refusals = sealRefusals();
        assertEquals(5, refusals.size(), "one ledger entry per refused signature, none for the lockout's refusals");
        JsonNode last = refusals.get(4).path("data");
        assertEquals(session, last.path("session").asText());
        assertEquals("Ada Inspector", last.path("inspector").asText());
        assertEquals("key", last.path("mode").asText());
        assertEquals(5, last.path("failuresInRow").asInt());
        assertFalse(last.path("lockedUntil").isNull(), "the fifth says until when");
        for (JsonNode r : refusals) {
            assertFalse(r.path("data").has("signature"), "no signature is kept");
        }

        keeper.stopKeeper();
        keeper.startKeeper(); // the count and the back-off are read back from the ledger
        try (KeeperClient client = keeper.client()) {
            Answer.SealStatement statement = client.call(new Request.SealStatement(session), Answer.SealStatement.class);
            assertEquals("session.confirmation.lockout", assertThrows(KeeperException.class, () -> client.call(
                    new Request.SignSeal(session, sign(supervisor, statement)), Answer.SealSealed.class)).code(),
                    "a restart does not clear the lockout");
            keeper.clock.advance(Duration.ofSeconds(31));
            decideAll(new KeeperSealDesk(client).open(session));
            Answer.SealSealed sealed = client.call(new Request.SignSeal(session, sign(supervisor, statement)), Answer.SealSealed.class);
            assertEquals("Sam Supervisor", sealed.sealedBy());
        }
        keeper.stopKeeper();
        List<JsonNode> ledger = KeeperFixture.entries(keeper.homeDir, "ledger").stream()
                .filter(e -> !e.path("type").asText().equals("checkpoint")).toList();
        JsonNode accepted = ledger.stream().filter(e -> e.path("type").asText().equals("confirmation.accepted")).reduce((a, b) -> b)
                .orElseThrow();
        assertEquals("session.seal", accepted.path("data").path("action").asText());
        assertEquals(5, accepted.path("data").path("failuresBefore").asInt());
        JsonNode seal = ledger.stream().filter(e -> e.path("type").asText().equals("seal")).findFirst().orElseThrow();
        assertEquals(session, seal.path("data").path("session").asText());
        assertTrue(ledger.indexOf(seal) < ledger.indexOf(accepted), "recorded once the seal is written");
        AirlockHome home = AirlockHome.open(keeper.homeDir);
        assertEquals(List.of(), WorkstationLogs.checkHome(home, PinnedKeys.load(keeper.homeDir.resolve("trust"))));
        assertTrue(keeper.verify(session).isValid());
    }
}
