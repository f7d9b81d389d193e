package airlock.core.annotate;

import java.time.Instant;
import java.util.Objects;

/**
 * "I have read this": a whole file, or a range of lines of it, at one blob.
 *
 * @param firstLine first reviewed line (1-based), or 0 with {@code lastLine} 0 for the whole file
 * @param lastLine  last reviewed line, inclusive
 */
public record ReviewMark(String id, String ref, String path, String blobId, int firstLine, int lastLine, String author, Instant created) {
    public ReviewMark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(created, "created");
        boolean whole = firstLine == 0 && lastLine == 0;
        if (!whole && (firstLine < 1 || lastLine < firstLine)) {
            throw new IllegalArgumentException("reviewed lines must satisfy 1 <= first <= last: " + firstLine + ".." + lastLine);
        }
    }

    public boolean wholeFile() {
        return firstLine == 0;
    }
}
