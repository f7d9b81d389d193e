package airlock.testutil;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.Sha256;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.LogExport;
import airlock.core.log.LogStore;
import airlock.core.log.LogVerification;
import airlock.core.log.LogVerifier;
import airlock.core.log.PinnedKeys;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.ActiveSession;
import airlock.core.session.Confirmation;
import airlock.core.session.SessionManager;
import airlock.core.session.SessionRequest;
import airlock.core.trust.TrustStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Optional;

/**
 * A workstation home with a pinned workstation key and a running session in {@code <home>/db/airlock.db},
 * started through core's {@link SessionManager} under a room policy that needs no supervisor
 * confirmation (what the session UI does once it lands).
 */
public final class TestSessions implements AutoCloseable {
    public static final String BUNDLE = "9f2c4a1b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615243a";
    private final AirlockHome home;
    private final LogStore store;
    private final ActiveSession session;

    private TestSessions(AirlockHome home, LogStore store, ActiveSession session) {
        this.home = home;
        this.store = store;
        this.session = session;
    }

    /** Starts session {@code id} for {@code inspector}; snippets in exports only when {@code snippetLines} > 0. */
    public static TestSessions start(Path homeDir, String id, String inspector, Clock clock, int snippetLines) throws AirlockException {
        AirlockHome home = AirlockHome.open(homeDir);
        KeyPair workstation = Ed25519.generate();
        TrustStore trust = new TrustStore(home);
        trust.add(TrustPurpose.WORKSTATION, workstation.getPublic(), "ws-test");
        LogStore store = LogStore.open(home.databases().resolve("airlock.db"));
        RoomPolicy.ExportRules rules = snippetLines > 0
                ? new RoomPolicy.ExportRules(true, true, snippetLines, snippetLines * 10, snippetLines * 100, false, java.util.List.of())
                : RoomPolicy.ExportRules.strictest();
        RoomPolicy policy = new RoomPolicy("test room", rules, false, 60, false, 600, SupervisorConfirmation.none());
        EffectivePolicy effective = new EffectivePolicy(policy, Sha256.hex(Sha256.digest("test room".getBytes(StandardCharsets.UTF_8))),
                Optional.empty());
        SessionManager manager = new SessionManager(store, new WorkstationSigner("ws-test", workstation.getPrivate(),
                workstation.getPublic()), trust, effective, clock, 0);
        ActiveSession session = manager.start(new SessionRequest(id, inspector, "Test Office", "B-1", BUNDLE), new Confirmation.None());
        return new TestSessions(home, store, session);
    }

    public AirlockHome home() {
        return home;
    }

    public ActiveSession session() {
        return session;
    }

    public LogStore store() {
        return store;
    }

    public byte[] entries() throws AirlockException {
        return LogExport.entriesFile(store, session.id());
    }

    /** Verifies the session's log as an auditor would (no seal: the session is still open). */
    public LogVerification verify() throws Exception {
        PinnedKeys keys = PinnedKeys.load(home.trustRoot());
        return new LogVerifier(keys).verify(new ByteArrayInputStream(entries()), null, false, ProgressMonitor.NONE);
    }

    @Override
    public void close() throws AirlockException {
        store.close();
    }
}
