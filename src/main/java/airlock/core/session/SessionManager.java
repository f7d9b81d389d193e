package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.log.EntryType;
import airlock.core.log.LogStore;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.SqlAction;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
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
 * supervisor's confirmation is checked before anything is written; after
 * {@value #MAX_FAILED_CONFIRMATIONS} wrong confirmations in a row further attempts are refused for
 * {@link #LOCKOUT} so that a room PIN cannot be guessed at the keyboard.
 */
public final class SessionManager {
    static final int MAX_FAILED_CONFIRMATIONS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);
    private final LogStore store;
    private final WorkstationSigner signer;
    private final EffectivePolicy policy;
    private final ConfirmationCheck confirmations;
    private final Clock clock;
    private final int checkpointInterval;
    private int failures;
    private Instant lockedOutUntil = Instant.MIN;

    public SessionManager(LogStore store, WorkstationSigner signer, TrustStore trust, EffectivePolicy policy, Clock clock,
                          int checkpointInterval) {
        this.store = store;
        this.signer = signer;
        this.policy = policy;
        this.confirmations = new ConfirmationCheck(trust);
        this.clock = clock;
        this.checkpointInterval = checkpointInterval;
    }

    public EffectivePolicy policy() {
        return policy;
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
        return new ActiveSession(store, log, policy.policy(), clock, started);
    }

    /** Starts a session; refused when another is open or the supervisor's confirmation does not hold. */
    public ActiveSession start(SessionRequest request, Confirmation confirmation) throws AirlockException {
        Instant now = clock.instant();
        if (now.isBefore(lockedOutUntil)) {
            throw new AirlockException("session.confirmation.lockout", "Too many wrong supervisor confirmations; try again after "
                    + lockedOutUntil + ".");
        }
        List<String> open = store.openSessionIds();
        if (!open.isEmpty()) {
            throw new AirlockException("session.already.open", "Session '" + open.get(0) + "' is still open on this workstation;"
                    + " end it before starting another (one session at a time).");
        }
        byte[] statement = StartStatement.bytes(request, signer.workstation(), policy.sha256(), now);
        ConfirmationCheck.Result result = confirmations.check(policy.policy().confirmation(), confirmation, statement);
        if (!result.accepted()) {
            if (++failures >= MAX_FAILED_CONFIRMATIONS) {
                lockedOutUntil = now.plus(LOCKOUT);
                failures = 0;
            }
            LOG.warn("session start for {} refused: {}", request.sessionId(), result.reason());
            throw new AirlockException("session.confirmation.refused", "The session cannot start: " + result.reason() + ".");
        }
        failures = 0;
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
        log.append(request.inspector(), EntryType.SESSION_CONFIRMED, data, SqlAction.NONE);
        return new ActiveSession(store, log, policy.policy(), clock, now);
    }
}
