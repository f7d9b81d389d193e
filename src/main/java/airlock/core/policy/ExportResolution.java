package airlock.core.policy;

import airlock.core.annotate.Annotation;
import java.util.List;

/**
 * The export after the supervisor's decisions: the findings that may leave (redacted where
 * decided), the violations still open, and the decisions to record in the session log. Nothing
 * may be written while {@link #blocked()}.
 *
 * @param refused true when the supervisor refused the export as a whole
 */
public record ExportResolution(List<Annotation> annotations, List<Violation> unresolved, List<SupervisorDecision> decisions,
                               boolean refused) {
    public ExportResolution {
        annotations = List.copyOf(annotations);
        unresolved = List.copyOf(unresolved);
        decisions = List.copyOf(decisions);
    }

    public boolean blocked() {
        return refused || !unresolved.isEmpty();
    }

    /** Why the export cannot be written yet, for the supervisor; empty when it can. */
    public String blockReason() {
        if (refused) {
            return "The supervisor refused this export; nothing leaves the room.";
        }
        if (unresolved.isEmpty()) {
            return "";
        }
        return unresolved.size() + " policy violation(s) need a decision (redact, refuse or override with a reason); first: "
                + unresolved.get(0).reason();
    }
}
