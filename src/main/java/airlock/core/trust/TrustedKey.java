package airlock.core.trust;

import airlock.core.crypto.KeyId;
import airlock.core.home.TrustPurpose;
import java.security.PublicKey;
import java.util.Objects;

/** A public key pinned on this workstation for exactly one purpose, with a label for people. */
public record TrustedKey(KeyId id, TrustPurpose purpose, PublicKey key, String label) {
    public TrustedKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
    }
}
