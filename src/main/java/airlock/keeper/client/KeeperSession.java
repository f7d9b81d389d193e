package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.log.SignedNote;
import airlock.core.session.ActiveSession;
import airlock.core.session.ReviewSession;
import airlock.core.session.SessionState;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session the keeper keeps, as the workstation's views see it. This process holds no entry,
 * hash or key of it: the state is what the keeper last answered to {@code status}, asked on a
 * connection of its own off the caller's thread (the keeper answers one request at a time, and
 * the UI asks for the state every second on the FX thread, which must never wait for a search).
 */
public final class KeeperSession implements ReviewSession {
    private static final Logger LOG = LoggerFactory.getLogger(KeeperSession.class);
    private final KeeperClient client;
    private final KeeperClient statusClient;
    private final Answer.SessionInfo info;
    private final ExecutorService poller;
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile SessionState state;
    private volatile long entries;
    private volatile AirlockException problem;
    private final boolean unlockNeedsPin;
    private final UnlockCredential credential;

    /**
     * @param client       the connection every read and event goes through
     * @param statusClient a second connection, used only to ask for the state
     * @param state        the state the keeper reported when it gave this session
     */
    public KeeperSession(KeeperClient client, KeeperClient statusClient, Answer.SessionInfo info, SessionState state, long entries) {
        this(client, statusClient, info, state, entries, false);
    }

    /** @param unlockNeedsPin the keeper's policy confirms with the room PIN, which an unlock then needs too */
    public KeeperSession(KeeperClient client, KeeperClient statusClient, Answer.SessionInfo info, SessionState state, long entries,
                         boolean unlockNeedsPin) {
        this(client, statusClient, info, state, entries, unlockNeedsPin ? UnlockCredential.PIN : UnlockCredential.NONE);
    }

    /** @param credential what the keeper's policy asks for to unlock (room) */
    public KeeperSession(KeeperClient client, KeeperClient statusClient, Answer.SessionInfo info, SessionState state, long entries,
                         UnlockCredential credential) {
        this.credential = credential;
        this.unlockNeedsPin = credential == UnlockCredential.PIN;
        this.client = client;
        this.statusClient = statusClient;
        this.info = info;
        this.state = state;
        this.entries = entries;
        this.poller = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keeper-status");
            t.setDaemon(true);
            return t;
        });
    }

    /** What the keeper said about the session when it started or resumed it. */
    public Answer.SessionInfo info() {
        return info;
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public String inspector() {
        return info.inspector();
    }

    @Override
    public Instant started() {
        return Instant.parse(info.started());
    }

    @Override
    public String bundleManifestSha256() {
        return info.bundle();
    }

    @Override
    public int idleLockMinutes() {
        return info.idleLockMinutes();
    }

    @Override
    public long entryCount() {
        return entries;
    }

    /** The chain is the keeper's; this process never sees a hash of it. */
    @Override
    public String chainHeadShort() {
        return "\u2014";
    }

    /** The state the keeper last reported; asks again in the background (never waits here). */
    @Override
    public SessionState state() throws AirlockException {
        if (state != SessionState.ENDED && polling.compareAndSet(false, true)) {
            poller.execute(this::poll);
        }
        AirlockException failed = problem;
        if (failed != null) {
            problem = null;
            throw failed;
        }
        return state;
    }

    private void poll() {
        try {
            Answer.Status status = statusClient.status();
            if (status.session() != null && !status.session().id().equals(info.id())) {
                state = SessionState.ENDED;
            } else if (status.session() == null) {
                state = SessionState.ENDED;
            } else {
                state = stateOf(status.state());
                entries = status.entries();
            }
        } catch (AirlockException e) {
            LOG.warn("the keeper did not answer status", e);
            problem = e;
        } finally {
            polling.set(false);
        }
    }

    static SessionState stateOf(String keeperState) throws KeeperException {
        try {
            return SessionState.valueOf(keeperState.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KeeperException("keeper.protocol", "The keeper reported an unknown session state.");
        }
    }

    // ----- activity (issue 16, kwire) -----

    /** At most one activity notice per this interval: the idle lock counts minutes, so a notice every 30 s loses nothing. */
    public static final java.time.Duration ACTIVITY_INTERVAL = java.time.Duration.ofSeconds(30);
    private volatile long activityEveryNanos = ACTIVITY_INTERVAL.toNanos();
    /** When the last notice was sent (System.nanoTime), or 0 before the first. */
    private final java.util.concurrent.atomic.AtomicLong lastActivity = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong activitySent = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Scrolling, typing, a click: tells the keeper the inspector is at work (a {@code session.activity}
     * request: no field, no key, no text, no place), at most once per {@link #ACTIVITY_INTERVAL}, on the
     * status connection off the caller's thread. Nothing is logged; the keeper's idle timer restarts.
     */
    @Override
    public void touch() {
        if (state != SessionState.ACTIVE) {
            return;
        }
        long now = System.nanoTime();
        long last = lastActivity.get();
        if (last != 0 && now - last < activityEveryNanos) {
            return;
        }
        if (!lastActivity.compareAndSet(last, now == 0 ? 1 : now)) {
            return; // another thread sends this one
        }
        poller.execute(() -> {
            try {
                Answer.Status status = statusClient.activity();
                activitySent.incrementAndGet();
                took(status);
            } catch (KeeperException e) {
                LOG.debug("the keeper did not take the activity notice: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("the activity notice failed", e);
            }
        });
    }

    /** Tests: a shorter interval between activity notices. */
    public void activityEvery(java.time.Duration interval) {
        activityEveryNanos = interval.toNanos();
    }

    /** How many activity notices the keeper took (tests and the status line). */
    public long activityNoticesSent() {
        return activitySent.get();
    }

    /** The keeper writes {@code session.locked} (reason {@code requested}) and answers the new state. */
    @Override
    public void lockNow() throws AirlockException {
        took(client.call(new Request.LockSession(), Answer.Status.class));
    }

    @Override
    public boolean unlockNeedsPin() {
        return unlockNeedsPin;
    }

    /**
     * Unlocks without a credential, as a {@code none} policy allows. Under a {@code pin} policy nothing
     * is sent (an empty attempt would count towards the PIN lockout): the lock screen asks for the PIN.
     */
    @Override
    public void unlock() throws AirlockException {
        if (credential != UnlockCredential.NONE) {
            throw new KeeperException("confirmation.required", credential == UnlockCredential.PIN
                    ? "The room PIN is needed to unlock this session."
                    : "A credential is needed to unlock this session (" + credential.name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        took(client.call(new Request.UnlockSession(null), Answer.Status.class));
    }

    /** The keeper checks the PIN (a wrong one is a ledger entry counting towards the lockout) and writes {@code session.unlocked}. */
    @Override
    public void unlock(char[] pin) throws AirlockException {
        if (pin == null || pin.length == 0) {
            unlock();
            return;
        }
        took(client.call(new Request.UnlockSession(new String(pin)), Answer.Status.class));
    }

    // confirmation (issue 16/17, room)

    @Override
    public UnlockCredential unlockCredential() {
        return credential;
    }

    /** The session's inspector's passphrase, checked by the keeper (a wrong one is a ledger entry under the lockout). */
    @Override
    public void unlockWithPassphrase(char[] passphrase) throws AirlockException {
        if (passphrase == null || passphrase.length == 0) {
            throw new KeeperException("confirmation.required", "The inspector's passphrase is needed to unlock this session.");
        }
        took(client.call(new Request.UnlockSession(null, new String(passphrase), null, null), Answer.Status.class));
    }

    /** Asks the keeper for a one-use unlock challenge, checks it names this session, signs it; only the signature is sent. */
    @Override
    public void unlockWithKey(java.security.PrivateKey key) throws AirlockException {
        Answer.Challenge challenge = client.call(new Request.ConfirmUnlock(), Answer.Challenge.class);
        String signature = KeeperChallenges.signUnlock(challenge, key, info.id());
        took(client.call(new Request.UnlockSession(null, null, challenge.challenge(), signature), Answer.Status.class));
    }

    private void took(Answer.Status status) throws KeeperException {
        if (status.session() == null || !status.session().id().equals(info.id())) {
            state = SessionState.ENDED;
            return;
        }
        state = stateOf(status.state());
        entries = status.entries();
    }

    /** Ends the session in the keeper: it writes the summary and the end entry and signs the final checkpoint. */
    @Override
    public Ended finish(int bundleFiles) throws AirlockException {
        Answer.SessionEnded ended = client.endSession();
        state = SessionState.ENDED;
        entries = ended.entries();
        poller.shutdown();
        return new Ended(ended.id(), ended.entries(), ended.filesOpened(), ended.searches(),
                SignedNote.parse(ended.finalCheckpoint()), null);
    }

    /** The keeper writes {@code copy.refused} in the session's log (issue 16, kseal). */
    @Override
    public long recordCopyRefused(String path, String kind, int selectedChars, String view) throws AirlockException {
        return client.call(new Request.CopyRefused(path, kind, selectedChars, view), Answer.Recorded.class).entry();
    }

    @Override
    public Optional<ActiveSession> local() {
        return Optional.empty();
    }
}
