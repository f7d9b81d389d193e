package airlock.core.policy;

import airlock.core.crypto.KeyId;
import airlock.core.crypto.Sha256;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy a session runs under: the installed signed policy, or the built-in strictest one.
 * {@code sha256} is the SHA-256 of the canonical bytes either way, so the log's entry 0 always
 * names exactly which rules applied.
 */
public record EffectivePolicy(RoomPolicy policy, String sha256, Optional<KeyId> signer) {
    public EffectivePolicy {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(signer, "signer");
    }

    public static EffectivePolicy of(SignedPolicy signed) {
        return new EffectivePolicy(signed.policy(), signed.sha256(), Optional.of(signed.signer()));
    }

    public static EffectivePolicy strictestDefault() {
        RoomPolicy strictest = RoomPolicy.strictest();
        return new EffectivePolicy(strictest, Sha256.hex(Sha256.digest(PolicyCodec.write(strictest))), Optional.empty());
    }

    public boolean isDefault() {
        return signer.isEmpty();
    }
}
