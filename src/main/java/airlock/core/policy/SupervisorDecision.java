package airlock.core.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A supervisor's decision on one violation, as a value the caller records in the session log
 * ({@link #logData()}, entry type {@code export.decision}) in the same transaction as the export.
 * An override needs a reason; the other actions may carry one.
 */
public record SupervisorDecision(Violation violation, SupervisorAction action, String supervisor, String reason) {
    public static final int MAX_REASON = 2000;

    public SupervisorDecision {
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(supervisor, "supervisor");
        reason = reason == null ? "" : reason.strip();
        if (!violation.kind().allowedActions().contains(action)) {
            throw new IllegalArgumentException(action.wire() + " does not apply to a " + violation.kind().wire() + " violation");
        }
        if (action == SupervisorAction.OVERRIDE && reason.isEmpty()) {
            throw new IllegalArgumentException("an override needs a written reason");
        }
        if (reason.length() > MAX_REASON || supervisor.isBlank()) {
            throw new IllegalArgumentException("a decision names its supervisor and has a reason of at most " + MAX_REASON
                    + " characters");
        }
    }

    public Map<String, Object> logData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("violation", violation.id());
        data.put("kind", violation.kind().wire());
        data.put("annotation", violation.annotationId());
        data.put("path", violation.path());
        data.put("rule", violation.reason());
        data.put("decision", action.wire());
        data.put("supervisor", supervisor);
        data.put("reason", reason);
        return data;
    }
}
