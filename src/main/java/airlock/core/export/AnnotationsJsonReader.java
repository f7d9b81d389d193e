package airlock.core.export;

import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Confidence;
import airlock.core.annotate.Fingerprint;
import airlock.core.annotate.Reply;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.annotate.TextRange;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a previous {@code annotations.json} as hostile input: bounded size and nesting, duplicate
 * keys and trailing content refused, every field checked against the documented limits, and each
 * failure named by its JSON path.
 */
public final class AnnotationsJsonReader {
    public static final long MAX_BYTES = 256L << 20;
    static final int MAX_ANNOTATIONS = 100_000;
    static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final Pattern CWE = Pattern.compile("CWE-[1-9][0-9]{0,5}");
    private static final Set<String> TOP = Set.of("format", "formatVersion", "tool", "exportedAt", "session", "bundle", "policy", "annotations", "coverage");
    private static final Set<String> ANNOTATION = Set.of("id", "title", "body", "severity", "confidence", "cwe", "tags", "status", "author",
            "created", "updated", "anchorState", "location", "replies");
    private static final Set<String> RANGE = Set.of("startLine", "startColumn", "endLine", "endColumn", "startOffset", "endOffset", "fingerprint", "snippet");

    private final ObjectMapper mapper;

    public AnnotationsJsonReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1 << 20).maxNumberLength(32).build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public ImportedExport read(InputStream in) throws ImportException {
        JsonNode root;
        try {
            root = mapper.readTree(new BoundedInputStream(in, MAX_BYTES));
        } catch (BoundedInputStream.TooLargeException e) {
            throw new ImportException("annotations.json is larger than " + (MAX_BYTES >> 20) + " MiB: not an Airlock export", e);
        } catch (JsonProcessingException e) {
            throw new ImportException("annotations.json is not valid JSON (" + VisibleText.escape(e.getOriginalMessage())
                    + ", at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "): export it again with Airlock", e);
        } catch (IOException e) {
            throw new ImportException("cannot read annotations.json: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ImportException("annotations.json is empty");
        }
        JsonField top = new JsonField(root, "$");
        if (!root.isObject() || !"airlock-annotations".equals(root.path("format").asText())) {
            throw new ImportException("this file is not an Airlock annotations export (no \"format\": \"airlock-annotations\")");
        }
        int version = top.field("formatVersion").integer(1, Integer.MAX_VALUE);
        if (version != AnnotationsJsonExporter.FORMAT_VERSION) {
            throw new ImportException("annotations.json has format version " + version + "; this Airlock reads version "
                    + AnnotationsJsonExporter.FORMAT_VERSION + ": import it with a matching Airlock");
        }
        top.object(TOP);
        String toolVersion = top.field("tool").object(Set.of("name", "version")).field("version").string(64);
        SessionInfo session = session(top.field("session"));
        BundleIdentity bundle = bundle(top.field("bundle"));
        JsonField list = top.field("annotations").array(MAX_ANNOTATIONS);
        List<Annotation> annotations = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            annotations.add(annotation(list.item(i)));
        }
        return new ImportedExport(toolVersion, session, bundle, annotations);
    }

    private static SessionInfo session(JsonField s) throws ImportException {
        s.object(Set.of("id", "inspector", "workstation", "started", "ended"));
        JsonField ended = s.field("ended");
        return new SessionInfo(s.field("id").nonEmpty(256), s.field("inspector").nonEmpty(256), s.field("workstation").nonEmpty(256),
                s.field("started").instant(), ended.node().isNull() ? null : ended.instant());
    }

    private static BundleIdentity bundle(JsonField b) throws ImportException {
        b.object(Set.of("id", "product", "release", "ref", "commit"));
        return new BundleIdentity(b.field("id").string(128), b.field("product").nonEmpty(256), b.field("release").nonEmpty(256),
                b.field("ref").nonEmpty(1024), b.field("commit").matching(OBJECT_ID));
    }

    static Annotation annotation(JsonField a) throws ImportException {
        a.object(ANNOTATION);
        String cwe = a.field("cwe").node().isNull() ? null : a.field("cwe").matching(CWE);
        JsonField tagList = a.field("tags").array(64);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < tagList.size(); i++) {
            tags.add(tagList.item(i).nonEmpty(64));
        }
        JsonField replyList = a.field("replies").array(1000);
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < replyList.size(); i++) {
            JsonField r = replyList.item(i).object(Set.of("id", "author", "body", "created"));
            replies.add(new Reply(r.field("id").nonEmpty(256), r.field("author").nonEmpty(256), r.field("body").string(65_536), r.field("created").instant()));
        }
        return new Annotation(a.field("id").nonEmpty(256), anchor(a.field("location")),
                parse(a.field("anchorState"), AnchorState::fromId),
                a.field("title").nonEmpty(500), a.field("body").string(65_536),
                parse(a.field("severity"), Severity::fromId), parse(a.field("confidence"), Confidence::fromId),
                cwe == null ? null : Integer.valueOf(cwe.substring(4)), tags, parse(a.field("status"), Status::fromId),
                a.field("author").nonEmpty(256), a.field("created").instant(), a.field("updated").instant(), replies);
    }

    private static Anchor anchor(JsonField l) throws ImportException {
        l.object(Set.of("ref", "commit", "path", "blobId", "ranges"));
        JsonField list = l.field("ranges").array(64);
        if (list.size() == 0) {
            throw list.fail("must name at least one range");
        }
        List<AnchoredRange> ranges = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ranges.add(range(list.item(i)));
        }
        return new Anchor(l.field("ref").nonEmpty(1024), l.field("commit").matching(OBJECT_ID), l.field("path").nonEmpty(4096),
                l.field("blobId").matching(OBJECT_ID), ranges);
    }

    private static AnchoredRange range(JsonField r) throws ImportException {
        r.object(RANGE);
        int max = Integer.MAX_VALUE;
        TextRange range;
        try {
            range = new TextRange(r.field("startLine").integer(1, max), r.field("startColumn").integer(1, max),
                    r.field("endLine").integer(1, max), r.field("endColumn").integer(1, max),
                    r.field("startOffset").integer(0, max), r.field("endOffset").integer(0, max));
        } catch (IllegalArgumentException e) {
            throw r.fail("is not a valid range: " + e.getMessage());
        }
        JsonField f = r.field("fingerprint").object(Set.of("text", "lines", "head", "before", "after", "lineCount"));
        Fingerprint fingerprint = new Fingerprint(f.field("text").matching(SHA256), f.field("lines").matching(SHA256),
                f.field("head").matching(SHA256), f.field("before").matching(SHA256), f.field("after").matching(SHA256),
                f.field("lineCount").integer(1, max));
        if (fingerprint.lineCount() != range.lineSpan()) {
            throw r.fail("has a fingerprint over " + fingerprint.lineCount() + " lines for a range over " + range.lineSpan());
        }
        JsonField snippetField = r.field("snippet");
        String snippet = snippetField.node().isMissingNode() ? null : snippetField.string(1 << 20);
        // A complete snippet is the original text; a cut one is not, and is dropped here.
        return new AnchoredRange(range, fingerprint, snippet != null && snippet.length() == range.length() ? snippet : null);
    }

    private interface Parser<T> {
        T parse(String id);
    }

    private static <T> T parse(JsonField field, Parser<T> parser) throws ImportException {
        String id = field.string(64);
        try {
            return parser.parse(id);
        } catch (IllegalArgumentException e) {
            throw field.fail("is invalid: " + VisibleText.escape(e.getMessage()));
        }
    }
}
