package airlock.core.bundle;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The SHA-256 and size of every blob the pack parser inflated, keyed by the blob's id as the
 * parser computed it (JGit's collision-detecting SHA-1). Filled by {@link IntakeObjectChecker}
 * while the pack is parsed, from the same inflated bytes the parser hashes and checks, whole or
 * delta-resolved; read by {@link TreeDigest} so the tree digest needs no second inflate pass.
 * Written by the one parser thread, read after the parse has finished.
 */
final class BlobDigests {
    /** The content hash of one blob. */
    record Digest(byte[] sha256, long size) {
    }

    private final Map<ObjectId, Digest> digests = new HashMap<>();

    void put(AnyObjectId id, byte[] sha256, long size) {
        digests.put(id.copy(), new Digest(sha256, size));
    }

    /** The digest of blob {@code id}, or null if the parser did not see it. */
    Digest get(AnyObjectId id) {
        return digests.get(id);
    }

    int size() {
        return digests.size();
    }
}
