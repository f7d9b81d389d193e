package airlock.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleStore;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.SessionLog;
import airlock.core.policy.PolicyLoader;
import airlock.core.session.SessionManager;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.trust.TrustStore;
import airlock.testutil.MemorySource;
import airlock.ui.Texts;
import airlock.ui.code.CopyAttempt;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import airlock.ui.task.UserFailure;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session view model without a toolkit: start with the demo room's PIN, and the file-open gate. */
class SessionViewModelTest {
    static final String BUNDLE = "9f2c4a1b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615243a";
    private static final SourceEntry FILE = new SourceEntry("src/a.c", EntryKind.FILE, 12, "0123456789abcdef0123456789abcdef01234567");
    @TempDir
    Path dir;
    private final Texts texts = Texts.load(Locale.ROOT);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private final List<UserFailure> failures = new ArrayList<>();
    private final SessionContext context = new SessionContext();
    private WorkstationLogs logs;
    private SessionViewModel model;
    private MainViewModel main;

    @BeforeEach
    void setUp() throws AirlockException {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        var signer = WorkstationKey.loadOrCreate(home, "WS-TEST-0001");
        DemoRoom.install(home, new SecureRandom());
        logs = WorkstationLogs.open(home, signer, clock);
        TrustStore trust = new TrustStore(home);
        SessionManager manager = new SessionManager(logs, signer, trust, new PolicyLoader(home, trust).load(), clock, 0);
        main = new MainViewModel(texts, new SameThreadTaskExecutor(failures::add, new FailureTranslator(texts)), clock, "WS-TEST-0001");
        model = new SessionViewModel(texts, main, context, manager, null, new BundleStore(home), clock, "WS-TEST-0001");
    }

    @AfterEach
    void tearDown() throws AirlockException {
        logs.close();
    }

    private SessionViewModel.StartForm form(String pin) {
        return new SessionViewModel.StartForm("Alice Inspector", "Federal Office", "", BUNDLE, pin.toCharArray(), null, new char[0]);
    }

    private List<LogEntry> entries(String id) throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(logs.store(), id, b -> out.add(codec.decode(b)));
        return out;
    }

    @Test
    void fiveWrongPinsAreLedgerEntriesAndTheStartScreenSaysItIsLockedOut() throws AirlockException {
        List<SessionViewModel.StartOutcome> outcomes = new ArrayList<>();
        model.bundleOpened(BUNDLE);
        for (int i = 0; i < 5; i++) {
            model.start(form("000000"), outcomes::add);
            assertTrue(outcomes.get(i).problem().contains("PIN is wrong"), outcomes.get(i).problem());
        }
        model.start(form(DemoRoom.PIN), outcomes::add);
        assertNull(outcomes.get(5).session());
        assertTrue(outcomes.get(5).problem().contains("Too many wrong supervisor confirmations; try again after"),
                outcomes.get(5).problem());
        List<LogEntry> refused = entries(airlock.core.log.SessionHeader.LEDGER_SESSION).stream()
                .filter(e -> e.type() == airlock.core.log.EntryType.CONFIRMATION_FAILED).toList();
        assertEquals(5, refused.size());
        assertEquals("Alice Inspector", refused.get(4).data().get("inspector"));
        assertTrue(context.current().isEmpty());
    }

    @Test
    void withoutASessionNoFileOpens() {
        AirlockException e = assertThrows(AirlockException.class, () -> model.recordFileOpened(new MemorySource(), FILE));
        assertEquals("session.none", e.code());
    }

    /** Issue 16: the gate was skipped when sessions could not start (e.g. a log store that is not writable). */
    @Test
    void whenSessionsCannotStartNoFileAndNoLookupIsShown() {
        SessionViewModel broken = new SessionViewModel(texts, main, context, null, "the session database is read-only",
                null, clock, "WS-TEST-0001");
        AirlockException file = assertThrows(AirlockException.class, () -> broken.recordFileOpened(new MemorySource(), FILE));
        assertEquals("session.unavailable", file.code());
        assertTrue(file.getMessage().contains("the session database is read-only"), file.getMessage());
        AirlockException lookup = assertThrows(AirlockException.class,
                () -> broken.recordSymbolRead("references", "main", "refs/heads/main", 3));
        assertEquals("session.unavailable", lookup.code());
        AirlockException versions = assertThrows(AirlockException.class, () -> broken.recordVersionReads("k", List.of()));
        assertEquals("session.unavailable", versions.code());
    }

    @Test
    void theDemoPinStartsASessionAndAWrongOneSaysWhy() {
        List<SessionViewModel.StartOutcome> outcomes = new ArrayList<>();
        model.bundleOpened(BUNDLE);
        char[] wrong = "000000".toCharArray();
        model.start(new SessionViewModel.StartForm("Alice", "Office", null, BUNDLE, wrong, null, null), outcomes::add);
        assertNull(outcomes.get(0).session());
        assertTrue(outcomes.get(0).problem().contains("PIN is wrong"), outcomes.get(0).problem());
        assertEquals("\0\0\0\0\0\0", new String(wrong), "the typed PIN is cleared after use");
        assertTrue(context.current().isEmpty());

        model.start(form(DemoRoom.PIN), outcomes::add);
        assertNotNull(outcomes.get(1).session(), outcomes.get(1).problem());
        assertTrue(context.current().isPresent());
        assertTrue(outcomes.get(1).session().id().startsWith("S-20261128-100000-WS-TEST-0001"));
        assertTrue(main.sessionTextProperty().get().startsWith("S-20261128-100000"), main.sessionTextProperty().get());
        assertTrue(model.watermarkProperty().get().contains("Alice Inspector"));
        assertEquals(List.of(), failures);
    }

    @Test
    void aFileOpenedInASessionIsRecordedWithPathAndBlobBeforeItIsShown() throws Exception {
        model.bundleOpened(BUNDLE);
        model.start(form(DemoRoom.PIN), outcome -> { });
        String id = context.current().orElseThrow().id();
        model.recordFileOpened(new MemorySource(), FILE);
        LogEntry last = entries(id).get(entries(id).size() - 1);
        assertEquals(EntryType.FILE_OPENED, last.type());
        assertEquals("src/a.c", last.data().get("path"));
        assertEquals(FILE.blobId(), last.data().get("blob"));
        assertEquals(MemorySource.REF, last.data().get("ref"));

        model.copyRefused(new CopyAttempt("src/a.c", CopyAttempt.Kind.CUT, 40));
        LogEntry refused = entries(id).get(entries(id).size() - 1);
        assertEquals(EntryType.COPY_REFUSED, refused.type());
        assertEquals("cut", refused.data().get("kind"));
        assertEquals("code", refused.data().get("view"));
    }

    @Test
    void aFileOfAnotherBundleIsNotRecordedAsThisSessionsFile() throws Exception {
        model.bundleOpened(BUNDLE);
        model.start(form(DemoRoom.PIN), outcome -> { });
        model.bundleOpened("a".repeat(64));
        AirlockException e = assertThrows(AirlockException.class, () -> model.recordFileOpened(new MemorySource(), FILE));
        assertEquals("session.bundle.other", e.code());
    }

    @Test
    void aLockedSessionOpensNothing() throws Exception {
        model.bundleOpened(BUNDLE);
        model.start(form(DemoRoom.PIN), outcome -> { });
        model.lockNow();
        AirlockException e = assertThrows(AirlockException.class, () -> model.recordFileOpened(new MemorySource(), FILE));
        assertEquals("session.locked", e.code());
        model.unlock();
        model.recordFileOpened(new MemorySource(), FILE);
        String id = context.current().orElseThrow().id();
        List<EntryType> types = entries(id).stream().map(LogEntry::type).toList();
        assertTrue(types.containsAll(List.of(EntryType.SESSION_LOCKED, EntryType.SESSION_UNLOCKED, EntryType.FILE_OPENED)), types.toString());
    }

    @Test
    void endingWritesTheEndEntryAndHandsTheEndingToTheSupervisorFlow() throws Exception {
        model.bundleOpened(BUNDLE);
        model.start(form(DemoRoom.PIN), outcome -> { });
        String id = context.current().orElseThrow().id();
        model.recordFileOpened(new MemorySource(), FILE);
        List<airlock.core.session.ReviewSession.Ended> endings = new ArrayList<>();
        model.end(endings::add);
        assertEquals(1, endings.get(0).local().summary().filesOpened());
        assertEquals(1, endings.get(0).filesOpened());
        assertTrue(context.current().isEmpty());
        assertEquals(endings.get(0).local(), context.lastEndingProperty().get());
        assertEquals(EntryType.SESSION_END, entries(id).get(entries(id).size() - 1).type());
        assertEquals("No session", main.sessionTextProperty().get());
    }
}
