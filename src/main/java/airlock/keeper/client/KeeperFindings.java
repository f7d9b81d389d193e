package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnnotationContent;
import airlock.core.annotate.Bookmark;
import airlock.core.annotate.Reply;
import airlock.core.annotate.ReviewMark;
import airlock.core.annotate.Status;
import airlock.core.annotate.TextRange;
import airlock.core.annotate.store.Findings;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's findings kept by the keeper. The view sends the ranges (lines and columns) and the
 * content; the keeper decodes its own copy of the file, computes blob, commit, offsets and
 * fingerprints, and writes the entry. The row shown here carries the keeper's blob and commit with
 * the ranges the inspector selected; times shown are this process's clock (the log has the
 * keeper's). Lists hold what this window created or changed: there is no op to list a session's
 * findings, nor to delete, unmark or bookmark (refused here).
 */
public final class KeeperFindings implements Findings {
    private final KeeperClient client;
    private final String inspector;
    private final Clock clock;
    private final Map<String, Annotation> annotations = new LinkedHashMap<>();
    private final List<ReviewMark> marks = new ArrayList<>();

    public KeeperFindings(KeeperClient client, String inspector, Clock clock) {
        this.client = client;
        this.inspector = inspector;
        this.clock = clock;
    }

    @Override
    public synchronized List<Annotation> list() {
        return List.copyOf(annotations.values());
    }

    @Override
    public synchronized List<ReviewMark> reviewMarks() {
        return List.copyOf(marks);
    }

    @Override
    public List<Bookmark> bookmarks() {
        return List.of();
    }

    @Override
    public synchronized Annotation create(Anchor anchor, AnnotationContent content) throws AirlockException {
        List<Request.Range> ranges = new ArrayList<>();
        for (AnchoredRange r : anchor.ranges()) {
            TextRange t = r.range();
            ranges.add(new Request.Range(t.startLine(), t.startColumn(), t.endLine(), t.endColumn()));
        }
        Answer.AnnotationSaved saved = client.annotate(anchor.ref(), anchor.path(), ranges, content(content));
        if (!saved.ref().equals(anchor.ref()) || !saved.path().equals(anchor.path())) {
            throw new KeeperException("keeper.protocol", "The keeper saved the finding on another file than the one asked for.");
        }
        Anchor kept = new Anchor(saved.ref(), saved.commit(), saved.path(), saved.blob(), anchor.ranges());
        java.time.Instant now = clock.instant();
        Annotation a = new Annotation(saved.id(), kept, AnchorState.CURRENT, content.title(), content.body(), content.severity(),
                content.confidence(), content.cweId(), content.tags(), Status.fromId(saved.status()), inspector, now, now, List.of());
        annotations.put(a.id(), a);
        return a;
    }

    @Override
    public synchronized Annotation edit(String id, AnnotationContent content) throws AirlockException {
        Annotation before = get(id);
        client.editAnnotation(id, content(content));
        Annotation after = before.withContent(content, clock.instant());
        annotations.put(id, after);
        return after;
    }

    @Override
    public synchronized Annotation get(String id) throws AirlockException {
        Annotation a = annotations.get(id);
        if (a == null) {
            throw new KeeperException("annotations.unknown", "This window did not create or change finding " + id + ".");
        }
        return a;
    }

    @Override
    public synchronized ReviewMark markReviewed(String ref, String path, String blobId, int firstLine, int lastLine)
            throws AirlockException {
        Answer.Reviewed r = client.markReviewed(ref, path, firstLine, lastLine);
        ReviewMark mark = new ReviewMark(r.id(), r.ref(), r.path(), r.blob(), r.firstLine(), r.lastLine(), inspector, clock.instant());
        marks.add(mark);
        return mark;
    }

    /** The keeper makes the reply's id and time; the row here shows this window's clock. */
    @Override
    public synchronized Annotation reply(String id, String body) throws AirlockException {
        Annotation before = get(id);
        client.replyToAnnotation(id, body);
        Annotation after = before.withReply(new Reply("(kept by the keeper)", inspector, body, clock.instant()));
        annotations.put(id, after);
        return after;
    }

    @Override
    public synchronized Annotation setStatus(String id, Status status) throws AirlockException {
        Annotation before = get(id);
        Answer.AnnotationSaved saved = client.setAnnotationStatus(id, status.id());
        if (!saved.status().equals(status.id())) {
            throw new KeeperException("keeper.protocol", "The keeper saved another status than the one asked for.");
        }
        Annotation after = before.withStatus(status, clock.instant());
        annotations.put(id, after);
        return after;
    }

    @Override
    public void delete(String id) throws AirlockException {
        throw unsupported("Deleting a finding");
    }

    @Override
    public void unmarkReviewed(ReviewMark mark) throws AirlockException {
        throw unsupported("Taking back a review mark");
    }

    @Override
    public Bookmark addBookmark(String ref, String path, int line, String label) throws AirlockException {
        throw unsupported("Bookmarks");
    }

    private static KeeperException unsupported(String what) {
        return new KeeperException("keeper.unsupported", what + ": not in the keeper's protocol yet.");
    }

    private static Request.Content content(AnnotationContent c) {
        return new Request.Content(c.title(), c.body(), c.severity().id(), c.confidence().id(), c.cweId(), c.tags());
    }
}
