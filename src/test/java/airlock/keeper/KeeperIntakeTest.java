package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.bundle.BundleFiles;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoProject;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.log.SessionHeader;
import airlock.core.progress.ProgressMonitor;
import airlock.core.search.SearchIndex;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperException;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import airlock.testutil.TestRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's keeper-side ops through the real socket: the keeper builds its own indexes (at start and
 * after an intake it was asked for), intake reads the stick folder it is named and records the
 * verdict in the ledger, the idle lock is lifted only with the policy's credential, and the PIN
 * lockout survives a restart of the keeper.
 */
class KeeperIntakeTest {
    private static final String MAIN = "refs/heads/main";
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

    /** Polls indexes.status until {@code bundle} is ready (the build runs on the keeper's own thread). */
    private static Answer.IndexInfo awaitIndexes(KeeperClient client, String bundle) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            for (Answer.IndexInfo i : client.call(new Request.IndexStatus(), Answer.Indexes.class).indexes()) {
                if (i.bundle().equals(bundle) && (i.state().equals("ready") || i.state().equals("failed"))) {
                    return i;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the keeper did not finish indexing " + bundle);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void theKeeperBuildsTheSearchIndexOfABundleItHoldsAndTheSessionUsesIt() throws Exception {
        Path searchRoot = keeper.homeDir.resolve("db").resolve("search");
        try (KeeperClient client = keeper.client()) {
            Answer.IndexInfo state = awaitIndexes(client, keeper.bundle);
            assertEquals("ready", state.state(), state.message());
            try (var folders = Files.list(searchRoot)) {
                assertTrue(folders.anyMatch(SearchIndex::exists), "a search index in the keeper's home, built by the keeper");
            }
            client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN);
            Answer.SearchResults r = client.search(new Request.Search("hello", false, false, false, List.of(), List.of(),
                    List.of(), null, 10));
            r = client.searchPage(r.search(), 0, 500); // the finished search: its coverage is final
            assertTrue(r.finished());
            assertEquals("indexed", r.coverage(), "answered from the keeper's own index");
            assertTrue(r.total() > 0);
            client.endSession();
        }
    }

    @Test
    void intakeThroughTheProtocolVerifiesRecordsImportsAndIndexes() throws Exception {
        // a fresh keeper home with nothing imported, and a bundle folder on a "stick" the keeper's account can read
        keeper.stopKeeper();
        Path repo = TestRepository.create(tmp.resolve("repo2"));
        Path homeDir = tmp.resolve("home2").toAbsolutePath();
        AirlockHome home = AirlockHome.open(homeDir);
        DemoRoom.install(home, new java.security.SecureRandom());
        BundleFiles stick = new DemoMedia(new DemoProject(repo, tmp.resolve("stick")), keeper.clock).prepare(home, ProgressMonitor.NONE);
        assertEquals(0, new airlock.core.bundle.BundleStore(home).list().size());
        Path socket = keeper.socket.resolveSibling("second.sock");
        String imported;
        try (Keeper second = Keeper.open(homeDir, KeeperFixture.USER, keeper.clock)) {
            second.listen(socket, PeerPolicy.only(KeeperFixture.USER));
            try (KeeperClient client = KeeperClient.connect(socket, "test-workstation")) {
            KeeperException missing = assertThrows(KeeperException.class,
                    () -> client.call(new Request.ImportBundle(tmp.resolve("nothing-here").toString()), Answer.BundleImported.class));
            assertEquals("bundle.not.found", missing.code());

            Answer.BundleImported answer = client.call(new Request.ImportBundle(stick.folder().toString()), Answer.BundleImported.class);
            imported = answer.bundle();
            assertTrue(Files.isDirectory(homeDir.resolve("store").resolve(imported)), "imported into the keeper's store");
            assertTrue(client.bundles().stream().anyMatch(b -> b.id().equals(imported)));
            assertEquals("ready", awaitIndexes(client, imported).state());
            // the quote index (issue 18) is built at intake with the room policy's rules: the seal screen only reads it
            var rules = new airlock.core.policy.PolicyLoader(home, new airlock.core.trust.TrustStore(home)).load().policy().quotes();
            Path quotes = airlock.core.quote.QuoteIndexFile.path(home.databases(), imported, rules);
            String reviewRef = new airlock.core.bundle.BundleStore(home).get(imported).manifest().reviewRef();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos(); // built right after the search and symbol indexes
            var read = airlock.core.quote.QuoteIndexFile.read(quotes, imported + " " + reviewRef, rules, id -> "");
            while (read.index() == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
                read = airlock.core.quote.QuoteIndexFile.read(quotes, imported + " " + reviewRef, rules, id -> "");
            }
            assertTrue(read.index() != null && read.index().files() > 0, "quote index at intake: " + read.refused());
            assertTrue(client.call(new Request.ImportBundle(stick.folder().toString()), Answer.BundleImported.class).already());

            // a tampered copy is refused, with the reason, and nothing is imported
            Path bad = tmp.resolve("bad");
            copy(stick.folder(), bad);
            Path manifest = new BundleFiles(bad).manifest();
            byte[] bytes = Files.readAllBytes(manifest);
            bytes[bytes.length / 2] ^= 1;
            Files.write(manifest, bytes);
            KeeperException refused = assertThrows(KeeperException.class,
                    () -> client.call(new Request.ImportBundle(bad.toString()), Answer.BundleImported.class));
            assertEquals("bundle.refused", refused.code());
            assertEquals(1, client.bundles().size());
            }
        }
        List<JsonNode> ledger = KeeperFixture.entries(homeDir, SessionHeader.LEDGER_SESSION);
        List<String> verdicts = ledger.stream().filter(e -> e.get("type").asText().equals("bundle.verified"))
                .map(e -> e.get("data").get("verdict").asText()).toList();
        assertEquals(List.of("accepted", "accepted", "refused"), verdicts);
        assertTrue(ledger.stream().anyMatch(e -> e.get("type").asText().equals("bundle.imported")
                && e.get("data").get("bundle").asText().equals(imported)));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void theIdleLockIsLiftedOnlyWithTheRoomPinAndAWrongOneIsALedgerEntry() throws Exception {
        String session;
        try (KeeperClient client = keeper.client()) {
            session = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            assertEquals("locked", client.call(new Request.LockSession(), Answer.Status.class).state());
            KeeperException read = assertThrows(KeeperException.class, () -> client.open(MAIN, TestRepository.MAIN));
            assertEquals("session.locked", read.code());
            KeeperException none = assertThrows(KeeperException.class,
                    () -> client.call(new Request.UnlockSession(null), Answer.Status.class));
            assertEquals("session.confirmation.refused", none.code());
            KeeperException wrong = assertThrows(KeeperException.class,
                    () -> client.call(new Request.UnlockSession("000000"), Answer.Status.class));
            assertEquals("session.confirmation.refused", wrong.code());
            assertEquals("locked", client.status().state());
            assertEquals("active", client.call(new Request.UnlockSession(DemoRoom.PIN), Answer.Status.class).state());
            client.open(MAIN, TestRepository.MAIN);

            // idle: the policy's idle lock, then the same credential
            keeper.clock.advance(Duration.ofHours(2));
            assertTrue(List.of("locked", "expired").contains(client.status().state()));
        }
        keeper.stopKeeper();
        List<JsonNode> entries = keeper.entries(session);
        JsonNode unlocked = entries.stream().filter(e -> e.get("type").asText().equals("session.unlocked")).findFirst().orElseThrow();
        assertEquals("supervisor", unlocked.get("actor").asText(), "the room PIN is the supervisor's credential");
        long failed = keeper.entries(SessionHeader.LEDGER_SESSION).stream()
                .filter(e -> e.get("type").asText().equals("confirmation.failed")
                        && e.get("data").get("action").asText().equals("session.unlock")
                        && e.get("data").get("session").asText().equals(session)).count();
        assertEquals(2, failed, "both refused unlocks are in the ledger");
    }

    @Test
    void thePinLockoutSurvivesARestartOfTheKeeper() throws Exception {
        try (KeeperClient client = keeper.client()) {
            for (int i = 0; i < 5; i++) {
                KeeperException e = assertThrows(KeeperException.class,
                        () -> client.startSession("Mallory", "Office", null, keeper.bundle, "111111"));
                assertEquals("session.confirmation.refused", e.code());
            }
            KeeperException locked = assertThrows(KeeperException.class,
                    () -> client.startSession("Mallory", "Office", null, keeper.bundle, DemoRoom.PIN));
            assertEquals("session.confirmation.lockout", locked.code(), "even the right PIN waits");
        }
        keeper.stopKeeper();
        keeper.startKeeper();
        try (KeeperClient client = keeper.client()) {
            KeeperException locked = assertThrows(KeeperException.class,
                    () -> client.startSession("Mallory", "Office", null, keeper.bundle, DemoRoom.PIN));
            assertEquals("session.confirmation.lockout", locked.code(), "a restart does not clear the lockout");
            keeper.clock.advance(Duration.ofMinutes(1)); // past the first back-off (30 s)
            assertEquals("Mallory", client.startSession("Mallory", "Office", null, keeper.bundle, DemoRoom.PIN).inspector());
        }
    }
}
