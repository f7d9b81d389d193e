package airlock.core.policy;

import java.util.Objects;

/**
 * One thing an export does against the policy.
 *
 * @param id           stable across re-checks: kind, and the finding id or path it is about
 * @param kind         what rule it breaks
 * @param annotationId the finding, or null for a file- or export-wide violation
 * @param path         the repository path concerned, or null for an export-wide violation
 * @param reason       one sentence a supervisor understands
 */
public record Violation(String id, ViolationKind kind, String annotationId, String path, String reason) {
    public Violation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    static Violation ofFinding(ViolationKind kind, String annotationId, String path, String reason) {
        return new Violation(kind.wire() + ":" + annotationId, kind, annotationId, path, reason);
    }

    static Violation ofFile(ViolationKind kind, String path, String reason) {
        return new Violation(kind.wire() + ":" + path, kind, null, path, reason);
    }

    /**
     * The supervisor's subject when deciding on one committed field of the log (issue 18): entry
     * {@code entry}'s member {@code field}; {@code annotationId} and {@code path} when the field is a
     * finding's text or a path.
     */
    public static Violation ofLogField(long entry, String field, String annotationId, String path, String reason) {
        return new Violation(ViolationKind.LOG_FIELD.wire() + ":" + entry + ":" + field, ViolationKind.LOG_FIELD, annotationId,
                path, reason);
    }

    static Violation ofExport(ViolationKind kind, String reason) {
        return new Violation(kind.wire(), kind, null, null, reason);
    }
}
