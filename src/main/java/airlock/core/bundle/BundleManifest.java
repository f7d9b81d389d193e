package airlock.core.bundle;

import airlock.core.crypto.KeyId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the vendor signs: the identity of a release and the exact content of its git bundle.
 * The signed bytes are this value in canonical JSON ({@link ManifestCodec}); {@link #TYPE} is
 * inside them so a signature made for a bundle manifest is never valid for anything else.
 *
 * @param refs       every ref in the git bundle and the commit (hex SHA-1) it points at
 * @param reviewRef  the ref under review, one of {@code refs}
 * @param treeDigest {@link TreeDigest} of the review ref's tree (hex SHA-256)
 */
public record BundleManifest(
        String vendor,
        String product,
        String version,
        long sequence,
        Instant created,
        Optional<Instant> expires,
        long bundleSize,
        String bundleSha256,
        SortedMap<String, String> refs,
        String reviewRef,
        String treeDigest,
        KeyId keyId) {

    public static final String TYPE = "airlock-bundle-manifest/1";

    public BundleManifest {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(bundleSha256, "bundleSha256");
        Objects.requireNonNull(reviewRef, "reviewRef");
        Objects.requireNonNull(treeDigest, "treeDigest");
        Objects.requireNonNull(keyId, "keyId");
        refs = new TreeMap<>(Map.copyOf(refs));
    }

    /** The commit of the ref under review. */
    public String reviewCommit() {
        return refs.get(reviewRef);
    }
}
