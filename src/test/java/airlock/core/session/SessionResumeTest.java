package airlock.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.MutableClock;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogStore;
import airlock.core.log.SessionLog;
import airlock.core.log.SqlAction;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.PolicySigner;
import airlock.core.policy.PolicyVerifier;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.trust.TrustStore;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session left open when the workstation stops continues at the next start, with a recovery entry. */
class SessionResumeTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private AirlockHome home;
    private TrustStore trust;
    private WorkstationSigner signer;
    private EffectivePolicy policy;

    @BeforeEach
    void setUp() throws AirlockException {
        home = AirlockHome.open(dir.resolve("home"));
        trust = new TrustStore(home);
        KeyPair admin = Ed25519.generate();
        trust.add(TrustPurpose.ROOM_ADMIN, admin.getPublic(), "admin");
        signer = WorkstationKey.loadOrCreate(home, "WS-TEST-0001");
        RoomPolicy p = new RoomPolicy("Room", RoomPolicy.ExportRules.strictest(), false, 10, false, 240, SupervisorConfirmation.none());
        PolicySigner.Result r = PolicySigner.sign(p, admin.getPrivate());
        policy = EffectivePolicy.of(new PolicyVerifier(trust).verify(r.bytes(), r.signature()).policy().orElseThrow());
    }

    private Path db() {
        return home.databases().resolve(WorkstationLogs.DATABASE);
    }

    private ActiveSession startAndOpenOneFile(LogStore store) throws AirlockException {
        SessionManager m = new SessionManager(store, signer, trust, policy, clock, 0);
        ActiveSession s = m.start(new SessionRequest("S-1", "Alice", "Office", null, SessionManagerTest.BUNDLE), new Confirmation.None());
        s.record(EntryType.FILE_OPENED, Map.of("path", "src/a.c", "blob", "ab12"), SqlAction.NONE);
        return s;
    }

    private List<LogEntry> entries(LogStore store) throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(store, "S-1", b -> out.add(codec.decode(b)));
        return out;
    }

    @Test
    void aCleanlyClosedAppResumesTheSessionWithARecoveryEntry() throws Exception {
        try (LogStore store = LogStore.open(db())) {
            startAndOpenOneFile(store);
        }
        clock.advance(Duration.ofHours(1));
        try (LogStore store = LogStore.open(db())) {
            SessionManager m = new SessionManager(store, signer, trust, policy, clock, 0);
            assertEquals("S-1", m.openSession().orElseThrow());
            ActiveSession resumed = m.resume("S-1");
            assertEquals(SessionState.ACTIVE, resumed.state(), "idle time counts from the resume, not the start");
            assertEquals(Instant.parse("2026-03-02T09:00:00Z"), resumed.started());
            assertEquals(SessionManagerTest.BUNDLE, resumed.bundleManifestSha256());
            List<LogEntry> log = entries(store);
            LogEntry last = log.get(log.size() - 1);
            assertEquals(EntryType.RECOVERY, last.type());
            assertTrue(((String) last.data().get("reason")).contains("closed with the session open"), last.data().toString());
            assertEquals(log.size(), resumed.entryCount());
            assertEquals(java.util.HexFormat.of().formatHex(last.hash()), resumed.chainHead());
            resumed.record(EntryType.FILE_OPENED, Map.of("path", "src/b.c", "blob", "cd34"), SqlAction.NONE);
        }
    }

    @Test
    void anUncleanStopGetsExactlyOneRecoveryEntry() throws Exception {
        LogStore crashed = LogStore.open(db());
        startAndOpenOneFile(crashed);
        // no close(): the running marker stays set, as after a kill
        try (LogStore store = LogStore.open(db())) {
            SessionManager m = new SessionManager(store, signer, trust, policy, clock, 0);
            m.resume("S-1");
            List<LogEntry> log = entries(store);
            assertEquals(1, log.stream().filter(e -> e.type() == EntryType.RECOVERY).count());
            assertTrue(((String) log.get(log.size() - 1).data().get("reason")).contains("did not stop cleanly"));
        }
    }

    @Test
    void aToolRunAfterACrashDoesNotTurnItIntoACleanStop() throws Exception {
        LogStore crashed = LogStore.open(db());
        startAndOpenOneFile(crashed);
        // killed; then a supervisor runs 'log seal' for another session, which opens and cleanly closes the store
        try (WorkstationLogs tool = WorkstationLogs.open(home, signer, clock)) {
            org.junit.jupiter.api.Assertions.assertNull(tool.rollbackProblem());
        }
        try (LogStore store = LogStore.open(db())) {
            SessionManager m = new SessionManager(store, signer, trust, policy, clock, 0);
            m.resume("S-1");
            List<LogEntry> log = entries(store);
            List<LogEntry> recoveries = log.stream().filter(e -> e.type() == EntryType.RECOVERY).toList();
            assertEquals(1, recoveries.size(), recoveries.toString());
            assertTrue(((String) recoveries.get(0).data().get("reason")).contains("did not stop cleanly"),
                    "the entry says what happened (a crash), not 'closed with the session open': " + recoveries.get(0).data());
        }
    }

    @Test
    void anEndedSessionIsNotOpen() throws Exception {
        try (LogStore store = LogStore.open(db())) {
            ActiveSession s = startAndOpenOneFile(store);
            s.end("Alice", 10);
            assertTrue(new SessionManager(store, signer, trust, policy, clock, 0).openSession().isEmpty());
        }
    }
}
