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
 * keeper's). Lists are the keeper's ({@code findings.list}, a resumed session's findings too: their
 * places, fingerprints and what the inspector wrote, without the kept code text and without replies'
 * text); delete, taking back a review mark and bookmarks are the keeper's ops (issue 16, kwire).
 */
public final class KeeperFindings implements Findings {
    private final KeeperClient client;
    private final String inspector;
    private final Clock clock;
    private final Map<String, Annotation> annotations = new LinkedHashMap<>();
    private final List<ReviewMark> marks = new ArrayList<>();
    private final List<Bookmark> bookmarks = new ArrayList<>();

    public KeeperFindings(KeeperClient client, String inspector, Clock clock) {
        this.client = client;
        this.inspector = inspector;
        this.clock = clock;
    }

    // ----- findings (issue 16, kwire): the lists are the keeper's -----

    /** The session's findings as the keeper holds them, page by page; a finding this window saw keeps its replies. */
    @Override
    public synchronized List<Annotation> list() throws AirlockException {
        Map<String, Annotation> fresh = new LinkedHashMap<>();
        int offset = 0;
        while (true) {
            Answer.FindingsPage page = client.findings("annotations", offset, airlock.protocol.Limits.MAX_FINDINGS_PAGE);
            for (Answer.FindingInfo f : page.annotations()) {
                Annotation known = annotations.get(f.id());
                Annotation listed = annotation(f);
                if (known != null && known.replies().size() == f.replies()) {
                    for (Reply r : known.replies()) {
                        listed = listed.withReply(r);
                    }
                }
                fresh.put(f.id(), listed);
            }
            offset += page.annotations().size();
            if (page.annotations().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        annotations.clear();
        annotations.putAll(fresh);
        return List.copyOf(fresh.values());
    }

    private static Annotation annotation(Answer.FindingInfo f) throws KeeperException {
        try {
            List<AnchoredRange> ranges = new ArrayList<>();
            for (Answer.RangeInfo r : f.ranges()) {
                ranges.add(new AnchoredRange(new TextRange(r.startLine(), r.startColumn(), r.endLine(), r.endColumn(), r.startOffset(),
                        r.endOffset()), new airlock.core.annotate.Fingerprint(r.textHash(), r.linesHash(), r.headHash(),
                        r.beforeHash(), r.afterHash(), r.lineCount()), null));
            }
            Anchor anchor = new Anchor(f.ref(), f.commit(), f.path(), f.blob(), ranges);
            return new Annotation(f.id(), anchor, AnchorState.valueOf(f.anchorState().toUpperCase(java.util.Locale.ROOT)), f.title(),
                    f.body(), airlock.core.annotate.Severity.fromId(f.severity()), airlock.core.annotate.Confidence.fromId(f.confidence()),
                    f.cweId(), f.tags(), Status.fromId(f.status()), f.author(), java.time.Instant.parse(f.created()),
                    java.time.Instant.parse(f.updated()), List.of());
        } catch (RuntimeException e) {
            throw new KeeperException("keeper.protocol", "The keeper listed a finding this window cannot show: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<ReviewMark> reviewMarks() throws AirlockException {
        List<ReviewMark> fresh = new ArrayList<>();
        int offset = 0;
        while (true) {
            Answer.FindingsPage page = client.findings("marks", offset, airlock.protocol.Limits.MAX_LIST);
            for (Answer.MarkInfo m : page.marks()) {
                fresh.add(new ReviewMark(m.id(), m.ref(), m.path(), m.blob(), m.firstLine(), m.lastLine(), m.author(),
                        instant(m.created())));
            }
            offset += page.marks().size();
            if (page.marks().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        marks.clear();
        marks.addAll(fresh);
        return List.copyOf(fresh);
    }

    @Override
    public synchronized List<Bookmark> bookmarks() throws AirlockException {
        List<Bookmark> fresh = new ArrayList<>();
        int offset = 0;
        while (true) {
            Answer.FindingsPage page = client.findings("bookmarks", offset, airlock.protocol.Limits.MAX_LIST);
            for (Answer.BookmarkInfo b : page.bookmarks()) {
                fresh.add(new Bookmark(b.id(), b.ref(), b.path(), b.line(), b.label(), b.author(), instant(b.created())));
            }
            offset += page.bookmarks().size();
            if (page.bookmarks().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        bookmarks.clear();
        bookmarks.addAll(fresh);
        return List.copyOf(fresh);
    }

    private static java.time.Instant instant(String text) throws KeeperException {
        try {
            return java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new KeeperException("keeper.protocol", "The keeper sent a time this window cannot read.", e);
        }
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

    /** The keeper deletes the finding and writes {@code annotation.deleted}; the answer names the one deleted. */
    @Override
    public synchronized void delete(String id) throws AirlockException {
        Answer.FindingChanged changed = client.deleteAnnotation(id);
        if (!changed.id().equals(id)) {
            throw new KeeperException("keeper.protocol", "The keeper deleted another finding than the one asked for.");
        }
        annotations.remove(id);
    }

    /** The keeper takes the mark back and writes {@code review.unmarked}. */
    @Override
    public synchronized void unmarkReviewed(ReviewMark mark) throws AirlockException {
        Answer.FindingChanged changed = client.unmarkReviewed(mark.id());
        if (!changed.id().equals(mark.id())) {
            throw new KeeperException("keeper.protocol", "The keeper took back another mark than the one asked for.");
        }
        marks.removeIf(m -> m.id().equals(mark.id()));
    }

    /** The keeper adds the bookmark on a file opened in this session and writes {@code bookmark.added}. */
    @Override
    public synchronized Bookmark addBookmark(String ref, String path, int line, String label) throws AirlockException {
        Answer.BookmarkAdded added = client.addBookmark(ref, path, line, label);
        if (!added.ref().equals(ref) || !added.path().equals(path) || added.line() != line) {
            throw new KeeperException("keeper.protocol", "The keeper saved the bookmark on another line than the one asked for.");
        }
        Bookmark b = new Bookmark(added.id(), added.ref(), added.path(), added.line(), added.label(), inspector, clock.instant());
        bookmarks.add(b);
        return b;
    }

    private static Request.Content content(AnnotationContent c) {
        return new Request.Content(c.title(), c.body(), c.severity().id(), c.confidence().id(), c.cweId(), c.tags());
    }
}
