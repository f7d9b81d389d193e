package airlock.core.annotate;

import java.time.Instant;
import java.util.Objects;

/** A place the inspector wants to come back to: a line of a file at a ref, with a label. */
public record Bookmark(String id, String ref, String path, int line, String label, String author, Instant created) {
    public Bookmark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(created, "created");
        if (line < 1) {
            throw new IllegalArgumentException("bookmark line starts at 1: " + line);
        }
    }
}
