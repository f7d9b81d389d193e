package airlock.core.seal;

import airlock.core.AirlockException;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SignedNote;
import airlock.core.session.SessionManager;
import airlock.core.session.SupervisorLockout;
import airlock.core.trust.TrustStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * A seal attempt counted as a supervisor credential (issue 16): refused during the workstation's
 * lockout; a supervisor credential that does not hold — a signature no pinned supervisor key
 * verifies over the session's final checkpoint, a key not on the supervisor trust list, a key file
 * that does not open with the passphrase given — is a {@code confirmation.failed} ledger entry with
 * action {@code session.seal}, counted with refused starts and unlocks ({@link SupervisorLockout});
 * a seal after refusals is {@code confirmation.accepted}. Refusals that are not about the
 * credential (a check still open, a session not ended, an unreadable or unprotected key file) are
 * answers only, as before. The ledger, not the session's log, holds these entries: the session has
 * ended (its log is closed by {@code session.end}), and the ledger is where the other refused
 * credentials already are, read back for the lockout at every start.
 */
public final class SealAttempts {
    /** Refusals of the credential: counted and recorded. */
    private static final Set<String> CREDENTIAL = Set.of("log.seal.untrusted", "seal.key.untrusted", "key.pem.invalid");
    private final SupervisorLockout lockout;
    private final Clock clock;

    public SealAttempts(SupervisorLockout lockout, Clock clock) {
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Seals {@code review} with a signature made in another process (through the keeper). */
    public SignedNote withSignature(SealReview review, byte[] signature, List<PinnedKeys.Pinned> supervisors) throws AirlockException {
        SupervisorLockout.Attempt attempt = attempt(review);
        lockout.refuseDuringLockout(clock.instant());
        SignedNote sealed;
        try {
            sealed = review.sealWithSignature(signature, supervisors);
        } catch (AirlockException e) {
            refusedIfCredential(attempt, e);
            throw e;
        }
        lockout.accepted(attempt);
        return sealed;
    }

    /** Seals {@code review} with the supervisor's key file read here with {@code passphrase} (cleared, whatever happens). */
    public SupervisorKey withKeyFile(SealReview review, Path keyFile, char[] passphrase, TrustStore trust) throws AirlockException {
        SupervisorLockout.Attempt attempt = attempt(review);
        try {
            lockout.refuseDuringLockout(clock.instant());
        } catch (AirlockException e) {
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
            throw e;
        }
        SupervisorKey key;
        try {
            key = SupervisorKey.load(keyFile, passphrase, trust);
            review.seal(key, SupervisorKey.pinned(trust));
        } catch (AirlockException e) {
            refusedIfCredential(attempt, e);
            throw e;
        }
        lockout.accepted(attempt);
        return key;
    }

    private static SupervisorLockout.Attempt attempt(SealReview review) {
        return new SupervisorLockout.Attempt(SessionManager.ACTION_SEAL, review.session(), review.document().session().inspector(),
                null, "key");
    }

    private void refusedIfCredential(SupervisorLockout.Attempt attempt, AirlockException e) throws AirlockException {
        if (!CREDENTIAL.contains(e.code())) {
            return;
        }
        String reason = switch (e.code()) {
            case "seal.key.untrusted" -> "the key is not on the workstation's supervisor trust list";
            case "key.pem.invalid" -> "the key file did not open with the passphrase given";
            default -> "the signature is not one of a pinned supervisor key over the session's final checkpoint";
        };
        lockout.refused(attempt, reason, clock.instant(), "The session was not sealed: ");
    }
}
