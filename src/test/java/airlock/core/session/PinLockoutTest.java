package airlock.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogExport;
import airlock.core.log.LogVerification;
import airlock.core.log.LogVerifier;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.PinHash;
import airlock.core.policy.PolicySigner;
import airlock.core.policy.PolicyVerifier;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SignedPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.progress.ProgressMonitor;
import airlock.testutil.MutableClock;
import airlock.core.trust.TrustStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The room-PIN lockout is kept in the workstation ledger: every refused confirmation is an entry,
 * the count and back-off are read back at start-up, so a restart (a new manager over the same home)
 * does not clear them.
 */
class PinLockoutTest {
    static final String BUNDLE = "9f2c4a1b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615243a";
    static final String RIGHT = "482913";
    /** A wrong PIN distinctive enough to search the ledger and the database bytes for. */
    static final String WRONG = "735197";
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final KeyPair admin = Ed25519.generate();
    private AirlockHome home;
    private TrustStore trust;
    private WorkstationSigner signer;
    private EffectivePolicy policy;
    private WorkstationLogs logs;

    @BeforeEach
    void open() throws AirlockException {
        home = AirlockHome.open(dir.resolve("home"));
        signer = WorkstationKey.loadOrCreate(home, "WS-TEST-0001");
        trust = new TrustStore(home);
        trust.add(TrustPurpose.ROOM_ADMIN, admin.getPublic(), "admin");
        RoomPolicy p = new RoomPolicy("Room 1", RoomPolicy.ExportRules.strictest(), false, 10, false, 60,
                SupervisorConfirmation.pin(PinHash.of(RIGHT.toCharArray(), new SecureRandom())));
        PolicySigner.Result r = PolicySigner.sign(p, admin.getPrivate());
        SignedPolicy signed = new PolicyVerifier(trust).verify(r.bytes(), r.signature()).policy().orElseThrow();
        policy = EffectivePolicy.of(signed);
        logs = WorkstationLogs.open(home, signer, clock);
    }

    @AfterEach
    void close() throws AirlockException {
        logs.close();
    }

    /** A restart: the logs closed, opened again over the same home, and a new manager made from them. */
    private SessionManager restart() throws AirlockException {
        logs.close();
        logs = WorkstationLogs.open(home, signer, clock);
        return manager();
    }

    private SessionManager manager() throws AirlockException {
        return new SessionManager(logs, signer, trust, policy, clock, 0);
    }

    private static SessionRequest request(String id) {
        return new SessionRequest(id, "Alice Inspector", "Federal Office", null, BUNDLE);
    }

    private static AirlockException attempt(SessionManager m, String id, String pin) {
        return assertThrows(AirlockException.class, () -> m.start(request(id), new Confirmation.RoomPin(pin.toCharArray())));
    }

    private void wrong(SessionManager m, int times) {
        for (int i = 0; i < times; i++) {
            AirlockException e = attempt(m, "s1", WRONG);
            assertEquals("session.confirmation.refused", e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("the room PIN is wrong"), e.getMessage());
        }
    }

    private List<LogEntry> ledger() throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(logs.store(), SessionHeader.LEDGER_SESSION, b -> out.add(codec.decode(b)));
        return out;
    }

    private List<LogEntry> ledger(EntryType type) throws AirlockException {
        return ledger().stream().filter(e -> e.type() == type).toList();
    }

    @Test
    void theBackOffStartsAtTheFifthFailureAndDoublesUpToTheCap() {
        assertEquals(Duration.ZERO, SessionManager.backoff(0));
        assertEquals(Duration.ZERO, SessionManager.backoff(4));
        assertEquals(Duration.ofSeconds(30), SessionManager.backoff(5));
        assertEquals(Duration.ofSeconds(60), SessionManager.backoff(6));
        assertEquals(Duration.ofSeconds(120), SessionManager.backoff(7));
        assertEquals(Duration.ofSeconds(1920), SessionManager.backoff(11));
        assertEquals(Duration.ofHours(1), SessionManager.backoff(12));
        assertEquals(Duration.ofHours(1), SessionManager.backoff(40));
        assertEquals(Duration.ofHours(1), SessionManager.backoff(Integer.MAX_VALUE));
    }

    @Test
    void wrongPinsLockTheStartAndARestartDoesNotClearIt() throws Exception {
        SessionManager m = manager();
        wrong(m, 4);
        clock.advance(Duration.ofSeconds(1));
        wrong(m, 1);
        AirlockException locked = attempt(m, "s1", RIGHT);
        assertEquals("session.confirmation.lockout", locked.code());
        assertTrue(locked.getMessage().contains("2026-03-02T09:00:31Z"), locked.getMessage());

        SessionManager again = restart();
        assertEquals(5, again.failuresInRow());
        assertEquals(Instant.parse("2026-03-02T09:00:31Z"), again.lockedOutUntil());
        clock.advance(Duration.ofSeconds(29));
        assertEquals("session.confirmation.lockout", attempt(again, "s1", RIGHT).code());
        assertFalse(logs.store().logIds().contains("s1"), "nothing is started while locked out");

        clock.advance(Duration.ofSeconds(1));
        again.start(request("s1"), new Confirmation.RoomPin(RIGHT.toCharArray()));
        assertTrue(logs.store().logIds().contains("s1"));
    }

    @Test
    void eachFurtherFailureDoublesTheBackOffAcrossRestarts() throws Exception {
        SessionManager m = manager();
        wrong(m, 5);
        clock.advance(Duration.ofSeconds(30));
        wrong(m, 1); // the 6th: 60 s
        SessionManager again = restart();
        assertEquals(6, again.failuresInRow());
        clock.advance(Duration.ofSeconds(59));
        assertEquals("session.confirmation.lockout", attempt(again, "s1", RIGHT).code());
        clock.advance(Duration.ofSeconds(1));
        wrong(again, 1); // the 7th: 120 s
        again = restart();
        assertEquals(Instant.parse("2026-03-02T09:01:30Z").plusSeconds(120), again.lockedOutUntil());
        clock.advance(Duration.ofSeconds(119));
        assertEquals("session.confirmation.lockout", attempt(again, "s1", RIGHT).code());
        clock.advance(Duration.ofSeconds(1));
        again.start(request("s1"), new Confirmation.RoomPin(RIGHT.toCharArray()));
        assertEquals(7, ledger(EntryType.CONFIRMATION_FAILED).size(), "attempts refused while locked out are not PIN checks");
    }

    @Test
    void aRightPinAfterTheBackOffStartsTheCountAgain() throws Exception {
        SessionManager m = manager();
        wrong(m, 5);
        clock.advance(Duration.ofSeconds(30));
        ActiveSession s = m.start(request("s1"), new Confirmation.RoomPin(RIGHT.toCharArray()));
        assertEquals(0, m.failuresInRow());
        List<LogEntry> accepted = ledger(EntryType.CONFIRMATION_ACCEPTED);
        assertEquals(1, accepted.size());
        assertEquals(5L, ((Number) accepted.get(0).data().get("failuresBefore")).longValue());
        assertEquals("s1", accepted.get(0).data().get("session"));
        s.end("Alice Inspector", 0);

        SessionManager again = restart();
        assertEquals(0, again.failuresInRow());
        assertEquals(Instant.MIN, again.lockedOutUntil());
        wrong(again, 4);
        // the fifth wrong PIN is still checked (not locked out): the count began again at 0
        wrong(again, 1);
        assertEquals("session.confirmation.lockout", attempt(again, "s2", RIGHT).code());
    }

    @Test
    void aRefusalWhoseLedgerWriteFailsIsStillRefusedCountedAndSaysSo() throws Exception {
        SessionManager m = manager();
        // the ledger checkpoint's temporary file cannot be written: a directory is in its place
        Files.createDirectories(home.archive().resolve("ledger.checkpoint.tmp"));
        for (int i = 0; i < SessionManager.MAX_FAILED_CONFIRMATIONS; i++) {
            AirlockException e = attempt(m, "s1", WRONG);
            assertEquals("session.confirmation.refused", e.code());
            assertTrue(e.getMessage().contains("the room PIN is wrong; recording the refusal in the workstation ledger failed: "
                    + "Cannot write the ledger checkpoint"), e.getMessage());
        }
        assertEquals("session.confirmation.lockout", attempt(m, "s1", RIGHT).code());
        assertFalse(logs.store().logIds().contains("s1"));
    }

    @Test
    void everyFailureIsALedgerEntryTheLedgerVerifiesAndThePinIsNowhereInIt() throws Exception {
        SessionManager m = manager();
        wrong(m, 5);
        clock.advance(Duration.ofSeconds(30));
        wrong(m, 1);
        List<LogEntry> failed = ledger(EntryType.CONFIRMATION_FAILED);
        assertEquals(6, failed.size());
        for (int i = 0; i < failed.size(); i++) {
            var data = failed.get(i).data();
            assertEquals("session.start", data.get("action"));
            assertEquals("s1", data.get("session"));
            assertEquals("Alice Inspector", data.get("inspector"));
            assertEquals("Federal Office", data.get("organisation"));
            assertEquals("pin", data.get("mode"));
            assertEquals("the room PIN is wrong", data.get("reason"));
            assertEquals((long) i + 1, ((Number) data.get("failuresInRow")).longValue());
            if (i < 4) {
                assertNull(data.get("lockedUntil"));
            } else {
                assertEquals(i == 4 ? "2026-03-02T09:00:30.000Z" : "2026-03-02T09:01:30.000Z", data.get("lockedUntil"));
            }
            assertEquals("workstation", failed.get(i).actor());
        }

        byte[] entries = LogExport.entriesFile(logs.store(), SessionHeader.LEDGER_SESSION);
        PinnedKeys keys = new PinnedKeys(List.of(new PinnedKeys.Pinned("ws", signer.publicKey())), List.of());
        LogVerification v = new LogVerifier(keys).verify(new ByteArrayInputStream(entries), null, false, ProgressMonitor.NONE);
        assertTrue(v.isValid(), v.describe());

        String text = new String(entries, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(WRONG), "the PIN typed is not in the ledger");
        assertFalse(text.contains(RIGHT), "the room PIN is not in the ledger");
        logs.close();
        try (Stream<Path> files = Files.list(home.databases())) {
            for (Path file : files.toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(raw.contains(WRONG), "the PIN typed is not in " + file.getFileName());
            }
        }
        logs = WorkstationLogs.open(home, signer, clock);
        assertEquals(6, manager().failuresInRow());
        auditorsScriptAccepts(entries);
    }

    /**
     * docs/verify/verify_log.py (the auditor's verifier, no Airlock) reads every entry of the ledger
     * with the new types: the script only calls a log VALID with a supervisor seal, which a ledger
     * never has, so the expected verdict is the seal check's (no entry named). A type it did not
     * know, a broken chain or a bad checkpoint would be INVALID at an entry before that.
     */
    private void auditorsScriptAccepts(byte[] entries) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3"))
                && Files.isExecutable(Path.of("/usr/bin/openssl")), "python3 or openssl absent: the script check did not run");
        Path out = dir.resolve("audit");
        Files.createDirectories(out.resolve("trust/workstation"));
        Files.createDirectories(out.resolve("trust/supervisor"));
        Files.write(out.resolve("ledger.log"), entries);
        Files.writeString(out.resolve("trust/workstation/ws.pem"), Ed25519.publicPem(signer.publicKey()));
        Process process = new ProcessBuilder("/usr/bin/python3", Path.of("docs/verify/verify_log.py").toAbsolutePath().toString(),
                out.resolve("ledger.log").toString(), out.resolve("ledger.seal").toString(), "--trust",
                out.resolve("trust").toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "script finished");
        assertEquals(1, process.exitValue(), output);
        assertEquals("INVALID SEAL_MISSING: there is no seal: the session was not sealed by a supervisor", output);
    }
}
