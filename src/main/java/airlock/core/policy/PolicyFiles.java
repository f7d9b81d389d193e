package airlock.core.policy;

import airlock.core.AirlockException;
import airlock.core.home.AirlockHome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A policy on disk is two files: {@code NAME.json} (the signed canonical bytes) and
 * {@code NAME.json.sig} (the 64-byte raw Ed25519 signature). The workstation's policy in force
 * is installed under {@code <home>/policy/}.
 */
public final class PolicyFiles {
    public static final String INSTALLED = "room-policy.json";
    private static final int MAX_SIGNATURE_FILE = 1024;

    private PolicyFiles() {
    }

    public static Path signatureOf(Path policy) {
        return policy.resolveSibling(policy.getFileName() + ".sig");
    }

    public static Path installed(AirlockHome home) {
        return home.root().resolve("policy").resolve(INSTALLED);
    }

    /** Reads a policy file, refusing anything but a regular file of sensible size. */
    public static byte[] readPolicy(Path file) throws AirlockException {
        return read(file, PolicyCodec.MAX_BYTES, "policy");
    }

    public static byte[] readSignature(Path policy) throws AirlockException {
        return read(signatureOf(policy), MAX_SIGNATURE_FILE, "policy signature");
    }

    public static void write(Path policy, byte[] bytes, byte[] signature) throws AirlockException {
        writeAtomically(policy, bytes);
        writeAtomically(signatureOf(policy), signature);
    }

    private static byte[] read(Path file, int max, String what) throws AirlockException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new AirlockException("policy.file.missing", "The " + what + " file " + file
                    + " does not exist or is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new AirlockException("policy.too.large", "The " + what + " file " + file + " is larger than "
                        + max + " bytes; is it the right file?");
            }
            return bytes;
        } catch (IOException e) {
            throw new AirlockException("policy.file.unreadable", "Cannot read the " + what + " file " + file + ": " + e, e);
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws AirlockException {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".policy-", ".tmp");
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new AirlockException("policy.file.write", "Cannot write " + target + ": " + e, e);
        }
    }
}
