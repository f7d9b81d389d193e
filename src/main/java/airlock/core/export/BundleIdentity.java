package airlock.core.export;

import java.util.Objects;

/**
 * Which code was reviewed.
 *
 * @param id      the bundle's identity (the SHA-256 of its signed manifest), hex
 * @param product the vendor's product name
 * @param release the release as the vendor names it
 * @param ref     the ref under review
 * @param commit  the commit that ref points at
 */
public record BundleIdentity(String id, String product, String release, String ref, String commit) {
    public BundleIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(commit, "commit");
    }
}
