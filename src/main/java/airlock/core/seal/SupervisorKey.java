package airlock.core.seal;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.KeyId;
import airlock.core.home.TrustPurpose;
import airlock.core.log.PinnedKeys;
import airlock.core.trust.TrustStore;
import airlock.core.trust.TrustedKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A supervisor's signing key, read from their own stick and checked against the workstation's
 * supervisor trust list before anything is signed. The key file must be passphrase-protected
 * PKCS#8; the passphrase is used once and the caller's array is cleared here, whatever happens.
 */
public record SupervisorKey(PrivateKey key, KeyId id, String label) {
    /** Reads {@code file} with {@code passphrase} (cleared on return) and checks it is a pinned supervisor key. */
    public static SupervisorKey load(Path file, char[] passphrase, TrustStore trust) throws AirlockException {
        try {
            PrivateKey key = readProtected(file, passphrase);
            KeyId id = Ed25519.keyId(Ed25519.publicKeyOf(key));
            Optional<TrustedKey> pinned = trust.find(TrustPurpose.SUPERVISOR, id);
            if (pinned.isEmpty()) {
                throw new AirlockException("seal.key.untrusted", "The key in " + file + " (key id " + id.hex()
                        + ") is not on this workstation's supervisor trust list, so it cannot seal. Use the supervisor key"
                        + " the room administrator pinned ('airlock trust list supervisor').");
            }
            return new SupervisorKey(key, id, pinned.get().label());
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /**
     * Reads a passphrase-protected (encrypted PKCS#8) key file; refuses an unprotected one. Does not
     * check any trust list: through the keeper (issue 16) the keeper checks the signature against its
     * own pinned keys. The caller clears {@code passphrase}.
     */
    public static PrivateKey readProtected(Path file, char[] passphrase) throws AirlockException {
        {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new AirlockException("seal.key.unreadable", "Cannot read the supervisor key file " + file + ": "
                        + e.getMessage() + ". Check the stick and choose the key file again.", e);
            }
            if (!text.strip().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
                throw new AirlockException("seal.key.unprotected", "The key file " + file + " is not a passphrase-protected"
                        + " (encrypted PKCS#8) private key. A supervisor key must be protected: create one with"
                        + " 'airlock keygen --encrypt'.");
            }
            return Ed25519.readPrivatePem(file, passphrase);
        }
    }

    /** The workstation's pinned supervisor keys, in the form the sealer checks against. */
    public static List<PinnedKeys.Pinned> pinned(TrustStore trust) throws AirlockException {
        return trust.list(TrustPurpose.SUPERVISOR).stream().map(k -> new PinnedKeys.Pinned(k.label(), k.key())).toList();
    }
}
