package airlock.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.AnchorState;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.MemorySourceTree;
import airlock.core.annotate.ReanchorResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnnotationImporterTest {

    @Test
    void previousExportWithoutCodeIsReanchoredToTheNewRelease() throws Exception {
        String code = ExportFixtures.CODE;
        String newCode = "#include <string.h>\n\n" + code;
        ExportDocument doc = ExportFixtures.document(1);
        Annotation a = doc.annotations().get(0);
        MemorySourceTree tree = new MemorySourceTree().put("refs/tags/v2.0", "src/check.c", newCode)
                .put("refs/tags/v2.0", "other.c", "int x;\n");
        // point the fixture at the real blob of the old content
        Annotation pinned = a.withAnchor(new airlock.core.annotate.Anchor(a.anchor().ref(), a.anchor().commit(), "src/check.c",
                MemorySourceTree.blobId(code), a.anchor().ranges()), AnchorState.CURRENT);
        ExportDocument one = new ExportDocument(doc.toolVersion(), doc.exportedAt(), doc.session(), doc.bundle(), List.of(pinned), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AnnotationsJsonExporter().write(one, ExportPolicy.none(), out);
        ImportedExport imported = new AnnotationsJsonReader().read(new ByteArrayInputStream(out.toByteArray()));

        AtomicInteger n = new AtomicInteger();
        Clock clock = Clock.fixed(Instant.parse("2026-04-01T08:00:00Z"), ZoneOffset.UTC);
        List<ReanchorResult> results = new AnnotationImporter(clock, () -> "id-" + n.incrementAndGet())
                .adopt(imported, tree, "refs/tags/v2.0", "carol");
        ReanchorResult r = results.get(0);
        assertEquals(AnchorState.MOVED, r.state(), r.reason());
        Annotation adopted = r.annotation();
        assertEquals("carol", adopted.author());
        assertEquals("refs/tags/v2.0", adopted.anchor().ref());
        assertEquals(5, adopted.anchor().primary().range().startLine());
        assertEquals(Instant.parse("2026-04-01T08:00:00Z"), adopted.created());
        assertTrue(adopted.replies().get(0).body().contains("by alice"));
        assertEquals(a.title(), adopted.title());
    }

    @Test
    void findingsWhoseFileIsGoneAreKeptAsOutdated() throws Exception {
        ExportDocument doc = ExportFixtures.document(3);
        ImportedExport imported = new ImportedExport("0.1.0", doc.session(), doc.bundle(), doc.annotations());
        MemorySourceTree tree = new MemorySourceTree().put("v9", "unrelated.c", "int y;\n");
        List<ReanchorResult> results = new AnnotationImporter(Clock.systemUTC(), () -> "x").adopt(imported, tree, "v9", "carol");
        assertEquals(3, results.size());
        assertTrue(results.stream().allMatch(r -> r.state() == AnchorState.OUTDATED));
    }
}
