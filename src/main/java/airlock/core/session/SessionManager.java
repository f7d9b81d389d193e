package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogStore;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.SqlAction;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.LogSensitivity;
import airlock.core.trust.TrustStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts inspection sessions, one at a time per workstation, under the policy in force. The
 * supervisor's confirmation is checked before anything is written to a session log. Every refused
 * confirmation is a {@code confirmation.failed} entry in the workstation ledger (never what was
 * typed); from {@value #MAX_FAILED_CONFIRMATIONS} refusals in a row further attempts are refused
 * for a back-off that grows with each refusal ({@link #backoff(int)}), so that a room PIN cannot be
 * guessed at the keyboard. The count and the back-off are read from the ledger when the manager is
 * made, so a restart does not clear them; a confirmation that holds after refusals is recorded as
 * {@code confirmation.accepted} and starts the count again. The count and the lockout are
 * {@link SupervisorLockout}'s, which a seal refused for the supervisor's signature counts on too.
 */
public final class SessionManager {
    static final int MAX_FAILED_CONFIRMATIONS = SupervisorLockout.MAX_FAILED;
    /** The back-off after the {@value #MAX_FAILED_CONFIRMATIONS}th refusal in a row; it doubles with each further one. */
    static final Duration FIRST_BACKOFF = SupervisorLockout.FIRST_BACKOFF;
    /** The longest back-off (reached at the 12th refusal in a row). */
    static final Duration MAX_BACKOFF = SupervisorLockout.MAX_BACKOFF;
    static final String ACTION_START = "session.start";
    static final String ACTION_UNLOCK = "session.unlock";
    /** A seal refused for the supervisor's signature (issue 16): the same count and lockout as a start or an unlock. */
    public static final String ACTION_SEAL = "session.seal";
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);
    private final LogStore store;
    private final WorkstationSigner signer;
    private final EffectivePolicy policy;
    private final ConfirmationCheck confirmations;
    private final Clock clock;
    private final int checkpointInterval;
    private final WorkstationLogs logs;
    private final SupervisorLockout lockout;

    /**
     * A manager without a workstation ledger (tests and tools over a bare store): refused
     * confirmations go to the debug log only and the count lives in memory, so a restart clears
     * it. The workstation and the keeper use {@link #SessionManager(WorkstationLogs, WorkstationSigner,
     * TrustStore, EffectivePolicy, Clock, int)}.
     */
    public SessionManager(LogStore store, WorkstationSigner signer, TrustStore trust, EffectivePolicy policy, Clock clock,
                          int checkpointInterval) {
        this(store, null, SupervisorLockout.inMemory(), signer, trust, policy, clock, checkpointInterval);
    }

    /**
     * A manager that records refused confirmations in the workstation ledger and takes the count
     * of refusals in a row, and so the lockout, from it.
     */
    public SessionManager(WorkstationLogs logs, WorkstationSigner signer, TrustStore trust, EffectivePolicy policy, Clock clock,
                          int checkpointInterval) throws AirlockException {
        this(logs.store(), logs, SupervisorLockout.fromLedger(logs), signer, trust, policy, clock, checkpointInterval);
    }

    private SessionManager(LogStore store, WorkstationLogs logs, SupervisorLockout lockout, WorkstationSigner signer, TrustStore trust,
                           EffectivePolicy policy, Clock clock, int checkpointInterval) {
        this.store = store;
        this.logs = logs;
        this.lockout = lockout;
        this.signer = signer;
        this.policy = policy;
        this.confirmations = new ConfirmationCheck(trust);
        this.clock = clock;
        this.checkpointInterval = checkpointInterval;
    }

    public EffectivePolicy policy() {
        return policy;
    }

    /**
     * The workstation's count of refused supervisor credentials and its lockout, shared by starts,
     * unlocks and seals (the keeper's seal desk and this process's seal screen count on it too).
     */
    public SupervisorLockout lockout() {
        return lockout;
    }

    /** How long further attempts are refused after {@code failuresInRow} refusals in a row ({@link SupervisorLockout#backoff}). */
    static Duration backoff(int failuresInRow) {
        return SupervisorLockout.backoff(failuresInRow);
    }

    /** Refused confirmations in a row as this manager counts them (from the ledger at start-up). */
    int failuresInRow() {
        return lockout.failuresInRow();
    }

    /** The end of the current lockout ({@link Instant#MIN} when there is none). */
    Instant lockedOutUntil() {
        return lockout.lockedOutUntil();
    }

    /**
     * Counts a refused confirmation and records it in the ledger (when there is one) before the
     * caller is told ({@link SupervisorLockout#refused}).
     */
    private void recordFailure(SessionRequest request, String reason, Instant now) throws AirlockException {
        recordFailure(ACTION_START, request.sessionId(), request.inspector(), request.organisation(), reason, now);
    }

    private void recordFailure(String action, String sessionId, String inspector, String organisation, String reason, Instant now)
            throws AirlockException {
        lockout.refused(new SupervisorLockout.Attempt(action, sessionId, inspector, organisation,
                policy.policy().confirmation().mode().wire()), reason, now,
                ACTION_START.equals(action) ? "The session cannot start: " : "The session stays locked: ");
    }

    /**
     * Unlocks an idle-locked session with the credential the room policy names for confirmations
     * (issue 16: the idle lock needs a credential, and the policy decides whose): the policy's
     * confirmation mode {@code none} lets the inspector unlock with nothing, {@code pin} needs the
     * room PIN (the supervisor's), {@code key} needs the supervisor's key. A wrong credential counts
     * towards the same lockout as a refused session start and is a {@code confirmation.failed} ledger
     * entry with action {@code session.unlock}; the unlock itself is the session's
     * {@code session.unlocked} entry, by the inspector (mode none) or {@code supervisor}.
     * A session that is not locked is left as it is (an expired one is refused).
     */
    public void unlock(ActiveSession session, Confirmation confirmation) throws AirlockException {
        unlock(session, confirmation, null, null);
    }

    /**
     * Unlocks with the credential the policy decides: under confirmation mode {@code none} a policy
     * that names inspectors needs the session's inspector's passphrase ({@code inspectorPassphrase});
     * otherwise as {@link #unlock(ActiveSession, Confirmation)}.
     */
    public void unlock(ActiveSession session, Confirmation confirmation, char[] inspectorPassphrase) throws AirlockException {
        unlock(session, confirmation, inspectorPassphrase, null);
    }

    private void unlock(ActiveSession session, Confirmation confirmation, char[] inspectorPassphrase, Challenge issued)
            throws AirlockException {
        SessionState state = session.state();
        if (state != SessionState.LOCKED) {
            session.unlock(session.inspector()); // refuses an expired session, does nothing to an active one
            return;
        }
        Instant now = clock.instant();
        refuseDuringLockout(now);
        byte[] statement = issued != null ? issued.statement() : ("airlock-unlock/1\n" + signer.workstation() + "\n" + session.id()
                + "\n" + EntryCodec.formatTime(now) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (policy.policy().confirmation().mode() == airlock.core.policy.SupervisorConfirmation.Mode.NONE
                && !policy.policy().inspectors().isEmpty()) {
            // the policy names inspectors: the session's inspector unlocks with their own passphrase (room)
            InspectorCheck.Result person = InspectorCheck.check(policy.policy(), session.inspector(), inspectorPassphrase);
            if (!person.accepted()) {
                LOG.warn("unlock of session {} refused: {}", session.id(), person.reason());
                recordFailure(ACTION_UNLOCK, session.id(), session.inspector(), null, person.reason(), now);
                throw new AirlockException("session.confirmation.refused", "The session stays locked: " + person.reason() + ".");
            }
        }
        ConfirmationCheck.Result result = confirmations.check(policy.policy().confirmation(), confirmation, statement);
        if (!result.accepted()) {
            LOG.warn("unlock of session {} refused: {}", session.id(), result.reason());
            recordFailure(ACTION_UNLOCK, session.id(), session.inspector(), null, result.reason(), now);
            throw new AirlockException("session.confirmation.refused", "The session stays locked: " + result.reason() + ".");
        }
        lockout.accepted(new SupervisorLockout.Attempt(ACTION_UNLOCK, session.id(), session.inspector(), null,
                policy.policy().confirmation().mode().wire()));
        boolean byInspector = policy.policy().confirmation().mode() == airlock.core.policy.SupervisorConfirmation.Mode.NONE;
        session.unlock(byInspector ? session.inspector() : "supervisor");
    }

    /** The id of the session left open on this workstation (at most one), if any. */
    public java.util.Optional<String> openSession() throws AirlockException {
        List<String> open = store.openSessionIds();
        return open.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(open.get(0));
    }

    /**
     * Continues a session that was left open when the workstation stopped. The log always gets a
     * recovery entry: the log's own one after an unclean stop (crash, kill, power loss) that no
     * entry has reported yet (even if another tool opened and closed the store since), else one
     * saying the application was closed with the session open. Idle time starts again from now.
     */
    public ActiveSession resume(String id) throws AirlockException {
        SessionLog log = SessionLog.resume(store, id, signer, clock, checkpointInterval);
        if (!"open".equals(log.status())) {
            throw new AirlockException("session.ended", "The session '" + id + "' has already ended; it cannot be resumed.");
        }
        if (!log.resumedAfterCrash()) {
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("reason", "the application was closed with the session open; the session resumes at the next start");
            data.put("lastSeq", log.size() - 1);
            log.append("workstation", EntryType.RECOVERY, data, SqlAction.NONE);
        }
        Instant started = Instant.parse(log.startTime());
        return new ActiveSession(store, log.committing(new LogSensitivity(policy.policy())), policy.policy(), clock, started);
    }

    /** Starts a session with no inspector passphrase (enough only when the policy names no inspectors). */
    public ActiveSession start(SessionRequest request, Confirmation confirmation) throws AirlockException {
        return start(request, confirmation, null);
    }

    /**
     * Starts a session; refused when another is open, when the policy names inspectors and
     * {@code request}'s inspector is not one of them or {@code inspectorPassphrase} does not match
     * ({@link InspectorCheck}), or when the supervisor's confirmation does not hold. Both kinds of
     * refusal are {@code confirmation.failed} ledger entries and count towards the same lockout.
     */
    public ActiveSession start(SessionRequest request, Confirmation confirmation, char[] inspectorPassphrase)
            throws AirlockException {
        return start(request, confirmation, inspectorPassphrase, null);
    }

    private ActiveSession start(SessionRequest request, Confirmation confirmation, char[] inspectorPassphrase, Challenge issued)
            throws AirlockException {
        Instant now = clock.instant();
        refuseDuringLockout(now);
        List<String> open = store.openSessionIds();
        if (!open.isEmpty()) {
            throw new AirlockException("session.already.open", "Session '" + open.get(0) + "' is still open on this workstation;"
                    + " end it before starting another (one session at a time).");
        }
        InspectorCheck.Result person = InspectorCheck.check(policy.policy(), request.inspector(), inspectorPassphrase);
        if (!person.accepted()) {
            LOG.warn("session start for {} refused: {}", request.sessionId(), person.reason());
            recordFailure(request, person.reason(), now);
            throw new AirlockException("session.confirmation.refused", "The session cannot start: " + person.reason() + ".");
        }
        if (!person.inspector().equals(request.inspector())) { // the policy's spelling of the name goes into the log
            request = new SessionRequest(request.sessionId(), person.inspector(), request.organisation(), request.badge(),
                    request.bundleManifestSha256());
        }
        byte[] statement = issued != null ? issued.statement()
                : StartStatement.bytes(request, signer.workstation(), policy.sha256(), now);
        ConfirmationCheck.Result result = confirmations.check(policy.policy().confirmation(), confirmation, statement);
        if (!result.accepted()) {
            LOG.warn("session start for {} refused: {}", request.sessionId(), result.reason());
            recordFailure(request, result.reason(), now);
            throw new AirlockException("session.confirmation.refused", "The session cannot start: " + result.reason() + ".");
        }
        lockout.accepted(new SupervisorLockout.Attempt(ACTION_START, request.sessionId(), request.inspector(), null,
                policy.policy().confirmation().mode().wire()));
        SessionHeader header = new SessionHeader(SessionHeader.SESSION_FORMAT, request.sessionId(), signer.workstation(),
                signer.publicKey(), List.of(request.inspector()), request.bundleManifestSha256(), policy.sha256());
        SessionLog log = SessionLog.start(store, header, request.inspector(), signer, clock, checkpointInterval);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("inspector", request.inspector());
        data.put("organisation", request.organisation());
        data.put("badge", request.badge());
        data.put("policySigner", policy.signer().map(k -> k.hex()).orElse(null));
        data.put("idleLockMinutes", policy.policy().idleLockMinutes());
        data.put("maxSessionMinutes", policy.policy().maxSessionMinutes());
        data.put("confirmation", result.logData());
        if (person.checked()) {
            data.put("inspectorCheck", "passphrase"); // only when the policy names inspectors: older logs keep their form
        }
        log.append(request.inspector(), EntryType.SESSION_CONFIRMED, data, SqlAction.NONE);
        return new ActiveSession(store, log.committing(new LogSensitivity(policy.policy())), policy.policy(), clock, now);
    }

    // ----- confirmation through the keeper (issue 16/17, room): one-use challenges -----

    /** How long an issued challenge may be answered. */
    public static final Duration CHALLENGE_VALID = Duration.ofMinutes(5);
    private static final String ACTION_START_WIRE = ACTION_START;
    private final java.security.SecureRandom challengeRandom = new java.security.SecureRandom();
    private Challenge pending;

    /**
     * An issued challenge: what it confirms ({@code action}; for a start the request, session id
     * included; for an unlock the session), the exact statement to sign, and until when it holds.
     */
    public record Challenge(String nonce, String action, SessionRequest request, String sessionId, byte[] statement,
                            Instant expires) {
        public Challenge {
            statement = statement.clone();
        }

        @Override
        public byte[] statement() {
            return statement.clone();
        }
    }

    /**
     * Issues the challenge a supervisor's key signs to confirm starting {@code request} (policy mode
     * {@code key} only). The inspector's name is taken in the policy's spelling when the policy names
     * them, so the statement names the person the log will. Replaces any challenge not yet answered.
     */
    public synchronized Challenge challengeStart(SessionRequest request) throws AirlockException {
        requireKeyMode();
        Instant now = clock.instant();
        refuseDuringLockout(now);
        SessionRequest named = request;
        var inspector = policy.policy().inspector(request.inspector());
        if (!policy.policy().inspectors().isEmpty() && inspector.isPresent()) {
            named = new SessionRequest(request.sessionId(), inspector.get().name(), request.organisation(), request.badge(),
                    request.bundleManifestSha256());
        }
        String nonce = nonce();
        byte[] statement = StartStatement.bytes(named, signer.workstation(), policy.sha256(), now, nonce);
        pending = new Challenge(nonce, ACTION_START_WIRE, named, named.sessionId(), statement, now.plus(CHALLENGE_VALID));
        return pending;
    }

    /** Issues the challenge a supervisor's key signs to unlock {@code session} (policy mode {@code key} only). */
    public synchronized Challenge challengeUnlock(ActiveSession session) throws AirlockException {
        requireKeyMode();
        Instant now = clock.instant();
        refuseDuringLockout(now);
        String nonce = nonce();
        byte[] statement = ("airlock-unlock/2\n" + signer.workstation() + "\n" + session.id() + "\n" + EntryCodec.formatTime(now)
                + "\n" + nonce + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        pending = new Challenge(nonce, ACTION_UNLOCK, null, session.id(), statement, now.plus(CHALLENGE_VALID));
        return pending;
    }

    /**
     * Starts the session a challenge was issued for, confirmed by {@code signature} over its
     * statement. The challenge is used up whatever the outcome; an unknown, used, expired or
     * mismatched one, or a signature no pinned supervisor key verifies, is a {@code confirmation.failed}
     * ledger entry counting towards the lockout.
     */
    public synchronized ActiveSession startWithChallenge(SessionRequest request, String nonce, byte[] signature,
                                                         char[] inspectorPassphrase) throws AirlockException {
        Instant now = clock.instant();
        refuseDuringLockout(now);
        Challenge issued = take(nonce, ACTION_START_WIRE, request.sessionId(), request.inspector(), request.organisation(), now);
        SessionRequest asked = issued.request();
        if (!asked.bundleManifestSha256().equals(request.bundleManifestSha256()) || !asked.organisation().equals(request.organisation())
                || !java.util.Objects.equals(asked.badge(), request.badge())
                || !asked.inspector().toLowerCase(java.util.Locale.ROOT).equals(request.inspector().strip().toLowerCase(java.util.Locale.ROOT))) {
            String reason = "the start asked for is not the one the challenge was issued for";
            recordFailure(ACTION_START, asked.sessionId(), request.inspector(), request.organisation(), reason, now);
            throw new AirlockException("session.confirmation.refused", "The session cannot start: " + reason + ".");
        }
        return start(asked, new Confirmation.SignedChallenge(issued.statement(), signature), inspectorPassphrase, issued);
    }

    /** Unlocks {@code session} confirmed by {@code signature} over the unlock challenge's statement (same rules). */
    public synchronized void unlockWithChallenge(ActiveSession session, String nonce, byte[] signature) throws AirlockException {
        if (session.state() != SessionState.LOCKED) {
            unlock(session, new Confirmation.None(), null, null);
            return;
        }
        Instant now = clock.instant();
        refuseDuringLockout(now);
        Challenge issued = take(nonce, ACTION_UNLOCK, session.id(), session.inspector(), null, now);
        if (!session.id().equals(issued.sessionId())) {
            String reason = "the challenge was issued for another session";
            recordFailure(ACTION_UNLOCK, session.id(), session.inspector(), null, reason, now);
            throw new AirlockException("session.confirmation.refused", "The session stays locked: " + reason + ".");
        }
        unlock(session, new Confirmation.SignedChallenge(issued.statement(), signature), null, issued);
    }

    /** The pending challenge if it is {@code nonce} for {@code action} and still valid; it is used up either way. */
    private Challenge take(String nonce, String action, String sessionId, String inspector, String organisation, Instant now)
            throws AirlockException {
        Challenge issued = pending;
        pending = null; // one use: a second answer with the same nonce finds nothing
        String reason = null;
        if (issued == null || nonce == null || !java.security.MessageDigest.isEqual(issued.nonce().getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), nonce.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            reason = "the challenge was not issued, or was already used (a signature is good for one confirmation only)";
        } else if (!issued.action().equals(action)) {
            reason = "the challenge was issued for " + issued.action() + ", not " + action;
        } else if (now.isAfter(issued.expires())) {
            reason = "the challenge expired at " + issued.expires() + "; ask for a new one";
        }
        if (reason != null) {
            recordFailure(action, issued != null && issued.sessionId() != null && ACTION_UNLOCK.equals(action) ? issued.sessionId() : sessionId,
                    inspector, organisation, reason, now);
            throw new AirlockException("session.confirmation.refused", (ACTION_START.equals(action)
                    ? "The session cannot start: " : "The session stays locked: ") + reason + ".");
        }
        return issued;
    }

    private void requireKeyMode() throws AirlockException {
        if (policy.policy().confirmation().mode() != airlock.core.policy.SupervisorConfirmation.Mode.KEY) {
            throw new AirlockException("session.confirmation.mode", "The room policy asks for confirmation mode "
                    + policy.policy().confirmation().mode().wire() + ", not a supervisor's key: no challenge is issued.");
        }
    }

    private void refuseDuringLockout(Instant now) throws AirlockException {
        lockout.refuseDuringLockout(now);
    }

    private String nonce() {
        byte[] bytes = new byte[32];
        challengeRandom.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
