package airlock.core.bundle;

import java.time.Duration;

/**
 * The budgets intake enforces before and while parsing a bundle (documented in
 * {@code docs/formats/bundle.md}). Exceeding one refuses the bundle; nothing is parsed past it.
 *
 * @param maxManifestBytes  size cap of {@code manifest.json}
 * @param maxSignatureBytes size cap of {@code manifest.sig} (its length must then be exactly 64)
 * @param maxBundleBytes    size cap of {@code repo.bundle}
 * @param maxHeaderBytes    size cap of the git bundle's text header
 * @param maxObjects        most objects the pack may declare
 * @param maxObjectBytes    largest inflated object (blob, tree, delta result)
 * @param clockSkew         how far in the future {@code created} may lie
 */
public record IntakeLimits(long maxManifestBytes, long maxSignatureBytes, long maxBundleBytes, int maxHeaderBytes,
        long maxObjects, long maxObjectBytes, Duration clockSkew) {

    /** The defaults: 64 KiB manifest, 4 GiB − 1 bundle (a FAT32 file), 5 million objects, 512 MiB per object. */
    public static IntakeLimits defaults() {
        return new IntakeLimits(64 * 1024, 1024, 4L * 1024 * 1024 * 1024 - 1, 1024 * 1024,
                5_000_000, 512L * 1024 * 1024, Duration.ofMinutes(10));
    }

    public IntakeLimits withMaxObjectBytes(long bytes) {
        return new IntakeLimits(maxManifestBytes, maxSignatureBytes, maxBundleBytes, maxHeaderBytes, maxObjects, bytes, clockSkew);
    }

    public IntakeLimits withMaxObjects(long objects) {
        return new IntakeLimits(maxManifestBytes, maxSignatureBytes, maxBundleBytes, maxHeaderBytes, objects, maxObjectBytes, clockSkew);
    }
}
