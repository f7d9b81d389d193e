package airlock.core.export;

import java.time.Instant;
import java.util.Objects;

/** Which inspection session an export comes from. {@code ended} is null while it is open. */
public record SessionInfo(String id, String inspector, String workstation, Instant started, Instant ended) {
    public SessionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inspector, "inspector");
        Objects.requireNonNull(workstation, "workstation");
        Objects.requireNonNull(started, "started");
    }
}
