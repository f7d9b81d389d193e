package airlock.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogStore;
import airlock.core.log.SessionLog;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.PolicySigner;
import airlock.core.policy.PolicyVerifier;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SignedPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.search.Searcher;
import airlock.core.session.ActiveSession;
import airlock.core.session.Confirmation;
import airlock.core.session.SessionManager;
import airlock.core.session.SessionRequest;
import airlock.core.trust.TrustStore;
import airlock.testutil.MemorySource;
import airlock.ui.Texts;
import airlock.ui.main.MainViewModel;
import airlock.ui.session.SessionContext;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import airlock.ui.task.UserFailure;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches in a session: each one is a log entry, and a search whose entry cannot be written is refused. */
class SearchLoggingTest {
    @TempDir
    Path dir;
    private final Texts texts = Texts.load(Locale.ROOT);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
    private final List<UserFailure> failures = new ArrayList<>();
    private final MainViewModel main = new MainViewModel(texts,
            new SameThreadTaskExecutor(failures::add, new FailureTranslator(texts)), clock, "WS-TEST-0001");
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final SessionContext session = new SessionContext();
    private final SearchViewModel model = new SearchViewModel(main, texts, new Searcher(pool), Runnable::run, session);
    private LogStore store;
    private ActiveSession active;

    @BeforeEach
    void openSession() throws AirlockException {
        store = LogStore.open(dir.resolve("airlock.db"));
        TrustStore trust = new TrustStore(AirlockHome.open(dir.resolve("home")));
        KeyPair admin = Ed25519.generate();
        trust.add(TrustPurpose.ROOM_ADMIN, admin.getPublic(), "admin");
        KeyPair workstation = Ed25519.generate();
        RoomPolicy policy = new RoomPolicy("Room 1", RoomPolicy.ExportRules.strictest(), false, 60, false, 600,
                SupervisorConfirmation.none());
        PolicySigner.Result signed = PolicySigner.sign(policy, admin.getPrivate());
        SignedPolicy verified = new PolicyVerifier(trust).verify(signed.bytes(), signed.signature()).policy().orElseThrow();
        SessionManager manager = new SessionManager(store, new WorkstationSigner("WS-TEST-0001", workstation.getPrivate(),
                workstation.getPublic()), trust, EffectivePolicy.of(verified), clock, 0);
        active = manager.start(new SessionRequest("s1", "Alice Inspector", "Federal Office", "B-17",
                "9f2c4a1b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615243a"), new Confirmation.None());
        session.open(active);
        main.openSource(new MemorySource()
                .put("src/a.c", "int key;\nint other;\nkey = 2;\n")
                .put("docs/b.md", "the key\n"));
    }

    @AfterEach
    void tearDown() throws AirlockException {
        pool.shutdownNow();
        store.close();
    }

    /** The value of a committed field of {@code entry}, after checking it opens the entry's commitment. */
    private Object disclosed(LogEntry entry, String field) throws AirlockException {
        String commitment = airlock.core.log.FieldCommitment.of(entry.data().get(field));
        assertTrue(commitment != null, field + " is committed");
        for (airlock.core.log.Disclosure d : airlock.core.log.Disclosures.list(store, "s1")) {
            if (d.entry() == entry.seq() && d.field().equals(field)) {
                assertEquals(commitment, java.util.HexFormat.of().formatHex(d.commitment()));
                return d.value();
            }
        }
        throw new AssertionError("no disclosure for " + field + " of entry " + entry.seq());
    }

    private List<LogEntry> searchEntries() throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(store, "s1", b -> out.add(codec.decode(b)));
        return out.stream().filter(e -> e.type() == EntryType.SEARCH_RUN).toList();
    }

    @Test
    void eachFinishedSearchIsAnEntryWithQueryOptionsScopeAndCounts() throws Exception {
        model.pathsProperty().set("src/** !*.md");
        model.languagesProperty().set("c");
        model.ignoreCaseProperty().set(true);
        model.queryProperty().set("KEY");
        model.search();
        assertEquals(2, model.hits().size(), "the .md file is outside the paths and languages");
        List<LogEntry> entries = searchEntries();
        assertEquals(1, entries.size());
        var data = entries.get(0).data();
        // the room keeps search strings (strictest export rules): query and path filters are committed, their values
        // in the room's disclosure table
        assertEquals(null, data.get("query") instanceof String ? data.get("query") : null, "no query in clear");
        assertEquals("KEY", disclosed(entries.get(0), "query"));
        assertEquals(List.of("src/**", "!*.md"), disclosed(entries.get(0), "paths"));
        assertEquals(true, data.get("ignoreCase"));
        assertEquals(false, data.get("regex"));
        assertEquals(List.of("c"), data.get("languages"));
        assertEquals(MemorySource.REF, data.get("ref"));
        assertEquals(2L, ((Number) data.get("linesMatched")).longValue());
        assertEquals(1L, ((Number) data.get("filesMatched")).longValue());
        assertEquals("Alice Inspector", entries.get(0).actor());
    }

    @Test
    void aSupersededSearchThatShowedResultsIsRecordedAsUnfinished() throws Exception {
        airlock.ui.task.UndeliveredTaskExecutor executor = new airlock.ui.task.UndeliveredTaskExecutor();
        MainViewModel slowMain = new MainViewModel(texts, executor, clock, "WS-TEST-0001");
        SearchViewModel slow = new SearchViewModel(slowMain, texts, new Searcher(pool), Runnable::run, session);
        slowMain.openSource(new MemorySource().put("src/a.c", "int key;\nkey = 2;\n"));
        slow.queryProperty().set("key");
        slow.search();
        assertEquals(2, slow.hits().size(), "results on screen, search not finished");
        slow.queryProperty().set("key =");
        slow.search();
        assertTrue(executor.cancelled() >= 1, "the first search was cancelled");
        List<LogEntry> entries = searchEntries();
        assertEquals(1, entries.size());
        assertEquals("key", disclosed(entries.get(0), "query"));
        assertEquals(false, entries.get(0).data().get("finished"));
        assertEquals(2L, ((Number) entries.get(0).data().get("linesShown")).longValue());
    }

    @Test
    void aSearchWhoseEntryCannotBeWrittenIsWithdrawnWithTheReason() throws Exception {
        store.close();
        model.queryProperty().set("key");
        model.search();
        assertTrue(model.hits().isEmpty(), "no result stays visible without its log entry");
        assertTrue(model.summaryProperty().get().startsWith("Search refused: "), model.summaryProperty().get());
        store = LogStore.open(dir.resolve("airlock.db"));
    }

    @Test
    void noSearchRunsWhileTheSessionIsNotActive() throws Exception {
        active.lockNow();
        model.queryProperty().set("key");
        model.search();
        assertTrue(model.hits().isEmpty());
        assertEquals(texts.format("search.refused", texts.format("search.refused.state", "locked")),
                model.summaryProperty().get());
        assertTrue(searchEntries().isEmpty());
    }

    @Test
    void aBadFilterIsReportedInThePanel() {
        model.languagesProperty().set("klingon");
        model.queryProperty().set("key");
        model.search();
        assertTrue(model.summaryProperty().get().contains("Unknown language 'klingon'"), model.summaryProperty().get());
    }
}
