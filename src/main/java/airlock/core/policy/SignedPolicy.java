package airlock.core.policy;

import airlock.core.crypto.KeyId;
import airlock.core.crypto.Sha256;
import java.util.Objects;

/**
 * A policy with the exact bytes that were signed, who signed them, and their SHA-256 (the value
 * entry 0 of every session log records as {@code policySha256}).
 */
public record SignedPolicy(RoomPolicy policy, byte[] bytes, KeyId signer, String sha256) {
    public SignedPolicy {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(signer, "signer");
        bytes = bytes.clone();
        if (!Sha256.hex(Sha256.digest(bytes)).equals(sha256)) {
            throw new IllegalArgumentException("sha256 does not match the policy bytes");
        }
    }

    static SignedPolicy of(RoomPolicy policy, byte[] bytes, KeyId signer) {
        return new SignedPolicy(policy, bytes, signer, Sha256.hex(Sha256.digest(bytes)));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
