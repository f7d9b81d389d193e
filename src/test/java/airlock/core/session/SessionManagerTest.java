package airlock.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.MutableClock;

import airlock.core.AirlockException;
import airlock.core.annotate.Severity;
import airlock.core.crypto.Base64Strict;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogExport;
import airlock.core.log.LogStore;
import airlock.core.log.LogVerification;
import airlock.core.log.LogVerifier;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SessionLog;
import airlock.core.log.SqlAction;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.PinHash;
import airlock.core.policy.PolicySigner;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SignedPolicy;
import airlock.core.policy.PolicyVerifier;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.progress.ProgressMonitor;
import airlock.core.trust.TrustStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionManagerTest {
    static final String BUNDLE = "9f2c4a1b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615243a";
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final KeyPair workstation = Ed25519.generate();
    private final KeyPair supervisor = Ed25519.generate();
    private final KeyPair admin = Ed25519.generate();
    private LogStore store;
    private TrustStore trust;
    private WorkstationSigner signer;

    @BeforeEach
    void open() throws AirlockException {
        store = LogStore.open(dir.resolve("airlock.db"));
        trust = new TrustStore(AirlockHome.open(dir.resolve("home")));
        trust.add(TrustPurpose.SUPERVISOR, supervisor.getPublic(), "Sam Supervisor");
        trust.add(TrustPurpose.ROOM_ADMIN, admin.getPublic(), "admin");
        signer = new WorkstationSigner("ws-room1", workstation.getPrivate(), workstation.getPublic());
    }

    @AfterEach
    void close() throws AirlockException {
        store.close();
    }

    private EffectivePolicy signedPolicy(int idle, int max, SupervisorConfirmation confirmation) throws AirlockException {
        RoomPolicy p = new RoomPolicy("Room 1", RoomPolicy.ExportRules.strictest(), false, idle, false, max, confirmation);
        PolicySigner.Result r = PolicySigner.sign(p, admin.getPrivate());
        SignedPolicy signed = new PolicyVerifier(trust).verify(r.bytes(), r.signature()).policy().orElseThrow();
        return EffectivePolicy.of(signed);
    }

    private SessionManager manager(EffectivePolicy policy) {
        return new SessionManager(store, signer, trust, policy, clock, 0);
    }

    private static SessionRequest request(String id) {
        return new SessionRequest(id, "Alice Inspector", "Federal Office", "B-17", BUNDLE);
    }

    private List<LogEntry> entries(String id) throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(store, id, b -> out.add(codec.decode(b)));
        return out;
    }

    @Test
    void theStrictestDefaultNeedsAPinnedSupervisorKeyAndRecordsItsSignedStatement() throws Exception {
        SessionManager m = manager(EffectivePolicy.strictestDefault());
        AirlockException none = assertThrows(AirlockException.class, () -> m.start(request("s1"), new Confirmation.None()));
        assertEquals("session.confirmation.refused", none.code());
        assertTrue(none.getMessage().contains("supervisor to confirm with their key"), none.getMessage());
        KeyPair stranger = Ed25519.generate();
        AirlockException unknown = assertThrows(AirlockException.class,
                () -> m.start(request("s1"), new Confirmation.SupervisorKey(stranger.getPrivate())));
        assertTrue(unknown.getMessage().contains("not pinned as a supervisor key"), unknown.getMessage());
        assertTrue(store.logIds().isEmpty(), "nothing is written before the confirmation holds");

        ActiveSession s = m.start(request("s1"), new Confirmation.SupervisorKey(supervisor.getPrivate()));
        List<LogEntry> log = entries("s1");
        assertEquals(EffectivePolicy.strictestDefault().sha256(), log.get(0).data().get("policySha256"));
        LogEntry confirmed = log.get(1);
        assertEquals(EntryType.SESSION_CONFIRMED, confirmed.type());
        assertEquals("Federal Office", confirmed.data().get("organisation"));
        assertEquals("B-17", confirmed.data().get("badge"));
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) confirmed.data().get("confirmation");
        byte[] statement = ((String) c.get("statement")).getBytes(StandardCharsets.UTF_8);
        assertTrue(Ed25519.verify(supervisor.getPublic(), statement, Base64Strict.decode((String) c.get("signature"))).isValid());
        assertTrue(((String) c.get("statement")).contains("\"type\":\"airlock-session-start/1\""));
        assertEquals(SessionState.ACTIVE, s.state());
    }

    @Test
    void aRoomPinConfirmsAndWrongPinsLockTheStartScreenOut() throws Exception {
        PinHash pin = PinHash.of("482913".toCharArray(), new SecureRandom());
        SessionManager m = manager(signedPolicy(10, 60, SupervisorConfirmation.pin(pin)));
        for (int i = 0; i < SessionManager.MAX_FAILED_CONFIRMATIONS; i++) {
            AirlockException e = assertThrows(AirlockException.class,
                    () -> m.start(request("s1"), new Confirmation.RoomPin("000000".toCharArray())));
            assertTrue(e.getMessage().contains("PIN is wrong"), e.getMessage());
        }
        AirlockException locked = assertThrows(AirlockException.class,
                () -> m.start(request("s1"), new Confirmation.RoomPin("482913".toCharArray())));
        assertEquals("session.confirmation.lockout", locked.code());
        clock.advance(SessionManager.FIRST_BACKOFF);
        m.start(request("s1"), new Confirmation.RoomPin("482913".toCharArray()));
        assertEquals("pin", ((Map<?, ?>) entries("s1").get(1).data().get("confirmation")).get("mode"));
    }

    @Test
    void oneSessionAtATime() throws Exception {
        SessionManager m = manager(signedPolicy(10, 60, SupervisorConfirmation.none()));
        ActiveSession first = m.start(request("s1"), new Confirmation.None());
        AirlockException e = assertThrows(AirlockException.class, () -> m.start(request("s2"), new Confirmation.None()));
        assertEquals("session.already.open", e.code());
        assertTrue(e.getMessage().contains("'s1'"), e.getMessage());
        first.end("Alice Inspector", 0);
        m.start(request("s2"), new Confirmation.None());
    }

    @Test
    void theIdleLockIsLoggedAndRefusesActionsUntilUnlocked() throws Exception {
        ActiveSession s = manager(signedPolicy(10, 600, SupervisorConfirmation.none())).start(request("s1"), new Confirmation.None());
        clock.advance(Duration.ofMinutes(9));
        s.record(EntryType.FILE_OPENED, Map.of("path", "src/a.c"), SqlAction.NONE);
        clock.advance(Duration.ofMinutes(9));
        assertEquals(SessionState.ACTIVE, s.state(), "activity resets the idle timer");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(SessionState.LOCKED, s.state());
        AirlockException e = assertThrows(AirlockException.class,
                () -> s.record(EntryType.FILE_OPENED, Map.of("path", "src/b.c"), SqlAction.NONE));
        assertEquals("session.locked", e.code());
        s.recordRefusal(EntryType.COPY_REFUSED, Map.of("path", "src/a.c"));
        clock.advance(Duration.ofMinutes(30));
        s.unlock("Alice Inspector");
        assertEquals(SessionState.ACTIVE, s.state());
        s.record(EntryType.FILE_OPENED, Map.of("path", "src/b.c"), SqlAction.NONE);
        List<EntryType> types = entries("s1").stream().map(LogEntry::type).toList();
        assertEquals(List.of(EntryType.SESSION_START, EntryType.SESSION_CONFIRMED, EntryType.FILE_OPENED, EntryType.SESSION_LOCKED,
                EntryType.COPY_REFUSED, EntryType.SESSION_UNLOCKED, EntryType.FILE_OPENED), types);
        LogEntry unlocked = entries("s1").get(5);
        assertEquals(1800L, unlocked.data().get("lockedSeconds"));
    }

    @Test
    void pastTheMaximumLengthOnlyEndingIsAllowed() throws Exception {
        ActiveSession s = manager(signedPolicy(60, 120, SupervisorConfirmation.none())).start(request("s1"), new Confirmation.None());
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(30));
            s.touch();
        }
        clock.advance(Duration.ofMinutes(30));
        assertEquals(SessionState.EXPIRED, s.state());
        assertEquals("session.expired", assertThrows(AirlockException.class, s::touch).code());
        assertEquals("session.expired", assertThrows(AirlockException.class, () -> s.unlock("x")).code());
        ActiveSession.Ending end = s.end("Alice Inspector", 0);
        LogEntry last = entries("s1").get(entries("s1").size() - 1);
        assertEquals(EntryType.SESSION_END, last.type());
        assertEquals("maximum length reached", last.data().get("reason"));
        assertEquals(120, end.summary().minutes());
        assertEquals(SessionState.ENDED, s.state());
    }

    @Test
    void theEndSummaryIsComputedFromTheLogAndTheLogVerifies() throws Exception {
        ActiveSession s = manager(signedPolicy(30, 600, SupervisorConfirmation.none())).start(request("s1"), new Confirmation.None());
        for (String path : new String[] {"a.c", "b.c", "a.c"}) {
            s.record(EntryType.FILE_OPENED, Map.of("path", path), SqlAction.NONE);
        }
        s.record(EntryType.REVIEWED_MARKED, Map.of("path", "a.c"), SqlAction.NONE);
        s.record(EntryType.SEARCH_RUN, Map.of("query", "kfree"), SqlAction.NONE);
        s.record(EntryType.ANNOTATION_CREATED, Map.of("id", "f1", "severity", "high"), SqlAction.NONE);
        s.record(EntryType.ANNOTATION_CREATED, Map.of("id", "f2", "severity", "low"), SqlAction.NONE);
        s.record(EntryType.ANNOTATION_CREATED, Map.of("id", "f3", "severity", "low"), SqlAction.NONE);
        s.record(EntryType.ANNOTATION_EDITED, Map.of("id", "f2", "severity", "critical"), SqlAction.NONE);
        s.record(EntryType.ANNOTATION_DELETED, Map.of("id", "f3"), SqlAction.NONE);
        s.recordRefusal(EntryType.COPY_REFUSED, Map.of("path", "a.c"));
        s.recordRefusal(EntryType.PRINT_REFUSED, Map.of());
        clock.advance(Duration.ofMinutes(45));
        ActiveSession.Ending end = s.end("Alice Inspector", 8);
        SessionSummary sum = end.summary();
        assertEquals(2, sum.filesOpened());
        assertEquals(1, sum.filesReviewed());
        assertEquals(12, sum.coveragePercent());
        assertEquals(1, sum.findingsBySeverity().get(Severity.HIGH));
        assertEquals(1, sum.findingsBySeverity().get(Severity.CRITICAL));
        assertEquals(0, sum.findingsBySeverity().get(Severity.LOW));
        assertEquals(1, sum.searches());
        assertEquals(2, sum.refusedAttempts());
        assertEquals(45, sum.minutes());
        assertEquals("Alice Inspector", sum.inspector());

        PinnedKeys keys = new PinnedKeys(List.of(new PinnedKeys.Pinned("ws", workstation.getPublic())),
                List.of(new PinnedKeys.Pinned("sup", supervisor.getPublic())));
        LogVerification v = new LogVerifier(keys).verify(new ByteArrayInputStream(LogExport.entriesFile(store, "s1")), null, false,
                ProgressMonitor.NONE);
        assertTrue(v.isValid(), v.describe());
        assertNull(assertThrows(AirlockException.class, () -> s.record(EntryType.SEARCH_RUN, Map.of(), SqlAction.NONE))
                .getCause());
    }

    @Test
    void requestsWithHostileNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SessionRequest("../x", "A", "O", null, BUNDLE));
        assertThrows(IllegalArgumentException.class, () -> new SessionRequest("s", "Al\u202eice", "O", null, BUNDLE));
        assertThrows(IllegalArgumentException.class, () -> new SessionRequest("s", " ", "O", null, BUNDLE));
        assertThrows(IllegalArgumentException.class, () -> new SessionRequest("s", "A", "O\nX", null, BUNDLE));
        assertThrows(IllegalArgumentException.class, () -> new SessionRequest("s", "A".repeat(101), "O", null, BUNDLE));
        assertThrows(IllegalArgumentException.class, () -> new SessionRequest("s", "A", "O", null, BUNDLE.toUpperCase()));
        assertNull(new SessionRequest("s", "A", "O", "  ", BUNDLE).badge());
    }
}
