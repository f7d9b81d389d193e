package airlock.core.annotate;

import java.time.Instant;
import java.util.Objects;

/** One message in an annotation's thread. The body is Markdown, shown as text (never as HTML). */
public record Reply(String id, String author, String body, Instant created) {
    public Reply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(created, "created");
    }
}
