package airlock.core.annotate.store;

import airlock.core.AirlockException;
import airlock.core.annotate.Anchor;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnnotationContent;
import airlock.core.annotate.Bookmark;
import airlock.core.annotate.ReviewMark;
import airlock.core.annotate.Status;
import java.util.List;

/**
 * The session's findings, review marks and bookmarks as the annotation views change them: an
 * {@link AnnotationService} on this process's tables, or the keeper's
 * ({@code airlock.keeper.client.KeeperFindings}), which computes the anchor's fingerprints from its
 * own copy of the file and writes each entry itself. Every change is logged before it returns; a
 * change the keeper's protocol has no op for is refused with an {@link AirlockException} saying so.
 */
public interface Findings {
    List<Annotation> list() throws AirlockException;

    List<ReviewMark> reviewMarks() throws AirlockException;

    List<Bookmark> bookmarks() throws AirlockException;

    Annotation create(Anchor anchor, AnnotationContent content) throws AirlockException;

    Annotation edit(String id, AnnotationContent content) throws AirlockException;

    Annotation reply(String id, String body) throws AirlockException;

    Annotation setStatus(String id, Status status) throws AirlockException;

    void delete(String id) throws AirlockException;

    Annotation get(String id) throws AirlockException;

    ReviewMark markReviewed(String ref, String path, String blobId, int firstLine, int lastLine) throws AirlockException;

    void unmarkReviewed(ReviewMark mark) throws AirlockException;

    Bookmark addBookmark(String ref, String path, int line, String label) throws AirlockException;
}
