package airlock.core.crypto;

import java.util.Objects;

/**
 * The outcome of checking one signature: a verdict and, when refused, a reason a person can read.
 * Never reduced to a bare boolean so that the reason travels with the verdict.
 */
public record SignatureCheck(Verdict verdict, String reason) {
    public enum Verdict { VALID, INVALID }

    public SignatureCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    public static SignatureCheck valid() {
        return new SignatureCheck(Verdict.VALID, "signature valid");
    }

    public static SignatureCheck invalid(String reason) {
        return new SignatureCheck(Verdict.INVALID, reason);
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }
}
