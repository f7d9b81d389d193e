package airlock.core.log;

import java.util.Map;
import java.util.Set;

/**
 * Which members of an entry's data are sensitive and go into the log as commitments (their values
 * to the room's disclosure table). The room policy decides ({@code airlock.core.policy.LogSensitivity});
 * a log without one commits nothing.
 */
@FunctionalInterface
public interface FieldCommitter {
    FieldCommitter NONE = (type, data) -> Set.of();

    /** Names of top-level members of {@code data} to commit; never the whole data. */
    Set<String> sensitive(EntryType type, Map<String, Object> data);
}
