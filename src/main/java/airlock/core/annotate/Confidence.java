package airlock.core.annotate;

import java.util.Locale;

/** How sure the inspector is that a finding is real. */
public enum Confidence {
    LOW,
    MEDIUM,
    HIGH;

    /** The stable name used in files and the log, e.g. {@code medium}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Confidence fromId(String id) {
        return Ids.parse(Confidence.class, id);
    }
}
