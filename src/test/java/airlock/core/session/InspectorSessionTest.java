package airlock.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.Inspector;
import airlock.core.policy.PolicySigner;
import airlock.core.policy.PolicyVerifier;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.trust.TrustStore;
import airlock.testutil.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: with inspectors named in the policy, a session's actor is a checked person. An unknown
 * name or a wrong passphrase is refused before the supervisor is asked, as a {@code confirmation.failed}
 * ledger entry that counts towards the same lockout; the passphrase never reaches the ledger.
 */
class InspectorSessionTest {
    static final String BUNDLE = "9f2c4a1b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615243a";
    static final String PASSPHRASE = "analytical engine 1843";
    static final String WRONG = "difference engine 1822";
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final KeyPair admin = Ed25519.generate();
    private final KeyPair supervisor = Ed25519.generate();
    private WorkstationLogs logs;
    private SessionManager manager;

    @BeforeEach
    void open() throws AirlockException {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        WorkstationSigner signer = WorkstationKey.loadOrCreate(home, "WS-TEST-0001");
        TrustStore trust = new TrustStore(home);
        trust.add(TrustPurpose.ROOM_ADMIN, admin.getPublic(), "admin");
        trust.add(TrustPurpose.SUPERVISOR, supervisor.getPublic(), "Grace Supervisor");
        RoomPolicy p = new RoomPolicy("Room 4", RoomPolicy.ExportRules.strictest(), false, 10, false, 60,
                SupervisorConfirmation.key(), List.of(Inspector.of("Ada Lovelace", PASSPHRASE.toCharArray(), new SecureRandom())));
        PolicySigner.Result r = PolicySigner.sign(p, admin.getPrivate());
        EffectivePolicy policy = EffectivePolicy.of(new PolicyVerifier(trust).verify(r.bytes(), r.signature()).policy().orElseThrow());
        logs = WorkstationLogs.open(home, signer, clock);
        manager = new SessionManager(logs, signer, trust, policy, clock, 0);
    }

    @AfterEach
    void close() throws AirlockException {
        logs.close();
    }

    private AirlockException refused(String inspector, String passphrase) {
        return assertThrows(AirlockException.class, () -> manager.start(new SessionRequest("s1", inspector, "Office", null, BUNDLE),
                new Confirmation.SupervisorKey(supervisor.getPrivate()), passphrase == null ? null : passphrase.toCharArray()));
    }

    @Test
    void onlyANamedInspectorWithTheirPassphraseStartsASession() throws AirlockException {
        assertTrue(refused("Mallory", PASSPHRASE).getMessage().contains("does not name an inspector 'Mallory'"));
        assertTrue(refused("Ada Lovelace", WRONG).getMessage().contains("the passphrase of inspector Ada Lovelace is wrong"));
        assertTrue(refused("Ada Lovelace", null).getMessage().contains("must type their passphrase"));
        // the two-argument start (no passphrase) is refused too under a policy that names inspectors
        assertThrows(AirlockException.class, () -> manager.start(new SessionRequest("s1", "Ada Lovelace", "Office", null, BUNDLE),
                new Confirmation.SupervisorKey(supervisor.getPrivate())));
        List<LogEntry> failed = ledger(EntryType.CONFIRMATION_FAILED);
        assertEquals(4, failed.size());
        assertEquals(4L, ((Number) failed.get(3).data().get("failuresInRow")).longValue());
        assertEquals("Mallory", failed.get(0).data().get("inspector"));

        ActiveSession session = manager.start(new SessionRequest("s1", "ada lovelace", "Office", null, BUNDLE),
                new Confirmation.SupervisorKey(supervisor.getPrivate()), PASSPHRASE.toCharArray());
        List<LogEntry> entries = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(logs.store(), "s1", b -> entries.add(codec.decode(b)));
        assertEquals("Ada Lovelace", entries.get(1).data().get("inspector"), "the policy's spelling is recorded");
        assertEquals("passphrase", entries.get(1).data().get("inspectorCheck"));
        assertEquals("Grace Supervisor", ((Map<?, ?>) entries.get(1).data().get("confirmation")).get("supervisor"));
        assertEquals(1, ledger(EntryType.CONFIRMATION_ACCEPTED).size());
        session.end("Ada Lovelace", 1);
        StringBuilder all = new StringBuilder();
        SessionLog.readEntries(logs.store(), SessionHeader.LEDGER_SESSION, b -> all.append(new String(b, StandardCharsets.UTF_8)));
        assertFalse(all.toString().contains("engine"), "no passphrase, right or wrong, in the ledger");
    }

    @Test
    void theCheckIsAServiceAnyProcessHoldingThePolicyCalls() {
        RoomPolicy open = new RoomPolicy("Room 5", RoomPolicy.ExportRules.strictest(), false, 10, false, 60, SupervisorConfirmation.none());
        InspectorCheck.Result typed = InspectorCheck.check(open, "Anyone", null);
        assertTrue(typed.accepted());
        assertFalse(typed.checked());
    }

    private List<LogEntry> ledger(EntryType type) throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(logs.store(), SessionHeader.LEDGER_SESSION, b -> out.add(codec.decode(b)));
        return out.stream().filter(e -> e.type() == type).toList();
    }
}
