package airlock.core.bundle;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the vendor asks {@link BundleCreator} to pack. Exactly one of {@code repository} (a git
 * repository, work tree or bare) and {@code sourceFolder} (a plain folder packed as one commit).
 *
 * @param refs      branch or tag names (short or full) to carry; for a source folder, ignored
 * @param reviewRef the ref under review; for a source folder, the ref its single commit gets
 */
public record CreateRequest(Optional<Path> repository, Optional<Path> sourceFolder, List<String> refs, String reviewRef,
        String vendor, String product, String version, long sequence, Optional<Instant> expires,
        PrivateKey signingKey, Path mediaFolder) {
    public CreateRequest {
        if (repository.isPresent() == sourceFolder.isPresent()) {
            throw new IllegalArgumentException("give either a repository or a source folder");
        }
        refs = List.copyOf(refs);
        Objects.requireNonNull(reviewRef, "reviewRef");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(mediaFolder, "mediaFolder");
    }
}
