package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.Base64Strict;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.policy.Inspector;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.session.Confirmation;
import airlock.core.session.ReviewSession;
import airlock.core.session.SessionRequest;
import airlock.core.trust.TrustStore;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperException;
import airlock.keeper.client.KeeperSessionService;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confirmation through the keeper (issues 16 and 17, room), over a real socket: under a {@code key}
 * policy the keeper issues a one-use challenge, the workstation signs its statement with the
 * supervisor's key and sends only the signature; the keeper checks it against its pinned supervisor
 * keys. An unpinned key, a replayed, mismatched or expired challenge are refused, each a
 * {@code confirmation.failed} ledger entry; the same for unlock. Under a {@code none} policy naming
 * inspectors, the idle unlock needs the session's inspector's passphrase.
 */
class KeeperConfirmationTest {
    static final String PASSPHRASE = "analytical engine 1843";
    @TempDir
    Path tmp;
    private KeeperFixture keeper;

    @AfterEach
    void stop() {
        if (keeper != null) {
            keeper.close();
        }
    }

    private static RoomPolicy policy(SupervisorConfirmation confirmation, List<Inspector> inspectors) {
        RoomPolicy strict = RoomPolicy.strictest();
        return new RoomPolicy("Room 5", strict.export(), false, 10, false, strict.maxSessionMinutes(), confirmation, inspectors,
                airlock.core.quote.QuoteRules.defaults(), List.of(Path.of("/mnt/sticks")));
    }

    private static long failures(List<JsonNode> ledger) {
        return ledger.stream().filter(e -> e.get("type").asText().equals("confirmation.failed")).count();
    }

    private static String sign(KeyPair key, Answer.Challenge c) {
        return Base64Strict.encode(Ed25519.sign(key.getPrivate(), c.statement().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSupervisorsKeySignsTheKeepersChallengeOnceAndNeverCrossesTheSocket() throws Exception {
        KeyPair supervisor = Ed25519.generate();
        KeyPair stranger = Ed25519.generate();
        new TrustStore(AirlockHome.open(tmp.resolve("home"))).add(TrustPurpose.SUPERVISOR, supervisor.getPublic(), "Grace (supervisor)");
        keeper = KeeperFixture.startWithPolicy(tmp, policy(SupervisorConfirmation.key(), List.of()));
        String first;
        String second;
        try (KeeperClient client = keeper.client(); KeeperClient status = keeper.client()) {
            Answer.PolicyInfo info = client.policy();
            assertEquals("key", info.confirmation());
            assertEquals(List.of("/mnt/sticks"), info.mediaRoots(), "the policy's media roots reach the workstation");
            KeeperSessionService service = new KeeperSessionService(client, status, info);
            SessionRequest request = new SessionRequest("ignored", "Ada", "Office", null, keeper.bundle);

            // an unpinned key: its signature verifies with no supervisor key of the keeper
            KeeperException unpinned = assertThrows(KeeperException.class,
                    () -> service.start(request, new Confirmation.SupervisorKey(stranger.getPrivate())));
            assertTrue(unpinned.getMessage().contains("any supervisor key pinned"), unpinned.getMessage());

            // the right key: started, and the session's unlock asks for the key too
            ReviewSession session = service.start(request, new Confirmation.SupervisorKey(supervisor.getPrivate()));
            first = session.id();
            assertEquals(ReviewSession.UnlockCredential.SUPERVISOR_KEY, session.unlockCredential());

            // unlock: a stranger's key refused, a replayed unlock signature refused, the supervisor's accepted
            client.call(new Request.LockSession(), Answer.Status.class);
            assertThrows(KeeperException.class, () -> session.unlockWithKey(stranger.getPrivate()));
            Answer.Challenge u = client.call(new Request.ConfirmUnlock(), Answer.Challenge.class);
            assertTrue(u.statement().startsWith("airlock-unlock/2\n") && u.statement().contains(first), u.statement());
            String unlockSignature = sign(supervisor, u);
            assertEquals("active", client.call(new Request.UnlockSession(null, null, u.challenge(), unlockSignature),
                    Answer.Status.class).state());
            client.call(new Request.LockSession(), Answer.Status.class);
            KeeperException replayedUnlock = assertThrows(KeeperException.class, () -> client.call(
                    new Request.UnlockSession(null, null, u.challenge(), unlockSignature), Answer.Status.class));
            assertTrue(replayedUnlock.getMessage().contains("already used"), replayedUnlock.getMessage());
            session.unlockWithKey(supervisor.getPrivate());
            assertEquals("active", client.status().state());
            client.endSession();

            // a start answered with a used challenge is refused, even with a good signature
            Answer.Challenge c = client.call(new Request.ConfirmStart("Ada", "Office", null, keeper.bundle), Answer.Challenge.class);
            String signature = sign(supervisor, c);
            Request.StartSession start = new Request.StartSession("Ada", "Office", null, keeper.bundle, null, null, c.challenge(), signature);
            second = client.call(start, Answer.SessionStarted.class).session().id();
            client.endSession();
            KeeperException replayed = assertThrows(KeeperException.class, () -> client.call(start, Answer.SessionStarted.class));
            assertTrue(replayed.getMessage().contains("already used"), replayed.getMessage());

            // a challenge issued for one start does not confirm another
            Answer.Challenge forAda = client.call(new Request.ConfirmStart("Ada", "Office", null, keeper.bundle), Answer.Challenge.class);
            KeeperException other = assertThrows(KeeperException.class, () -> client.call(new Request.StartSession("Eve", "Office",
                    null, keeper.bundle, null, null, forAda.challenge(), sign(supervisor, forAda)), Answer.SessionStarted.class));
            assertTrue(other.getMessage().contains("not the one the challenge was issued for"), other.getMessage());

            // success resets the count; then an expired challenge is refused
            ReviewSession third = service.start(request, new Confirmation.SupervisorKey(supervisor.getPrivate()));
            client.endSession();
            assertFalse(third.id().equals(second));
            Answer.Challenge late = client.call(new Request.ConfirmStart("Ada", "Office", null, keeper.bundle), Answer.Challenge.class);
            keeper.clock.advance(Duration.ofMinutes(6));
            KeeperException expired = assertThrows(KeeperException.class, () -> client.call(new Request.StartSession("Ada", "Office",
                    null, keeper.bundle, null, null, late.challenge(), sign(supervisor, late)), Answer.SessionStarted.class));
            assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
        }
        keeper.stopKeeper();
        JsonNode confirmed = keeper.entries(second).stream().filter(e -> e.get("type").asText().equals("session.confirmed"))
                .findFirst().orElseThrow().get("data").get("confirmation");
        assertEquals("key", confirmed.get("mode").asText());
        assertEquals(Ed25519.keyId(supervisor.getPublic()).hex(), confirmed.get("supervisorKey").asText());
        assertTrue(confirmed.get("statement").asText().contains("\"type\":\"airlock-session-start/2\""), confirmed.toString());
        assertTrue(Ed25519.verify(supervisor.getPublic(), confirmed.get("statement").asText().getBytes(StandardCharsets.UTF_8),
                Base64Strict.decode(confirmed.get("signature").asText())).isValid(), "an auditor can check the signature in the log");
        List<JsonNode> log = keeper.entries(first);
        assertTrue(log.stream().anyMatch(e -> e.get("type").asText().equals("session.unlocked") && e.get("actor").asText()
                .equals("supervisor")), "the unlock is the supervisor's");
        List<JsonNode> ledger = KeeperFixture.entries(keeper.homeDir, "ledger");
        // unpinned start, stranger's unlock, replayed unlock | replayed start, other start | expired start
        assertEquals(6, failures(ledger), ledger.toString());
        assertTrue(ledger.stream().anyMatch(e -> e.get("type").asText().equals("confirmation.failed")
                && e.get("data").get("action").asText().equals("session.unlock")), "unlock refusals are ledger entries too");
        assertFalse(ledger.toString().contains("PRIVATE KEY"));
        assertTrue(keeper.verify(first).isValid() && keeper.verify(second).isValid());
    }

    @Test
    void anUnlockUnderANamedInspectorPolicyNeedsTheInspectorsPassphraseAndAChallengeNeedsAKeyPolicy() throws Exception {
        SecureRandom random = new SecureRandom();
        keeper = KeeperFixture.startWithPolicy(tmp, policy(SupervisorConfirmation.none(),
                List.of(Inspector.of("Ada Lovelace", PASSPHRASE.toCharArray(), random))));
        String id;
        try (KeeperClient client = keeper.client(); KeeperClient status = keeper.client()) {
            KeeperSessionService service = new KeeperSessionService(client, status, client.policy());
            ReviewSession session = service.start(new SessionRequest("x", "Ada Lovelace", "Office", null, keeper.bundle),
                    new Confirmation.None(), PASSPHRASE.toCharArray());
            id = session.id();
            assertEquals(ReviewSession.UnlockCredential.INSPECTOR_PASSPHRASE, session.unlockCredential());
            KeeperException mode = assertThrows(KeeperException.class, () -> client.call(new Request.ConfirmUnlock(), Answer.Challenge.class));
            assertEquals("session.confirmation.mode", mode.code());
            client.call(new Request.LockSession(), Answer.Status.class);
            assertThrows(KeeperException.class, () -> client.call(new Request.UnlockSession(null), Answer.Status.class));
            assertThrows(KeeperException.class, () -> session.unlockWithPassphrase("difference engine".toCharArray()));
            assertEquals("locked", client.status().state());
            session.unlockWithPassphrase(PASSPHRASE.toCharArray());
            assertEquals("active", client.status().state());
            client.endSession();
        }
        keeper.stopKeeper();
        List<JsonNode> ledger = KeeperFixture.entries(keeper.homeDir, "ledger");
        assertEquals(2, failures(ledger), ledger.toString());
        assertFalse(ledger.toString().contains("difference engine") || ledger.toString().contains(PASSPHRASE));
        assertTrue(keeper.verify(id).isValid());
    }
}
