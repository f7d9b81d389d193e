package airlock.core.annotate;

import java.util.Locale;

/** Whether an annotation still sits on the code it was made on. */
public enum AnchorState {
    /** Same content at the same place. */
    CURRENT,
    /** Found again by content, somewhere else (other lines, other path, other ref). */
    MOVED,
    /** Not found in the current version: shown with its original text at its original place. */
    OUTDATED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AnchorState fromId(String id) {
        return Ids.parse(AnchorState.class, id);
    }
}
