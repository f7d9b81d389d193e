package airlock.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReanchorerTest {
    static final String V1 = RangeLocatorTest.V1;

    static Annotation annotate(MemorySourceTree tree, String ref, String path, String needle) throws Exception {
        String text = new String(tree.read(tree.find(ref, path), Long.MAX_VALUE), java.nio.charset.StandardCharsets.UTF_8);
        LineIndex idx = new LineIndex(text);
        int at = text.indexOf(needle);
        Anchor anchor = new Anchor(ref, tree.commitOf(ref), path, tree.find(ref, path).blobId(),
                List.of(AnchoredRange.of(idx, idx.range(at, at + needle.length()))));
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        return new Annotation("a-1", anchor, AnchorState.CURRENT, "Unbounded copy", "`strcpy` into a fixed buffer",
                Severity.HIGH, Confidence.MEDIUM, 120, List.of("memory"), Status.OPEN, "alice", t, t, List.of());
    }

    @Test
    void sameBlobOnAnotherRefIsCurrent() throws Exception {
        MemorySourceTree tree = new MemorySourceTree().put("v1", "src/a.c", V1).put("v2", "src/a.c", V1);
        ReanchorResult r = new Reanchorer(tree, "v2").reanchor(annotate(tree, "v1", "src/a.c", "strcpy(buf, p);"));
        assertEquals(AnchorState.CURRENT, r.state());
        assertEquals("v2", r.annotation().anchor().ref());
    }

    @Test
    void editedFileMovesTheAnnotationAndRefreshesTheFingerprint() throws Exception {
        String v2 = "/* header */\n" + V1;
        MemorySourceTree tree = new MemorySourceTree().put("v1", "src/a.c", V1).put("v2", "src/a.c", v2);
        Annotation a = annotate(tree, "v1", "src/a.c", "strcpy(buf, p);");
        ReanchorResult r = new Reanchorer(tree, "v2").reanchor(a);
        assertEquals(AnchorState.MOVED, r.state());
        AnchoredRange moved = r.annotation().anchor().primary();
        assertEquals(8, moved.range().startLine());
        assertEquals(MemorySourceTree.blobId(v2), r.annotation().anchor().blobId());
        assertEquals(a.anchor().primary().fingerprint().textHash(), moved.fingerprint().textHash());
    }

    @Test
    void renamedFileIsFollowedByBlobId() throws Exception {
        MemorySourceTree tree = new MemorySourceTree().put("v1", "src/a.c", V1).put("v2", "lib/a.c", V1);
        ReanchorResult r = new Reanchorer(tree, "v2").reanchor(annotate(tree, "v1", "src/a.c", "strcpy(buf, p);"));
        assertEquals(AnchorState.MOVED, r.state());
        assertEquals("lib/a.c", r.annotation().anchor().path());
    }

    @Test
    void deletedFileOrCodeIsOutdatedWithOriginalAnchorAndText() throws Exception {
        MemorySourceTree tree = new MemorySourceTree().put("v1", "src/a.c", V1).put("v2", "src/b.c", "int main(){}\n")
                .put("v3", "src/a.c", V1.replace("strcpy(buf, p);", "strlcpy(buf, p, sizeof buf);"));
        Annotation a = annotate(tree, "v1", "src/a.c", "strcpy(buf, p);");
        for (String ref : List.of("v2", "v3")) {
            ReanchorResult r = new Reanchorer(tree, ref).reanchor(a);
            assertEquals(AnchorState.OUTDATED, r.state(), ref);
            assertEquals(a.anchor(), r.annotation().anchor());
            assertEquals("strcpy(buf, p);", r.annotation().anchor().primary().originalText());
        }
    }

    @Test
    void oneMissingRangeOfSeveralMakesTheWholeAnnotationOutdated() throws Exception {
        MemorySourceTree tree = new MemorySourceTree().put("v1", "a.c", V1);
        Annotation a = annotate(tree, "v1", "a.c", "strcpy(buf, p);");
        LineIndex idx = new LineIndex(V1);
        int at = V1.indexOf("return 1;");
        Anchor two = new Anchor("v1", a.anchor().commit(), "a.c", a.anchor().blobId(),
                List.of(a.anchor().primary(), AnchoredRange.of(idx, idx.range(at, at + 9))));
        tree.put("v2", "a.c", V1.replace("        return 1;\n", ""));
        ReanchorResult r = new Reanchorer(tree, "v2").reanchor(a.withAnchor(two, AnchorState.CURRENT));
        assertEquals(AnchorState.OUTDATED, r.state());
        assertEquals(2, r.annotation().anchor().ranges().size());
    }

    @Test
    void rangesThatDoNotFitTheirClaimedBlobAreNeverTakenAsCurrent() throws Exception {
        MemorySourceTree tree = new MemorySourceTree().put("v1", "a.c", V1);
        Annotation a = annotate(tree, "v1", "a.c", "strcpy(buf, p);");
        AnchoredRange real = a.anchor().primary();
        TextRange beyond = new TextRange(400, 1, 400, 16, 90_000, 90_015);
        Anchor lying = new Anchor("v1", a.anchor().commit(), "a.c", a.anchor().blobId(),
                List.of(new AnchoredRange(beyond, real.fingerprint(), null)));
        ReanchorResult r = new Reanchorer(tree, "v1").reanchor(a.withAnchor(lying, AnchorState.CURRENT));
        assertEquals(AnchorState.MOVED, r.state(), r.reason());
        assertEquals(real.range(), r.annotation().anchor().primary().range(), "found again by content");
    }
}
