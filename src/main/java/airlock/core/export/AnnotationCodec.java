package airlock.core.export;

import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Fingerprint;
import airlock.core.annotate.Reply;
import airlock.core.annotate.TextRange;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One annotation as the object {@code annotations.json} documents, as plain maps and lists: the
 * export writes it, the session log records it (without code) and the database stores it (with
 * the annotated text as a full-length snippet). One shape, one parser.
 */
public final class AnnotationCodec {
    private AnnotationCodec() {
    }

    /**
     * @param snippet what of a range's original text may be included (null result: nothing)
     */
    public static Map<String, Object> toMap(Annotation a, UnaryOperator<String> snippet) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("body", a.body());
        m.put("severity", a.severity().id());
        m.put("confidence", a.confidence().id());
        m.put("cwe", a.cweLabel());
        m.put("tags", new ArrayList<Object>(a.tags()));
        m.put("status", a.status().id());
        m.put("author", a.author());
        m.put("created", a.created().toString());
        m.put("updated", a.updated().toString());
        m.put("anchorState", a.anchorState().id());
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("ref", a.anchor().ref());
        location.put("commit", a.anchor().commit());
        location.put("path", a.anchor().path());
        location.put("blobId", a.anchor().blobId());
        List<Object> ranges = new ArrayList<>();
        for (AnchoredRange r : a.anchor().ranges()) {
            ranges.add(range(r, snippet));
        }
        location.put("ranges", ranges);
        m.put("location", location);
        List<Object> replies = new ArrayList<>();
        for (Reply reply : a.replies()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("id", reply.id());
            rm.put("author", reply.author());
            rm.put("body", reply.body());
            rm.put("created", reply.created().toString());
            replies.add(rm);
        }
        m.put("replies", replies);
        return m;
    }

    /** No code at all (what the session log records). */
    public static Map<String, Object> withoutCode(Annotation a) {
        return toMap(a, text -> null);
    }

    /** Everything, including the annotated text (what the workstation database keeps). */
    public static Map<String, Object> complete(Annotation a) {
        return toMap(a, text -> text);
    }

    /** Parses one annotation object with the same checks as an import. */
    public static Annotation fromJson(JsonNode node) throws ImportException {
        return AnnotationsJsonReader.annotation(new JsonField(node, "$"));
    }

    private static Map<String, Object> range(AnchoredRange r, UnaryOperator<String> snippet) {
        TextRange t = r.range();
        Fingerprint f = r.fingerprint();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startLine", t.startLine());
        m.put("startColumn", t.startColumn());
        m.put("endLine", t.endLine());
        m.put("endColumn", t.endColumn());
        m.put("startOffset", t.startOffset());
        m.put("endOffset", t.endOffset());
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("text", f.textHash());
        fm.put("lines", f.linesHash());
        fm.put("head", f.headHash());
        fm.put("before", f.beforeHash());
        fm.put("after", f.afterHash());
        fm.put("lineCount", f.lineCount());
        m.put("fingerprint", fm);
        String s = r.originalText() == null ? null : snippet.apply(r.originalText());
        if (s != null) {
            m.put("snippet", s);
        }
        return m;
    }
}
