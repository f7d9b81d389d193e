package airlock.core.policy;

import airlock.core.AirlockException;
import airlock.core.home.AirlockHome;
import airlock.core.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Finds the policy in force. No installed policy means the strictest defaults; an installed
 * policy that fails verification stops the workstation from starting sessions (it is never
 * quietly replaced by the defaults, because a broken policy file is itself worth a look).
 */
public final class PolicyLoader {
    private final AirlockHome home;
    private final PolicyVerifier verifier;

    public PolicyLoader(AirlockHome home, TrustStore trust) {
        this.home = home;
        this.verifier = new PolicyVerifier(trust);
    }

    public EffectivePolicy load() throws AirlockException {
        Path file = PolicyFiles.installed(home);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return EffectivePolicy.strictestDefault();
        }
        PolicyVerification result = verifier.verify(PolicyFiles.readPolicy(file), PolicyFiles.readSignature(file));
        if (!result.isValid()) {
            throw new AirlockException(result.code(), "The installed room policy " + file + " is refused: " + result.reason()
                    + ". Install a correctly signed policy with 'airlock policy install FILE'.");
        }
        return EffectivePolicy.of(result.policy().orElseThrow());
    }

    /** Verifies {@code file} and its signature, then installs them as the policy in force. */
    public SignedPolicy install(Path file) throws AirlockException {
        PolicyVerification result = verifier.verify(PolicyFiles.readPolicy(file), PolicyFiles.readSignature(file));
        if (!result.isValid()) {
            throw new AirlockException(result.code(), "The policy " + file + " is refused: " + result.reason());
        }
        SignedPolicy signed = result.policy().orElseThrow();
        PolicyFiles.write(PolicyFiles.installed(home), signed.bytes(), PolicyFiles.readSignature(file));
        return signed;
    }
}
