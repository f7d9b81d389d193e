package airlock.core.log;

import java.util.Optional;

/**
 * Result of verifying a log: a verdict, and when invalid the first failure (kind, entry number
 * where one can be named, and a reason a person can read). The summary holds what was learnt
 * from the entries that were read, even for a failed log.
 */
public record LogVerification(Verdict verdict, FailureKind kind, Long entry, String reason, LogSummary summary) {
    public enum Verdict { VALID, INVALID }

    public static LogVerification valid(LogSummary summary) {
        return new LogVerification(Verdict.VALID, null, null, "valid and sealed", summary);
    }

    public static LogVerification invalid(FailureKind kind, Long entry, String reason, LogSummary summary) {
        return new LogVerification(Verdict.INVALID, kind, entry, reason, summary);
    }

    public LogVerification withReason(String newReason) {
        return new LogVerification(verdict, kind, entry, newReason, summary);
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }

    public Optional<Long> firstBadEntry() {
        return Optional.ofNullable(entry);
    }

    /** One line: "INVALID hash mismatch at entry 5: ..." or "VALID ...". */
    public String describe() {
        if (isValid()) {
            return "VALID: " + reason;
        }
        return "INVALID " + kind.label() + (entry == null ? "" : " at entry " + entry) + ": " + reason;
    }
}
