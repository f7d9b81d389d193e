package airlock.core.demo;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.trust.TrustStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * The demo's supervisor: a passphrase-protected key on a folder that plays the supervisor's own
 * stick, pinned as a supervisor key in the demo home only, so a newcomer can seal a demo session
 * with the same steps a real supervisor takes. The passphrase is shown on the demo's seal screen
 * ({@link #PASSPHRASE}); it protects nothing but the demo.
 */
public final class DemoSupervisor {
    public static final String PASSPHRASE = "demo supervisor";
    public static final String KEY_FILE = "supervisor.key";

    private DemoSupervisor() {
    }

    /** Creates and pins the demo supervisor key in {@code stick} unless it is there; returns the key file. */
    public static Path install(AirlockHome home, Path stick) throws AirlockException {
        Path file = stick.resolve(KEY_FILE);
        TrustStore trust = new TrustStore(home);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            // a stick left from an older demo home: its key is pinned in this one too, or sealing is refused
            java.security.PublicKey key = Ed25519.publicKeyOf(Ed25519.readPrivatePem(file, PASSPHRASE.toCharArray()));
            if (trust.find(TrustPurpose.SUPERVISOR, Ed25519.keyId(key)).isEmpty()) {
                trust.add(TrustPurpose.SUPERVISOR, key, "Airlock demo supervisor");
            }
            return file;
        }
        KeyPair pair = Ed25519.generate();
        trust.add(TrustPurpose.SUPERVISOR, pair.getPublic(), "Airlock demo supervisor");
        try {
            Files.createDirectories(stick);
            Files.writeString(file, Ed25519.privatePem(pair.getPrivate(), PASSPHRASE.toCharArray()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a stick without POSIX modes (FAT): the passphrase is the demo key's only protection
            }
        } catch (IOException e) {
            throw new AirlockException("demo.supervisor.write", "Cannot write the demo supervisor key " + file + ": "
                    + e.getMessage(), e);
        }
        return file;
    }
}
