package airlock.core.annotate;

import java.util.Locale;

/** How bad a finding is, from the inspector's point of view. Ordered from least to most severe. */
public enum Severity {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The stable name used in files and the log, e.g. {@code high}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}; throws {@link IllegalArgumentException} naming the bad value. */
    public static Severity fromId(String id) {
        return Ids.parse(Severity.class, id);
    }
}
