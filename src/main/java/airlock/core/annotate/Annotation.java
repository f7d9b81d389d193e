package airlock.core.annotate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A finding: a titled, triaged note on one or several ranges of a file.
 *
 * @param id          stable identifier (a UUID), kept across edits and exports
 * @param anchor      where it points
 * @param anchorState whether the anchor still matches the version being looked at
 * @param title       one line
 * @param body        Markdown, shown as text
 * @param severity    how bad
 * @param confidence  how sure
 * @param cweId       CWE number (79 for CWE-79), or null when uncategorised
 * @param tags        free tags, in the order given, no duplicates
 * @param status      triage state
 * @param author      who made it
 * @param created     when it was made
 * @param updated     when it last changed (a reply counts)
 * @param replies     the thread, oldest first
 */
public record Annotation(
        String id,
        Anchor anchor,
        AnchorState anchorState,
        String title,
        String body,
        Severity severity,
        Confidence confidence,
        Integer cweId,
        List<String> tags,
        Status status,
        String author,
        Instant created,
        Instant updated,
        List<Reply> replies) {

    public Annotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(anchorState, "anchorState");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        if (cweId != null && cweId <= 0) {
            throw new IllegalArgumentException("CWE id must be positive: " + cweId);
        }
        tags = List.copyOf(tags.stream().distinct().toList());
        replies = List.copyOf(replies);
    }

    /** {@code CWE-79}, or null. */
    public String cweLabel() {
        return cweId == null ? null : "CWE-" + cweId;
    }

    public Annotation withStatus(Status newStatus, Instant when) {
        return new Annotation(id, anchor, anchorState, title, body, severity, confidence, cweId, tags, newStatus,
                author, created, when, replies);
    }

    public Annotation withContent(AnnotationContent c, Instant when) {
        return new Annotation(id, anchor, anchorState, c.title(), c.body(), c.severity(), c.confidence(), c.cweId(),
                c.tags(), status, author, created, when, replies);
    }

    public Annotation withReply(Reply reply) {
        List<Reply> thread = new ArrayList<>(replies);
        thread.add(reply);
        return new Annotation(id, anchor, anchorState, title, body, severity, confidence, cweId, tags, status,
                author, created, reply.created(), thread);
    }

    public Annotation withAnchor(Anchor newAnchor, AnchorState state) {
        return new Annotation(id, newAnchor, state, title, body, severity, confidence, cweId, tags, status,
                author, created, updated, replies);
    }

    /** The editable part, as one value. */
    public AnnotationContent content() {
        return new AnnotationContent(title, body, severity, confidence, cweId, tags);
    }
}
