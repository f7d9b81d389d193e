package airlock.core.bundle;

import airlock.core.trust.TrustedKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one bundle. A refusal names the {@link Check} that failed and why; what was
 * learnt before that check (the manifest once parsed, the signing key once verified) is kept so
 * the screen can say whose bundle was refused.
 *
 * @param manifestSha256 SHA-256 (hex) of the manifest bytes: the bundle's identity in the store
 */
public record VerificationResult(Verdict verdict, Optional<Check> failedCheck, String reason,
        Optional<BundleManifest> manifest, Optional<TrustedKey> signer, Optional<String> manifestSha256,
        List<BundleFlag> flags, long objects, long treeEntries) {

    public enum Verdict { ACCEPTED, REFUSED }

    public VerificationResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        flags = List.copyOf(flags);
        if ((verdict == Verdict.REFUSED) != failedCheck.isPresent()) {
            throw new IllegalArgumentException("a refusal names its check, an acceptance none");
        }
    }

    public boolean accepted() {
        return verdict == Verdict.ACCEPTED;
    }

    /** One line: "accepted" or "refused [bundle.signature]: reason". */
    public String summary() {
        return accepted() ? "accepted" : "refused [" + failedCheck.orElseThrow().code() + "]: " + reason;
    }
}
