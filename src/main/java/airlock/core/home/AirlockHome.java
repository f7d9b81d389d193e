package airlock.core.home;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The workstation home ({@code AIRLOCK_HOME}, default {@code ~/.airlock}): local store of imported
 * bundles, databases, trust lists, keys and the archive of sealed logs. Created on first use with
 * owner-only permissions. Every path the rest of core uses comes from here.
 */
public final class AirlockHome {
    private final Path root;

    private AirlockHome(Path root) {
        this.root = root;
    }

    /** The home named by {@code AIRLOCK_HOME} in {@code env}, else {@code ~/.airlock}. */
    public static Path defaultLocation(Map<String, String> env, String userHome) {
        String configured = env.get("AIRLOCK_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(userHome, ".airlock").toAbsolutePath();
    }

    /**
     * The home at {@code root} as it is, creating nothing (for read-only checks such as
     * {@code airlock room status}); a folder that is missing is simply reported missing by whoever reads it.
     */
    public static AirlockHome existing(Path root) {
        return new AirlockHome(root.toAbsolutePath());
    }

    /** Opens the home at {@code root}, creating it and its folders (mode 700) if absent. */
    public static AirlockHome open(Path root) throws AirlockException {
        AirlockHome home = new AirlockHome(root.toAbsolutePath());
        for (Path dir : new Path[] {home.root, home.store(), home.databases(), home.trustRoot(), home.keys(),
                home.archive(), home.staging()}) {
            home.ensurePrivateDirectory(dir);
        }
        for (TrustPurpose purpose : TrustPurpose.values()) {
            home.ensurePrivateDirectory(home.trust(purpose));
        }
        return home;
    }

    private void ensurePrivateDirectory(Path dir) throws AirlockException {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new AirlockException("home.create", "Cannot create the workstation folder " + dir
                    + " (" + e.getMessage() + "). Check that AIRLOCK_HOME points at a writable place.", e);
        }
    }

    public Path root() {
        return root;
    }

    /** Read-only object stores of imported bundles, one folder per manifest hash. */
    public Path store() {
        return root.resolve("store");
    }

    /** SQLite databases (session log, annotations, indexes metadata). */
    public Path databases() {
        return root.resolve("db");
    }

    /** Trust lists, one folder per purpose, holding pinned public keys (SPKI PEM). */
    public Path trustRoot() {
        return root.resolve("trust");
    }

    public Path trust(TrustPurpose purpose) {
        return trustRoot().resolve(purpose.folderName());
    }

    /** The workstation's own key pair. */
    public Path keys() {
        return root.resolve("keys");
    }

    /** Every sealed log, kept locally after export. */
    public Path archive() {
        return root.resolve("archive");
    }

    /** Scratch space for intake; anything here is unfinished and discarded on restart. */
    public Path staging() {
        return root.resolve("staging");
    }
}
