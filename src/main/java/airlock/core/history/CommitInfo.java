package airlock.core.history;

import java.time.Instant;

/** A commit as history and blame show it. Texts are raw repository text: escape before display. */
public record CommitInfo(String id, String author, String email, Instant when, String summary) {

    /** The first 10 hex digits of the id. */
    public String shortId() {
        return id.substring(0, Math.min(10, id.length()));
    }
}
