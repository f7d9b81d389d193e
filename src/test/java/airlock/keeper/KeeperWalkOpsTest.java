package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.demo.DemoRoom;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.session.SessionService;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperException;
import airlock.keeper.client.KeeperSessionService;
import airlock.keeper.client.KeeperSymbols;
import airlock.core.symbols.Definition;
import airlock.core.symbols.SymbolMatch;
import airlock.protocol.Errors;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import airlock.protocol.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 (k4walk): the start dialog learns the keeper's policy through the {@code policy} op
 * instead of always offering the PIN field (the op needs no session and writes nothing); go to symbol
 * through {@code symbols.search} is one logged read, and only inside a session.
 */
class KeeperWalkOpsTest {
    @TempDir
    Path tmp;
    private KeeperFixture keeper;

    @BeforeEach
    void start() throws Exception {
        keeper = KeeperFixture.start(tmp);
    }

    @AfterEach
    void stop() {
        keeper.close();
    }

    @Test
    void theKeeperTellsItsPolicysNameAndModeWithoutASessionAndTheDialogOffersThatMode() throws Exception {
        try (KeeperClient client = keeper.client(); KeeperClient status = keeper.client()) {
            Answer.PolicyInfo policy = client.policy();
            assertEquals(new Answer.PolicyInfo(DemoRoom.NAME, "pin"), policy);
            assertEquals("none", client.status().state(), "asking opened no session");
            SessionService service = new KeeperSessionService(client, status, policy);
            assertEquals(SupervisorConfirmation.Mode.PIN, service.confirmationMode());
            assertEquals(DemoRoom.NAME, service.policyName());
            // asked again inside a session: the same, and nothing is logged for it
            String id = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            long before = client.status().entries();
            assertEquals(policy, client.policy());
            assertEquals(before, client.status().entries());
            client.endSession();
            assertTrue(keeper.verify(id).isValid());
        }
    }

    @Test
    void goToSymbolIsOneLoggedReadInsideASessionAndTheListedNamesCostNoSecondRead() throws Exception {
        try (KeeperClient client = keeper.client()) {
            KeeperException outside = assertThrows(KeeperException.class, () -> client.searchSymbols("Hello", 10));
            assertEquals(Errors.NO_SESSION, outside.code(), "no code without a session");
            String id = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            KeeperSymbols symbols = new KeeperSymbols(client);
            long before = client.status().entries();
            List<SymbolMatch> found = symbols.searchSymbols("Helo", 10);
            assertTrue(found.stream().anyMatch(m -> m.name().equals("Hello")), found.toString());
            assertEquals(before + 1, client.status().entries(), "one entry for the search");
            List<Definition> hello = symbols.definitions("Hello");
            assertTrue(hello.stream().anyMatch(d -> d.signature().contains("class Hello")), hello.toString());
            assertEquals(before + 1, client.status().entries(), "the listed name's definitions came with the search");
            symbols.definitions("Hello");
            assertEquals(before + 2, client.status().entries(), "asked again later: a read of its own");
            assertEquals(List.of(), symbols.searchSymbols("a\u202eb", 10), "a query the protocol cannot carry matches nothing");
            assertEquals(before + 2, client.status().entries(), "and sends nothing");
            client.endSession();
            keeper.stopKeeper();
            JsonNode run = keeper.entries(id).stream().filter(e -> e.get("type").asText().equals("search.run")
                    && e.get("data").get("kind").asText().equals("symbols")).findFirst().orElseThrow();
            JsonNode query = run.get("data").get("query");
            assertTrue(query.isTextual() ? query.asText().equals("Helo") : query.has("commitment"),
                    "the query, in clear or committed as the policy says: " + query);
            assertTrue(run.get("data").get("linesMatched").asLong() >= 1);
            assertTrue(keeper.verify(id).isValid());
        }
    }

    @Test
    void aPolicyNameIsShownEscapedAndEachModeMapsToTheDialogsMode() throws Exception {
        try (KeeperClient client = keeper.client()) {
            assertEquals("Room \u27e8U+202E\u27e9 4", new KeeperSessionService(client, client,
                    new Answer.PolicyInfo("Room \u202e 4", "pin")).policyName());
            assertEquals(SupervisorConfirmation.Mode.NONE, new KeeperSessionService(client, client,
                    new Answer.PolicyInfo("r", "none")).confirmationMode());
            assertEquals(SupervisorConfirmation.Mode.KEY, new KeeperSessionService(client, client,
                    new Answer.PolicyInfo("r", "key")).confirmationMode());
        }
    }
}
