package airlock.core.export;

import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;

/**
 * How Airlock's severity and status map onto SARIF 2.1.0 (documented in docs/formats/sarif.md).
 * A result is {@code kind: fail} unless it is resolved ({@code pass}, level {@code none}, as
 * §3.27.9 requires for any kind but fail). Triage goes to {@code suppressions}: an empty array
 * means "looked at, not suppressed"; disputed is an external suppression under review; a false
 * positive an accepted one.
 */
final class SarifMapping {
    private SarifMapping() {
    }

    static String kind(Status status) {
        return status == Status.RESOLVED ? "pass" : "fail";
    }

    static String level(Severity severity, Status status) {
        if (status == Status.RESOLVED) {
            return "none";
        }
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFORMATIONAL -> "note";
        };
    }

    /** SARIF {@code rank}, 0–100: a viewer's sort key. */
    static double rank(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 95.0;
            case HIGH -> 80.0;
            case MEDIUM -> 50.0;
            case LOW -> 20.0;
            case INFORMATIONAL -> 5.0;
        };
    }

    /** Suppression status, or null when the finding is not suppressed. */
    static String suppressionStatus(Status status) {
        return switch (status) {
            case DISPUTED -> "underReview";
            case FALSE_POSITIVE -> "accepted";
            default -> null;
        };
    }

    static String suppressionJustification(Status status) {
        return switch (status) {
            case DISPUTED -> "Disputed: under review.";
            case FALSE_POSITIVE -> "Triaged as a false positive by the inspector.";
            default -> null;
        };
    }
}
