package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.demo.DemoRoom;
import airlock.core.session.WorkstationLogs;
import airlock.keeper.client.KeeperClient;
import airlock.protocol.Answer;
import airlock.protocol.Errors;
import airlock.protocol.Request;
import airlock.testutil.TestRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keeper reads a search's hits and a lookup's lines while the entry that records the read is being
 * made durable (issue 16, kbench), and still answers them only after that entry is committed: when the
 * commit fails (here: another program holds the log database's write lock past the keeper's 5 s busy
 * wait, the "close other programs using the workstation database" case), the client gets the error and
 * no line of code, the search is not pageable, nothing is recorded, and once the lock is gone the same
 * reads are answered after their entries and the log verifies.
 */
class KeeperEntryBeforeAnswerTest {
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
    void aFailedCommitGivesTheErrorAndNoCodeThoughTheAnswerWasReadMeanwhile() throws Exception {
        Request.Search search = new Request.Search("VALUE_", false, false, false, List.of(), List.of(), List.of(), MAIN, 10);
        String session;
        try (KeeperClient client = keeper.client()) {
            session = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            Answer[] refused;
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:"
                    + keeper.homeDir.resolve("db").resolve(WorkstationLogs.DATABASE));
                 Statement lock = other.createStatement()) {
                lock.execute("BEGIN IMMEDIATE"); // the write lock: the keeper's commit of the entry cannot happen
                refused = new Answer[] {
                    client.exchange(search),
                    client.exchange(new Request.Definitions("Hello", 10)),
                    client.exchange(new Request.References("println", 0, 10)),
                };
                lock.execute("ROLLBACK");
            }
            for (Answer a : refused) {
                Answer.Failure f = assertInstanceOf(Answer.Failure.class, a, "no answer but the failure: " + a);
                assertEquals("log.append.failed", f.code(), f.message());
                assertFalse(f.message().contains("VALUE_") || f.message().contains("class Hello") || f.message().contains("hello\")"), "no code in the error: " + f.message());
            }
            // the search whose entry failed was stopped and dropped: no page of it, ever
            Answer page = client.exchange(new Request.SearchPage(1, 0, 10));
            assertEquals(Errors.UNKNOWN_SEARCH, assertInstanceOf(Answer.Failure.class, page, String.valueOf(page)).code());

            // the store is free again: the same reads are answered, each after its own committed entry
            Answer.SearchResults found = client.search(search);
            assertEquals(10, found.hits().size());
            Answer.SearchResults all = client.searchPage(found.search(), 0, 500);
            assertTrue(all.finished());
            assertEquals(60, all.hits().size());
            Answer.Definitions defs = client.definitions("Hello", 10);
            assertTrue(defs.definitions().get(0).text().contains("class Hello"), defs.definitions().get(0).text());
            Answer.References refs = client.references("println", 0, 10);
            assertFalse(refs.references().isEmpty());
            assertTrue(refs.references().get(0).text().contains("println(\"hello\")"), refs.references().get(0).text());
            client.endSession();
            keeper.stopKeeper();
            List<JsonNode> entries = keeper.entries(session);
            assertEquals("search.run", entries.get((int) found.entry()).get("type").asText());
            assertEquals("search.run", entries.get((int) defs.entry()).get("type").asText());
            assertEquals("search.run", entries.get((int) refs.entry()).get("type").asText());
            assertEquals(3, entries.stream().filter(e -> e.get("type").asText().equals("search.run")).count(),
                    "only the three answered reads are recorded; the refused ones left no entry");
            assertTrue(found.entry() < defs.entry() && defs.entry() < refs.entry());
        }
        assertTrue(keeper.verify(session).isValid(), "the log verifies");
    }

    @Test
    void lookupsAnswerTheirLinesAfterTheirEntriesAndNameThem() throws Exception {
        try (KeeperClient client = keeper.client()) {
            client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN);
            long before = client.status().entries();
            Answer.Definitions first = client.definitions("Hello", 10);
            Answer.Definitions again = client.definitions("Hello", 10);
            // each lookup its own entry, in order; the index state is the same when it is remembered
            assertEquals(first.definitions(), again.definitions());
            assertEquals(first.index(), again.index());
            assertEquals("complete", again.index());
            assertTrue(first.entry() >= before && again.entry() == first.entry() + 1, first.entry() + " " + again.entry());
            Answer.Callers callers = client.callers("println", 10);
            assertTrue(callers.callers().stream().anyMatch(c -> c.text().contains("println")));
            assertEquals(again.entry() + 1, callers.entry());
            // a file the tree does not hold gives an empty line, not a failure
            assertTrue(client.definitions("NoSuchNameAnywhere", 10).definitions().isEmpty());
            assertEquals(TestRepository.MAIN, first.definitions().get(0).path());
            client.endSession();
        }
    }
}
