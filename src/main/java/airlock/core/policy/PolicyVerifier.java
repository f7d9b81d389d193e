package airlock.core.policy;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.TrustPurpose;
import airlock.core.trust.TrustStore;
import airlock.core.trust.TrustedKey;
import java.util.List;

/**
 * Checks a policy's detached Ed25519 signature against the keys pinned in the {@code room-admin}
 * trust list, then parses it. The signature is checked over the exact file bytes before any
 * parsing, so a refused file is never interpreted. The policy's own {@code type} field is part
 * of the signed bytes: a room-admin signature over anything else is not a policy.
 */
public final class PolicyVerifier {
    private final TrustStore trust;

    public PolicyVerifier(TrustStore trust) {
        this.trust = trust;
    }

    public PolicyVerification verify(byte[] bytes, byte[] signature) throws AirlockException {
        if (bytes.length > PolicyCodec.MAX_BYTES) {
            return PolicyVerification.refused("policy.too.large", "the policy file is " + bytes.length
                    + " bytes; a policy is at most " + PolicyCodec.MAX_BYTES);
        }
        if (signature.length != Ed25519.SIGNATURE_LENGTH) {
            return PolicyVerification.refused("policy.signature.length", "the signature file is " + signature.length
                    + " bytes; an Ed25519 signature is exactly " + Ed25519.SIGNATURE_LENGTH);
        }
        List<TrustedKey> admins = trust.list(TrustPurpose.ROOM_ADMIN);
        if (admins.isEmpty()) {
            return PolicyVerification.refused("policy.signer.none", "no room administrator key is pinned on this"
                    + " workstation; pin one with 'airlock trust add room-admin FILE' first");
        }
        TrustedKey signer = null;
        for (TrustedKey key : admins) {
            if (Ed25519.verify(key.key(), bytes, signature).isValid()) {
                signer = key;
                break;
            }
        }
        if (signer == null) {
            return PolicyVerification.refused("policy.signer.unknown", "the policy is not signed by any pinned room"
                    + " administrator key (" + admins.size() + " tried): it was changed after signing, or signed by a"
                    + " key this workstation does not trust");
        }
        try {
            return PolicyVerification.valid(SignedPolicy.of(PolicyCodec.parse(bytes), bytes, signer.id()));
        } catch (AirlockException e) {
            return PolicyVerification.refused(e.code(), "the signature is valid but the policy is malformed: "
                    + e.getMessage());
        }
    }
}
