package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.demo.DemoRoom;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperException;
import airlock.keeper.client.KeeperSourceTree;
import airlock.protocol.Answer;
import airlock.protocol.Errors;
import airlock.protocol.Limits;
import airlock.testutil.TestRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open and its first page in one exchange (issue 16, kfast: a 1 MB open within its goal): the
 * page request is sent before the open's answer is read, and the keeper, answering in order, still
 * reads no byte before the {@code file.opened} entry is committed, and none at all when the open is refused.
 */
class KeeperPipelineTest {
    private static final String MAIN = "refs/heads/main";
    @TempDir
    java.nio.file.Path tmp;
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
    void aPagePipelinedBehindItsOpenIsAnsweredAfterTheCommittedEntryAndEachReadOpensOnce() throws Exception {
        byte[] expected = Files.readAllBytes(tmp.resolve("repo").resolve(TestRepository.MAIN));
        String session;
        long openedEntry;
        try (KeeperClient client = keeper.client()) {
            session = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            KeeperClient.OpenedPage both = client.openAndPage(MAIN, TestRepository.MAIN, 0, Limits.MAX_PAGE_BYTES);
            openedEntry = both.opened().entry();
            assertEquals(expected.length, both.opened().size());
            assertArrayEquals(expected, both.page().bytes());
            assertTrue(both.page().end());
            // the whole file through read (open + page pipelined), and a part of it
            assertArrayEquals(expected, client.read(MAIN, TestRepository.MAIN, Long.MAX_VALUE));
            assertArrayEquals(Arrays.copyOf(expected, 10), client.read(MAIN, TestRepository.MAIN, 10));
            // the source tree opens once per session: the first read pipelines, the later ones only page
            KeeperSourceTree tree = new KeeperSourceTree(client, client.status().session());
            assertArrayEquals(Arrays.copyOfRange(expected, 5, 25), tree.readAt(MAIN, TestRepository.MAIN, 5, 20));
            assertArrayEquals(Arrays.copyOfRange(expected, 30, expected.length),
                    tree.readAt(MAIN, TestRepository.MAIN, 30, Long.MAX_VALUE));
            assertArrayEquals(new byte[0], tree.readAt(MAIN, TestRepository.MAIN, expected.length + 5, 10));
            client.endSession();
        }
        keeper.stopKeeper();
        List<JsonNode> entries = keeper.entries(session);
        JsonNode first = entries.get((int) openedEntry);
        assertEquals("file.opened", first.get("type").asText());
        long opens = entries.stream().filter(e -> e.get("type").asText().equals("file.opened")).count();
        // openAndPage, two reads, one tree (its first read) = 4 entries; the tree's later reads write none
        assertEquals(4, opens, "one file.opened per open asked, none for pages");
    }

    @Test
    void aRefusedOpenRefusesItsPipelinedPageAndTheConnectionGoesOnInOrder() throws Exception {
        try (KeeperClient client = keeper.client()) {
            // no session: both refused, no byte
            KeeperException none = assertThrows(KeeperException.class,
                    () -> client.openAndPage(MAIN, TestRepository.MAIN, 0, 100));
            assertEquals(Errors.NO_SESSION, none.code());
            Answer[] both = client.exchangeBoth(new airlock.protocol.Request.OpenFile(MAIN, TestRepository.MAIN),
                    new airlock.protocol.Request.ReadPage(MAIN, TestRepository.MAIN, 0, 100));
            assertTrue(both[0] instanceof Answer.Failure && both[1] instanceof Answer.Failure, Arrays.toString(both));

            client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN);
            // a file that is not there: the open is refused, and so is the page behind it (never opened)
            both = client.exchangeBoth(new airlock.protocol.Request.OpenFile(MAIN, "no/such.c"),
                    new airlock.protocol.Request.ReadPage(MAIN, "no/such.c", 0, 100));
            assertEquals("file.not.found", ((Answer.Failure) both[0]).code());
            assertEquals(Errors.NOT_OPENED, ((Answer.Failure) both[1]).code());
            KeeperException missing = assertThrows(KeeperException.class, () -> client.read(MAIN, "no/such.c", 100));
            assertEquals("file.not.found", missing.code());
            // the answers stayed paired with their requests: the next call gets its own answer
            assertEquals("active", client.status().state());
            assertEquals(1, client.read(MAIN, TestRepository.MAIN, 1).length);
            client.endSession();
        }
    }
}
