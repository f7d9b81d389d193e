package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.demo.DemoRoom;
import airlock.core.policy.Inspector;
import airlock.core.policy.PinHash;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperException;
import airlock.keeper.client.KeeperSessionService;
import airlock.protocol.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 through the keeper (issue 16): under a policy that names its inspectors, the kiosk's window
 * sends the inspector's passphrase with the start and the keeper checks it; a missing or wrong one is
 * refused, and the passphrase never reaches the log.
 */
class KeeperInspectorTest {
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

    @Test
    void aNamedInspectorStartsWithTheirPassphraseThroughTheKeeperAndNobodyElseDoes() throws Exception {
        SecureRandom random = new SecureRandom();
        RoomPolicy strict = RoomPolicy.strictest();
        keeper = KeeperFixture.startWithPolicy(tmp, new RoomPolicy("Room 4", strict.export(), false, 10, false,
                strict.maxSessionMinutes(), SupervisorConfirmation.pin(PinHash.of(DemoRoom.PIN.toCharArray(), random)),
                List.of(Inspector.of("Ada Lovelace", PASSPHRASE.toCharArray(), random))));
        String id;
        try (KeeperClient client = keeper.client(); KeeperClient status = keeper.client()) {
            Answer.PolicyInfo policy = client.policy();
            assertTrue(policy.inspectors(), "the keeper says its policy names inspectors");
            assertTrue(new KeeperSessionService(client, status, policy).inspectorsNamed(), "the start dialog asks for the passphrase");

            assertThrows(KeeperException.class, () -> client.startSession("Ada Lovelace", "Office", null, keeper.bundle, DemoRoom.PIN));
            assertThrows(KeeperException.class, () -> client.startSession("Ada Lovelace", "Office", null, keeper.bundle, DemoRoom.PIN,
                    "difference engine 1822"));
            assertThrows(KeeperException.class, () -> client.startSession("Mallory", "Office", null, keeper.bundle, DemoRoom.PIN,
                    PASSPHRASE));
            id = client.startSession("ada lovelace", "Office", null, keeper.bundle, DemoRoom.PIN, PASSPHRASE).id();
            client.endSession();
        }
        keeper.stopKeeper();
        List<JsonNode> log = keeper.entries(id);
        JsonNode confirmed = log.stream().filter(e -> e.get("type").asText().equals("session.confirmed")).findFirst().orElseThrow();
        assertEquals("passphrase", confirmed.get("data").get("inspectorCheck").asText(), confirmed.toString());
        assertEquals("Ada Lovelace", log.get(0).get("actor").asText(), "the policy's spelling of the name is recorded");
        assertFalse(log.toString().contains(PASSPHRASE), "the passphrase is never logged");
        List<JsonNode> ledger = KeeperFixture.entries(keeper.homeDir, "ledger");
        assertEquals(3, ledger.stream().filter(e -> e.get("type").asText().equals("confirmation.failed")).count(),
                "each refused start is a ledger entry");
        assertFalse(ledger.toString().contains("difference engine"), "nor is a wrong one");
        assertFalse(ledger.toString().contains(PASSPHRASE), "nor the right one given with an unknown name");
        assertTrue(keeper.verify(id).isValid(), keeper.verify(id).describe());
    }
}
