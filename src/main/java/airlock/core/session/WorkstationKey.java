package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.KeyId;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.WorkstationSigner;
import airlock.core.trust.TrustStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Set;

/**
 * The workstation's own Ed25519 key, which signs every checkpoint of the logs it keeps. Created on
 * first run in {@code <home>/keys/workstation.key} (PKCS#8 PEM, owner-only; unencrypted because the
 * workstation signs unattended) with its public half in {@code workstation.pub}, and pinned in the
 * workstation trust list before the private key is put in place, so a key on disk is always a
 * pinned key. On later runs the key is loaded and must still be pinned and owner-only: a key that
 * is readable by others or not on the trust list is refused rather than trusted or replaced.
 */
public final class WorkstationKey {
    public static final String PRIVATE_FILE = "workstation.key";
    public static final String PUBLIC_FILE = "workstation.pub";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private WorkstationKey() {
    }

    /** Loads the home's workstation key, creating and pinning it on first use. */
    public static WorkstationSigner loadOrCreate(AirlockHome home, String workstationId) throws AirlockException {
        Path key = home.keys().resolve(PRIVATE_FILE);
        if (Files.exists(key, LinkOption.NOFOLLOW_LINKS)) {
            return load(home, workstationId, key);
        }
        return create(home, workstationId, key);
    }

    /**
     * Checks the home's existing workstation key as a start would (regular file, owner-only, pinned on the
     * workstation trust list, the half of {@code workstation.pub}) and writes nothing; returns its key id.
     */
    public static KeyId check(AirlockHome home) throws AirlockException {
        Path key = home.keys().resolve(PRIVATE_FILE);
        if (!Files.exists(key, LinkOption.NOFOLLOW_LINKS)) {
            throw new AirlockException("home.workstation.key", "There is no workstation key " + key);
        }
        Path pub = key.resolveSibling(PUBLIC_FILE);
        if (!Files.exists(pub, LinkOption.NOFOLLOW_LINKS)) {
            throw new AirlockException("home.workstation.key", "There is no public half " + pub + " of the workstation key");
        }
        return Ed25519.keyId(checked(home, key).getPublic());
    }

    private static WorkstationSigner load(AirlockHome home, String workstationId, Path key) throws AirlockException {
        KeyPair pair = checked(home, key);
        Path pub = key.resolveSibling(PUBLIC_FILE);
        if (!Files.exists(pub, LinkOption.NOFOLLOW_LINKS)) {
            write(pub, Ed25519.publicPem(pair.getPublic()), false);
        }
        return new WorkstationSigner(workstationId, pair.getPrivate(), pair.getPublic());
    }

    private static KeyPair checked(AirlockHome home, Path key) throws AirlockException {
        if (!Files.isRegularFile(key, LinkOption.NOFOLLOW_LINKS)) {
            throw new AirlockException("home.workstation.key", "The workstation key " + key + " is not a regular file."
                    + " Restore it from backup; Airlock does not follow links for its own key.");
        }
        if (posix()) {
            try {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(key, LinkOption.NOFOLLOW_LINKS);
                if (!OWNER_ONLY.containsAll(mode)) {
                    throw new AirlockException("home.workstation.key", "The workstation key " + key + " can be read by others ("
                            + PosixFilePermissions.toString(mode) + "). Make it owner-only (chmod 600) and check who read it;"
                            + " if in doubt, retire this workstation's key.");
                }
            } catch (IOException e) {
                throw new AirlockException("home.workstation.key", "Cannot read the permissions of " + key + ": " + e.getMessage(), e);
            }
        }
        PrivateKey privateKey = Ed25519.readPrivatePem(key, null);
        PublicKey publicKey = Ed25519.publicKeyOf(privateKey);
        KeyId id = Ed25519.keyId(publicKey);
        if (new TrustStore(home).find(TrustPurpose.WORKSTATION, id).isEmpty()) {
            throw new AirlockException("home.workstation.key", "The workstation key " + key + " (key id " + id.hex()
                    + ") is not on this workstation's trust list " + home.trust(TrustPurpose.WORKSTATION)
                    + ". The key or the trust list was replaced; restore both from backup. Airlock does not pin a key it"
                    + " finds on disk.");
        }
        Path pub = key.resolveSibling(PUBLIC_FILE);
        if (Files.isRegularFile(pub, LinkOption.NOFOLLOW_LINKS)
                && !Arrays.equals(Ed25519.readPublicPem(pub).getEncoded(), publicKey.getEncoded())) {
            throw new AirlockException("home.workstation.key", "The public key " + pub + " is not the half of "
                    + key + ". Delete " + pub + "; Airlock rewrites it from the private key.");
        }
        return new KeyPair(publicKey, privateKey);
    }

    private static WorkstationSigner create(AirlockHome home, String workstationId, Path key) throws AirlockException {
        KeyPair pair = Ed25519.generate();
        // pin first: a crash before the key file lands leaves an unused pin, never an unpinned key
        new TrustStore(home).add(TrustPurpose.WORKSTATION, pair.getPublic(), "workstation " + workstationId);
        write(key.resolveSibling(PUBLIC_FILE), Ed25519.publicPem(pair.getPublic()), false);
        write(key, Ed25519.privatePem(pair.getPrivate(), null), true);
        return new WorkstationSigner(workstationId, pair.getPrivate(), pair.getPublic());
    }

    /** Writes through a temporary file created owner-only, forced to disk, then moved into place. */
    private static void write(Path target, String text, boolean secret) throws AirlockException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            if (posix()) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AirlockException("home.workstation.key", "Cannot write the workstation " + (secret ? "key " : "public key ")
                    + target + ": " + e.getMessage() + ". Check that the workstation home is writable.", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
