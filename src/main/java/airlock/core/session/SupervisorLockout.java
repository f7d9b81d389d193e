package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogStore;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one count of refused supervisor credentials of a workstation and the lockout it makes (issue
 * 16: failed attempts are ledger entries, the lockout survives restarts). A session start, an unlock
 * and a seal (the supervisor's signature) count towards it: every refusal is a
 * {@code confirmation.failed} entry in the workstation ledger (never what was typed), from
 * {@value #MAX_FAILED} refusals in a row further attempts are refused for a back-off that grows with
 * each refusal ({@link #backoff(int)}), and a credential that holds after refusals is a
 * {@code confirmation.accepted} entry that starts the count again. The count is read from the ledger
 * when the lockout is made, so a restart clears nothing. Without a ledger (tests and tools over a
 * bare store) the count lives in memory only.
 */
public final class SupervisorLockout {
    static final int MAX_FAILED = 5;
    /** The back-off after the {@value #MAX_FAILED}th refusal in a row; it doubles with each further one. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    /** The longest back-off (reached at the 12th refusal in a row). */
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private final WorkstationLogs logs;
    private int failures;
    private Instant lockedOutUntil = Instant.MIN;

    /** A refused or accepted credential: for which action, on which session, whose, under which confirmation mode. */
    public record Attempt(String action, String session, String inspector, String organisation, String mode) {
    }

    private SupervisorLockout(WorkstationLogs logs) {
        this.logs = logs;
    }

    /** A lockout kept in memory only (no ledger). */
    static SupervisorLockout inMemory() {
        return new SupervisorLockout(null);
    }

    /** The lockout of the workstation whose ledger {@code logs} holds, its count read from that ledger. */
    public static SupervisorLockout fromLedger(WorkstationLogs logs) throws AirlockException {
        SupervisorLockout lockout = new SupervisorLockout(logs);
        lockout.read(logs.store());
        return lockout;
    }

    /**
     * How long further attempts are refused after {@code failuresInRow} refusals in a row: nothing
     * below {@value #MAX_FAILED}, then {@link #FIRST_BACKOFF}, doubling with each further refusal up
     * to {@link #MAX_BACKOFF}.
     */
    static Duration backoff(int failuresInRow) {
        if (failuresInRow < MAX_FAILED) {
            return Duration.ZERO;
        }
        int doublings = failuresInRow - MAX_FAILED;
        if (doublings >= 20) {
            return MAX_BACKOFF;
        }
        Duration d = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    synchronized int failuresInRow() {
        return failures;
    }

    /** The end of the current lockout ({@link Instant#MIN} when there is none). */
    synchronized Instant lockedOutUntil() {
        return lockedOutUntil;
    }

    private void read(LogStore store) throws AirlockException {
        EntryCodec codec = new EntryCodec();
        int[] count = {0};
        Instant[] last = {Instant.MIN};
        SessionLog.readEntries(store, SessionHeader.LEDGER_SESSION, bytes -> {
            LogEntry entry = codec.decode(bytes);
            if (entry.type() == EntryType.CONFIRMATION_FAILED) {
                count[0]++;
                last[0] = Instant.parse(entry.time());
            } else if (entry.type() == EntryType.CONFIRMATION_ACCEPTED) {
                count[0] = 0;
            }
        });
        failures = count[0];
        lockedOutUntil = failures >= MAX_FAILED ? last[0].plus(backoff(failures)) : Instant.MIN;
    }

    /** Refuses ({@code session.confirmation.lockout}) while the back-off runs. */
    public synchronized void refuseDuringLockout(Instant now) throws AirlockException {
        if (now.isBefore(lockedOutUntil)) {
            throw new AirlockException("session.confirmation.lockout", "Too many wrong supervisor confirmations; try again after "
                    + lockedOutUntil + ".");
        }
    }

    /**
     * Counts a refusal and records it in the ledger (when there is one) before the caller is told;
     * the lockout is taken from the recorded time. A refusal that cannot be recorded is still a
     * refusal (and still counted here): then this throws {@code session.confirmation.refused} with
     * {@code refusal} (what the caller would have said) and why recording failed.
     */
    public synchronized void refused(Attempt attempt, String reason, Instant now, String refusal) throws AirlockException {
        failures++;
        Instant until = failures >= MAX_FAILED ? now.plus(backoff(failures)) : null;
        if (logs != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("action", attempt.action());
            data.put("session", attempt.session());
            data.put("inspector", attempt.inspector());
            data.put("organisation", attempt.organisation());
            data.put("mode", attempt.mode());
            data.put("reason", reason);
            data.put("failuresInRow", failures);
            data.put("lockedUntil", until == null ? null : EntryCodec.formatTime(until));
            try {
                LogEntry entry = logs.recordInLedger("workstation", EntryType.CONFIRMATION_FAILED, data);
                Instant at = Instant.parse(entry.time());
                until = failures >= MAX_FAILED ? at.plus(backoff(failures)) : null;
            } catch (AirlockException e) {
                lockedOutUntil = until == null ? lockedOutUntil : until;
                throw new AirlockException("session.confirmation.refused", refusal + reason
                        + "; recording the refusal in the workstation ledger failed: " + e.getMessage(), e);
            }
        }
        if (until != null) {
            lockedOutUntil = until;
        }
    }

    /** A credential held: after refusals that is a {@code confirmation.accepted} ledger entry; the count starts again. */
    public synchronized void accepted(Attempt attempt) throws AirlockException {
        if (failures > 0 && logs != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("action", attempt.action());
            data.put("session", attempt.session());
            data.put("inspector", attempt.inspector());
            data.put("mode", attempt.mode());
            data.put("failuresBefore", failures);
            logs.recordInLedger("workstation", EntryType.CONFIRMATION_ACCEPTED, data);
        }
        failures = 0;
        lockedOutUntil = Instant.MIN;
    }
}
