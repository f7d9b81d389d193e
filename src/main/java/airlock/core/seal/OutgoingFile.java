package airlock.core.seal;

import airlock.core.crypto.Sha256;
import java.util.Objects;

/**
 * One file that will leave the room, exactly as it will be written: its safe name, what it is,
 * and its bytes. The seal is the one file whose bytes exist only after the supervisor signs; until
 * then {@link #pending()} is true and the bytes are the final checkpoint the supervisor will sign.
 */
public record OutgoingFile(String name, Kind kind, byte[] content, boolean pending) {
    /** What a file is, in the order the supervisor reads them. */
    public enum Kind { LOG, SEAL, ANNOTATIONS_JSON, SARIF, HTML_REPORT, MARKDOWN_REPORT, DISCLOSURES }

    public OutgoingFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
    }

    public long size() {
        return content.length;
    }

    /** Lower-case hex SHA-256 of the bytes (of the unsigned checkpoint while the seal is pending). */
    public String sha256() {
        return Sha256.hex(Sha256.digest(content));
    }
}
