package airlock.core.annotate;

import java.util.Locale;

/** Triage state of a finding. Exported to SARIF through {@code kind} and {@code suppressions}. */
public enum Status {
    OPEN,
    CONFIRMED,
    DISPUTED,
    RESOLVED,
    FALSE_POSITIVE;

    /** The stable name used in files and the log, e.g. {@code false_positive}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromId(String id) {
        return Ids.parse(Status.class, id);
    }
}
