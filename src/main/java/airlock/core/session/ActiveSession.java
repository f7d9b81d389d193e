package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogStore;
import airlock.core.log.SessionLog;
import airlock.core.log.SignedNote;
import airlock.core.log.SqlAction;
import airlock.core.policy.RoomPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running session: the gate every inspector action passes through. {@link #record} appends to
 * the session log only while the session is ACTIVE; the idle lock and the maximum length come
 * from the room policy and are measured with the injected clock. The UI calls {@link #state()}
 * from a timer and {@link #record} (or {@link #touch()}) on input; locking and unlocking are
 * logged.
 */
public final class ActiveSession implements ReviewSession {
    private final LogStore store;
    private final SessionLog log;
    private final RoomPolicy policy;
    private final Clock clock;
    private final Instant started;
    private Instant lastActivity;
    private Instant lockedAt;
    private boolean ended;

    ActiveSession(LogStore store, SessionLog log, RoomPolicy policy, Clock clock, Instant started) {
        this.store = store;
        this.log = log;
        this.policy = policy;
        this.clock = clock;
        this.started = started;
        this.lastActivity = clock.instant();
    }

    public String id() {
        return log.id();
    }

    public String inspector() {
        return log.header().inspectors().get(0);
    }

    /** The log's first entry: workstation, inspectors, bundle manifest, policy hash. */
    public airlock.core.log.SessionHeader header() {
        return log.header();
    }

    /** The room policy this session runs under (exports follow its snippet rules). */
    public RoomPolicy policy() {
        return policy;
    }

    public Instant started() {
        return started;
    }

    /** The SHA-256 of the manifest of the bundle under review (from entry 0). */
    public String bundleManifestSha256() {
        return log.header().bundleManifestSha256();
    }

    /** How many entries the log holds so far (checkpoints included). */
    public synchronized long entryCount() {
        return log.size();
    }

    @Override
    public int idleLockMinutes() {
        return policy.idleLockMinutes();
    }

    @Override
    public String chainHeadShort() {
        return chainHead().substring(0, 8);
    }

    @Override
    public void unlock() throws AirlockException {
        unlock(inspector());
    }

    @Override
    public Ended finish(int bundleFiles) throws AirlockException {
        Ending ending = end(inspector(), bundleFiles);
        return new Ended(id(), entryCount(), ending.summary().filesOpened(), ending.summary().searches(),
                ending.finalCheckpoint(), ending);
    }

    @Override
    public java.util.Optional<ActiveSession> local() {
        return java.util.Optional.of(this);
    }

    /** The chain head (hash of the last entry), lower-case hex. */
    public synchronized String chainHead() {
        return java.util.HexFormat.of().formatHex(log.head());
    }

    public Instant deadline() {
        return started.plus(Duration.ofMinutes(policy.maxSessionMinutes()));
    }

    /** The current state; locks (and logs the lock) when the idle time has run out. */
    public synchronized SessionState state() throws AirlockException {
        if (ended) {
            return SessionState.ENDED;
        }
        Instant now = clock.instant();
        if (!now.isBefore(deadline())) {
            return SessionState.EXPIRED;
        }
        if (lockedAt == null && !now.isBefore(lastActivity.plus(Duration.ofMinutes(policy.idleLockMinutes())))) {
            lock("idle", lastActivity.plus(Duration.ofMinutes(policy.idleLockMinutes())));
        }
        return lockedAt != null ? SessionState.LOCKED : SessionState.ACTIVE;
    }

    /** Input from the inspector that is not itself logged (scrolling, typing): resets the idle timer. */
    public synchronized void touch() throws AirlockException {
        requireActive();
        lastActivity = clock.instant();
    }

    /** Locks now, e.g. when the inspector steps out. */
    public synchronized void lockNow() throws AirlockException {
        if (state() == SessionState.ACTIVE) {
            lock("requested", clock.instant());
        }
    }

    /** Unlocks a locked session; {@code actor} is who unlocked it (the inspector, or a supervisor). */
    public synchronized void unlock(String actor) throws AirlockException {
        SessionState state = state();
        if (state == SessionState.EXPIRED) {
            throw expired();
        }
        if (state != SessionState.LOCKED) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lockedSeconds", Duration.between(lockedAt, now).toSeconds());
        log.append(actor, EntryType.SESSION_UNLOCKED, data, SqlAction.NONE);
        lockedAt = null;
        lastActivity = now;
    }

    /**
     * Records an inspector action and runs {@code action} in the same transaction; refused while
     * the session is locked, expired or ended.
     */
    public synchronized LogEntry record(EntryType type, Map<String, Object> data, SqlAction action) throws AirlockException {
        requireActive();
        LogEntry entry = log.append(inspector(), type, data, action);
        lastActivity = clock.instant();
        return entry;
    }

    /**
     * Records a refused attempt (copy, print, policy violation). Refusals are recorded even while
     * locked or expired, because they are evidence; they do not count as activity.
     */
    public synchronized LogEntry recordRefusal(EntryType type, Map<String, Object> data) throws AirlockException {
        if (type != EntryType.COPY_REFUSED && type != EntryType.PRINT_REFUSED && type != EntryType.POLICY_VIOLATION) {
            throw new IllegalArgumentException(type.wireName() + " is not a refusal");
        }
        return log.append(inspector(), type, data, SqlAction.NONE);
    }

    @Override
    public long recordCopyRefused(String path, String kind, int selectedChars, String view) throws AirlockException {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("path", path);
        data.put("kind", kind);
        data.put("selectedChars", selectedChars);
        data.put("view", view);
        return recordRefusal(EntryType.COPY_REFUSED, data).seq();
    }

    /** A supervisor's record (export decisions): allowed in any state but ended, not inspector activity. */
    public synchronized LogEntry recordBySupervisor(String supervisor, EntryType type, Map<String, Object> data, SqlAction action)
            throws AirlockException {
        return log.append(supervisor, type, data, action);
    }

    /**
     * Ends the session: computes the summary from the log, writes it as the end entry and returns
     * it with the final checkpoint (ready for the supervisor's seal). Allowed in every state.
     *
     * @param bundleFiles number of files in the bundle, for the coverage figure (0 if unknown)
     */
    public synchronized Ending end(String actor, int bundleFiles) throws AirlockException {
        Instant now = clock.instant();
        SessionSummary summary = SessionSummary.of(store, log.id(), bundleFiles, now);
        Map<String, Object> data = summary.toData();
        data.put("reason", now.isBefore(deadline()) ? "ended" : "maximum length reached");
        SignedNote note = log.end(actor, data);
        ended = true;
        return new Ending(summary, note);
    }

    /** What ending a session gives the supervisor: the summary and the final checkpoint to seal. */
    public record Ending(SessionSummary summary, SignedNote finalCheckpoint) {
    }

    private void lock(String reason, Instant when) throws AirlockException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reason", reason);
        data.put("idleSince", lastActivity.toString());
        log.append("workstation", EntryType.SESSION_LOCKED, data, SqlAction.NONE);
        lockedAt = when;
    }

    private void requireActive() throws AirlockException {
        switch (state()) {
            case ACTIVE -> { }
            case LOCKED -> throw new AirlockException("session.locked", "The session is locked after "
                    + policy.idleLockMinutes() + " idle minutes; unlock it to continue.");
            case EXPIRED -> throw expired();
            case ENDED -> throw new AirlockException("session.ended", "The session has ended.");
        }
    }

    private AirlockException expired() {
        return new AirlockException("session.expired", "The session reached the room's maximum length of "
                + policy.maxSessionMinutes() + " minutes; it can only be ended now.");
    }
}
