package airlock.core.policy;

import java.util.Objects;
import java.util.Optional;

/** The outcome of checking a policy file: a verdict, a reason a person can act on, and the policy when valid. */
public record PolicyVerification(Verdict verdict, String code, String reason, Optional<SignedPolicy> policy) {
    public enum Verdict { VALID, REFUSED }

    public PolicyVerification {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(policy, "policy");
        if ((verdict == Verdict.VALID) != policy.isPresent()) {
            throw new IllegalArgumentException("a valid verification carries the policy, a refusal does not");
        }
    }

    static PolicyVerification valid(SignedPolicy policy) {
        return new PolicyVerification(Verdict.VALID, "policy.valid", "signed by room administrator key "
                + policy.signer().hex(), Optional.of(policy));
    }

    static PolicyVerification refused(String code, String reason) {
        return new PolicyVerification(Verdict.REFUSED, code, reason, Optional.empty());
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }
}
