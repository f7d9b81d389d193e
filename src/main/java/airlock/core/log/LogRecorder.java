package airlock.core.log;

import airlock.core.AirlockException;
import java.util.Map;

/**
 * Where a feature records its actions: one log entry, with the feature's own database work run in
 * the same transaction. In the workstation this is the running session's gate
 * ({@code ActiveSession::record}, which refuses while the session is locked, expired or ended); in
 * tools and tests it can be a {@link SessionLog} directly ({@link #of}).
 */
@FunctionalInterface
public interface LogRecorder {

    LogEntry record(EntryType type, Map<String, Object> data, SqlAction action) throws AirlockException;

    /** Appends straight to {@code log} as {@code actor}, with no session gate. */
    static LogRecorder of(SessionLog log, String actor) {
        return (type, data, action) -> log.append(actor, type, data, action);
    }
}
