package airlock.core.annotate.store;

import airlock.core.AirlockException;
import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnnotationContent;
import airlock.core.annotate.Bookmark;
import airlock.core.annotate.ReanchorResult;
import airlock.core.annotate.Reply;
import airlock.core.annotate.ReviewMark;
import airlock.core.annotate.Status;
import airlock.core.export.AnnotationCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogRecorder;
import airlock.core.log.SessionLog;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every change to a session's findings, each one session-log entry committed with the change
 * itself (fail closed: if the entry cannot be written, nothing changes). Log entries carry the
 * annotation's full content except code: ranges go in by position and fingerprint, because the
 * log leaves the room and the room policy decides about code.
 */
public final class AnnotationService implements Findings {
    public static final int MAX_TITLE = 500;
    public static final int MAX_BODY = 65_536;
    public static final int MAX_TAGS = 64;
    public static final int MAX_TAG = 64;

    private final AnnotationStore store;
    private final String session;
    private final LogRecorder log;
    private final Clock clock;
    private final Supplier<String> ids;
    private final String inspector;

    /** Appends straight to {@code log} (tools and tests); the workstation goes through the session gate instead. */
    public AnnotationService(AnnotationStore store, SessionLog log, Clock clock, Supplier<String> ids, String inspector) {
        this(store, log.id(), LogRecorder.of(log, inspector), clock, ids, inspector);
    }

    /**
     * @param session   the session whose findings these are
     * @param recorder  where each change is logged, in the change's transaction: in the workstation,
     *                  {@code ActiveSession::record}, so nothing changes while the session is locked or ended
     * @param inspector the author of new findings, replies and marks
     */
    public AnnotationService(AnnotationStore store, String session, LogRecorder recorder, Clock clock, Supplier<String> ids,
                             String inspector) {
        this.store = store;
        this.session = session;
        this.log = recorder;
        this.clock = clock;
        this.ids = ids;
        this.inspector = inspector;
    }

    public String session() {
        return session;
    }

    public String inspector() {
        return inspector;
    }

    public List<Annotation> list() throws AirlockException {
        return store.list(session);
    }

    public List<ReviewMark> reviewMarks() throws AirlockException {
        return store.reviewMarks(session);
    }

    public List<Bookmark> bookmarks() throws AirlockException {
        return store.bookmarks(session);
    }

    public Annotation create(Anchor anchor, AnnotationContent content) throws AirlockException {
        check(content);
        Instant now = clock.instant();
        Annotation a = new Annotation(ids.get(), anchor, AnchorState.CURRENT, content.title(), content.body(), content.severity(),
                content.confidence(), content.cweId(), content.tags(), Status.OPEN, inspector, now, now, List.of());
        log.record(EntryType.ANNOTATION_CREATED, data("create", a), store.insert(session, a));
        return a;
    }

    public Annotation edit(String id, AnnotationContent content) throws AirlockException {
        check(content);
        Annotation edited = existing(id).withContent(content, clock.instant());
        log.record(EntryType.ANNOTATION_EDITED, data("edit", edited), store.update(session, edited));
        return edited;
    }

    public Annotation reply(String id, String body) throws AirlockException {
        if (body.isBlank() || body.length() > MAX_BODY) {
            throw invalid("A reply must have text, at most " + MAX_BODY + " characters");
        }
        Annotation replied = existing(id).withReply(new Reply(ids.get(), inspector, body, clock.instant()));
        log.record(EntryType.ANNOTATION_EDITED, data("reply", replied), store.update(session, replied));
        return replied;
    }

    public Annotation setStatus(String id, Status status) throws AirlockException {
        Annotation before = existing(id);
        Annotation after = before.withStatus(status, clock.instant());
        Map<String, Object> data = data("status", after);
        data.put("from", before.status().id());
        data.put("to", status.id());
        log.record(EntryType.ANNOTATION_STATUS_CHANGED, data, store.update(session, after));
        return after;
    }

    /** Moves an annotation to where re-anchoring found it (or marks it outdated); logged as an edit. */
    public Annotation reanchored(ReanchorResult result) throws AirlockException {
        Annotation a = result.annotation();
        Map<String, Object> data = data("reanchor", a);
        data.put("reason", result.reason());
        log.record(EntryType.ANNOTATION_EDITED, data, store.update(session, a));
        return a;
    }

    public void delete(String id) throws AirlockException {
        Annotation gone = existing(id);
        log.record(EntryType.ANNOTATION_DELETED, data("delete", gone), store.delete(session, id));
    }

    /** Adds imported findings (see {@code AnnotationImporter}), one logged creation each. */
    public List<Annotation> addImported(List<ReanchorResult> results, String sourceSession) throws AirlockException {
        List<Annotation> added = new java.util.ArrayList<>();
        for (ReanchorResult r : results) {
            check(r.annotation().content());
            Map<String, Object> data = data("import", r.annotation());
            data.put("importedFrom", sourceSession);
            data.put("anchor", r.reason());
            log.record(EntryType.ANNOTATION_CREATED, data, store.insert(session, r.annotation()));
            added.add(r.annotation());
        }
        return added;
    }

    public ReviewMark markReviewed(String ref, String path, String blobId, int firstLine, int lastLine) throws AirlockException {
        ReviewMark mark = new ReviewMark(ids.get(), ref, path, blobId, firstLine, lastLine, inspector, clock.instant());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", mark.id());
        data.put("ref", ref);
        data.put("path", path);
        data.put("blobId", blobId);
        data.put("firstLine", firstLine);
        data.put("lastLine", lastLine);
        data.put("author", inspector);
        data.put("created", mark.created().toString());
        log.record(EntryType.REVIEWED_MARKED, data, store.insertMark(session, mark, store.json(data)));
        return mark;
    }

    /** Takes back a reviewed mark (logged with the mark's place, so the log shows what is no longer marked). */
    public void unmarkReviewed(ReviewMark mark) throws AirlockException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", mark.id());
        data.put("ref", mark.ref());
        data.put("path", mark.path());
        data.put("blobId", mark.blobId());
        data.put("firstLine", mark.firstLine());
        data.put("lastLine", mark.lastLine());
        log.record(EntryType.REVIEW_UNMARKED, data, store.removeMark(session, mark.id()));
    }

    public Bookmark addBookmark(String ref, String path, int line, String label) throws AirlockException {
        if (label.length() > MAX_TITLE) {
            throw invalid("A bookmark label has at most " + MAX_TITLE + " characters");
        }
        Bookmark b = new Bookmark(ids.get(), ref, path, line, label, inspector, clock.instant());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", b.id());
        data.put("ref", ref);
        data.put("path", path);
        data.put("line", line);
        data.put("label", label);
        data.put("author", inspector);
        data.put("created", b.created().toString());
        log.record(EntryType.BOOKMARK_ADDED, data, store.insertBookmark(session, b, store.json(data)));
        return b;
    }

    /** The finding as stored now; fails when it was deleted. */
    public Annotation get(String id) throws AirlockException {
        return existing(id);
    }

    private Annotation existing(String id) throws AirlockException {
        return store.find(session, id).orElseThrow(() -> new AirlockException("annotations.unknown",
                "There is no annotation " + id + " in session " + session + " (it may have been deleted)"));
    }

    private static Map<String, Object> data(String change, Annotation a) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("change", change);
        // top-level id and severity: what the session summary counts without decoding the finding
        data.put("id", a.id());
        data.put("severity", a.severity().id());
        data.put("annotation", AnnotationCodec.withoutCode(a));
        return data;
    }

    private static void check(AnnotationContent c) throws AirlockException {
        if (c.title().isBlank() || c.title().length() > MAX_TITLE) {
            throw invalid("A finding needs a title of 1 to " + MAX_TITLE + " characters");
        }
        if (c.body().length() > MAX_BODY) {
            throw invalid("The description is longer than " + MAX_BODY + " characters; shorten it");
        }
        if (c.tags().size() > MAX_TAGS || c.tags().stream().anyMatch(t -> t.isBlank() || t.length() > MAX_TAG)) {
            throw invalid("At most " + MAX_TAGS + " tags of 1 to " + MAX_TAG + " characters each");
        }
    }

    private static AirlockException invalid(String message) {
        return new AirlockException("annotations.invalid", message);
    }
}
