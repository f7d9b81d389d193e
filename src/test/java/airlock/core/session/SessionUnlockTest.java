package airlock.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.SessionLog;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.PinHash;
import airlock.core.policy.PolicySigner;
import airlock.core.policy.PolicyVerifier;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.trust.TrustStore;
import airlock.testutil.MutableClock;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle lock is lifted with the credential the room policy names (issue 16): with confirmation mode
 * {@code none} the inspector unlocks with nothing; with {@code pin} only the room PIN does, a wrong
 * one is a ledger entry, and five wrong ones lock out even the right PIN, as for a session start.
 */
class SessionUnlockTest {
    static final String BUNDLE = "9f2c4a1b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615243a";
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    private SessionManager manager(WorkstationLogs logs, WorkstationSigner signer, TrustStore trust, SupervisorConfirmation c)
            throws AirlockException {
        KeyPair admin = Ed25519.generate();
        trust.add(TrustPurpose.ROOM_ADMIN, admin.getPublic(), "admin-" + c.mode().wire());
        RoomPolicy p = new RoomPolicy("Room 1", RoomPolicy.ExportRules.strictest(), false, 10, false, 60, c);
        PolicySigner.Result r = PolicySigner.sign(p, admin.getPrivate());
        EffectivePolicy policy = EffectivePolicy.of(new PolicyVerifier(trust).verify(r.bytes(), r.signature()).policy().orElseThrow());
        return new SessionManager(logs, signer, trust, policy, clock, 0);
    }

    private static List<LogEntry> entries(WorkstationLogs logs, String id) throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(logs.store(), id, b -> out.add(codec.decode(b)));
        return out;
    }

    @Test
    void withoutAConfirmationPolicyTheInspectorUnlocks() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        WorkstationSigner signer = WorkstationKey.loadOrCreate(home, "WS-TEST-0001");
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer, clock)) {
            SessionManager m = manager(logs, signer, new TrustStore(home), SupervisorConfirmation.none());
            ActiveSession s = m.start(new SessionRequest("s1", "Alice", "Office", null, BUNDLE), new Confirmation.None());
            clock.advance(Duration.ofMinutes(11));
            assertEquals(SessionState.LOCKED, s.state());
            m.unlock(s, new Confirmation.None());
            assertEquals(SessionState.ACTIVE, s.state());
            LogEntry unlocked = entries(logs, "s1").stream().filter(e -> e.type() == EntryType.SESSION_UNLOCKED).findFirst()
                    .orElseThrow();
            assertEquals("Alice", unlocked.actor());
        }
    }

    @Test
    void withARoomPinOnlyThePinUnlocksAndWrongOnesLockOut() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        WorkstationSigner signer = WorkstationKey.loadOrCreate(home, "WS-TEST-0001");
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer, clock)) {
            SessionManager m = manager(logs, signer, new TrustStore(home),
                    SupervisorConfirmation.pin(PinHash.of("482913".toCharArray(), new SecureRandom())));
            ActiveSession s = m.start(new SessionRequest("s1", "Alice", "Office", null, BUNDLE),
                    new Confirmation.RoomPin("482913".toCharArray()));
            s.lockNow();
            assertEquals("session.confirmation.refused",
                    assertThrows(AirlockException.class, () -> m.unlock(s, new Confirmation.None())).code());
            for (int i = 0; i < 4; i++) {
                assertEquals("session.confirmation.refused", assertThrows(AirlockException.class,
                        () -> m.unlock(s, new Confirmation.RoomPin("000000".toCharArray()))).code());
            }
            assertEquals("session.confirmation.lockout", assertThrows(AirlockException.class,
                    () -> m.unlock(s, new Confirmation.RoomPin("482913".toCharArray()))).code());
            assertEquals(SessionState.LOCKED, s.state());
            assertEquals(5, entries(logs, airlock.core.log.SessionHeader.LEDGER_SESSION).stream()
                    .filter(e -> e.type() == EntryType.CONFIRMATION_FAILED && "session.unlock".equals(e.data().get("action"))).count());
            clock.advance(Duration.ofSeconds(31));
            m.unlock(s, new Confirmation.RoomPin("482913".toCharArray()));
            assertEquals(SessionState.ACTIVE, s.state());
            assertEquals("supervisor", entries(logs, "s1").stream().filter(e -> e.type() == EntryType.SESSION_UNLOCKED)
                    .findFirst().orElseThrow().actor());
        }
    }
}
