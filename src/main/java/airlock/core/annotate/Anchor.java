package airlock.core.annotate;

import java.util.List;
import java.util.Objects;

/**
 * Where an annotation points: a file at a ref, pinned to the blob it was made on.
 *
 * @param ref    e.g. {@code refs/tags/v1.0}
 * @param commit the commit id (hex) the ref pointed at
 * @param path   repository path of the file
 * @param blobId git object id (hex) of the file's content
 * @param ranges one or several ranges in that blob, at least one
 */
public record Anchor(String ref, String commit, String path, String blobId, List<AnchoredRange> ranges) {

    public Anchor {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blobId, "blobId");
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("an anchor needs at least one range");
        }
    }

    /** The first range: where a list shows and a jump goes. */
    public AnchoredRange primary() {
        return ranges.get(0);
    }

    public Anchor withoutText() {
        return new Anchor(ref, commit, path, blobId, ranges.stream().map(AnchoredRange::withoutText).toList());
    }
}
