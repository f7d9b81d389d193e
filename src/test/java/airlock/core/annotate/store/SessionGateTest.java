package airlock.core.annotate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Bookmark;
import airlock.core.annotate.MemorySourceTree;
import airlock.core.annotate.ReviewMark;
import airlock.core.cwe.CweCatalogueLoader;
import airlock.core.export.BundleIdentity;
import airlock.core.export.ExportDocument;
import airlock.core.export.ExportFormat;
import airlock.core.export.ExportPolicy;
import airlock.core.export.ExportService;
import airlock.core.export.SessionInfo;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.PinnedKeys;
import airlock.core.media.SafeWriter;
import airlock.core.media.WriteHooks;
import airlock.core.session.SessionState;
import airlock.testutil.TestSessions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Annotation changes through the running session's gate: refused while locked, marks taken back, bookmarks, import. */
class SessionGateTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;

    private static AnnotationService service(TestSessions s, AnnotationStore store, String prefix) {
        AtomicInteger n = new AtomicInteger();
        return new AnnotationService(store, s.session().id(), s.session()::record, CLOCK, () -> prefix + n.incrementAndGet(),
                s.session().inspector());
    }

    private static List<LogEntry> entries(TestSessions s) throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        byte[] all = s.entries();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(codec.decode(java.util.Arrays.copyOfRange(all, start, i)));
                start = i + 1;
            }
        }
        return out;
    }

    @Test
    void nothingChangesWhileTheSessionIsLocked() throws Exception {
        try (TestSessions s = TestSessions.start(dir.resolve("home"), "s-gate", "alice", CLOCK, 0);
             AnnotationStore store = AnnotationStore.open(s.store().file())) {
            AnnotationService service = service(s, store, "id-");
            Annotation a = service.create(AnnotationServiceTest.anchor(), AnnotationServiceTest.content("Unbounded copy"));
            s.session().lockNow();
            assertEquals(SessionState.LOCKED, s.session().state());
            AirlockException refused = assertThrows(AirlockException.class,
                    () -> service.edit(a.id(), AnnotationServiceTest.content("Changed while locked")));
            assertEquals("session.locked", refused.code());
            assertEquals("Unbounded copy", service.list().get(0).title(), "the change did not happen");
            assertThrows(AirlockException.class, () -> service.markReviewed("refs/tags/v1", "src/f.c", AnnotationServiceTest.BLOB, 0, 0));
            assertEquals(List.of(), service.reviewMarks());
            s.session().unlock("alice");
            service.edit(a.id(), AnnotationServiceTest.content("Changed after unlock"));
            assertEquals("Changed after unlock", service.list().get(0).title());
            LogEntry created = entries(s).stream().filter(e -> e.type() == EntryType.ANNOTATION_CREATED).findFirst().orElseThrow();
            assertEquals(a.id(), created.data().get("id"), "the summary reads the finding's id at the top level");
            assertEquals("high", created.data().get("severity"));
            assertTrue(s.verify().isValid());
        }
    }

    @Test
    void reviewedMarksCanBeTakenBackAndBookmarksAreKept() throws Exception {
        try (TestSessions s = TestSessions.start(dir.resolve("home"), "s-marks", "alice", CLOCK, 0);
             AnnotationStore store = AnnotationStore.open(s.store().file())) {
            AnnotationService service = service(s, store, "m-");
            ReviewMark whole = service.markReviewed("refs/tags/v1", "src/f.c", AnnotationServiceTest.BLOB, 0, 0);
            ReviewMark lines = service.markReviewed("refs/tags/v1", "src/f.c", AnnotationServiceTest.BLOB, 2, 3);
            service.unmarkReviewed(whole);
            assertEquals(List.of(lines), service.reviewMarks());
            assertThrows(AirlockException.class, () -> service.unmarkReviewed(whole), "a mark is taken back once");
            Bookmark b = service.addBookmark("refs/tags/v1", "src/f.c", 2, "check the copy");
            assertEquals(List.of(b), service.bookmarks());
            List<EntryType> types = entries(s).stream().map(LogEntry::type).toList();
            assertTrue(types.contains(EntryType.REVIEW_UNMARKED) && types.contains(EntryType.BOOKMARK_ADDED), types.toString());
            assertTrue(s.verify().isValid());
        }
    }

    @Test
    void importBringsAVerifiedExportInAsTheInspectorsOwnReanchoredAndLogged() throws Exception {
        String v1 = AnnotationServiceTest.CODE;
        String v2 = "// new header line\n\n" + v1;
        MemorySourceTree tree = new MemorySourceTree().put("refs/tags/v1", "src/f.c", v1).put("refs/tags/v2", "src/f.c", v2);
        Path media = Files.createDirectories(dir.resolve("media"));
        Path exported;
        Path log = media.resolve("s-old.entries");
        try (TestSessions old = TestSessions.start(dir.resolve("home-old"), "s-old", "bob", CLOCK, 0);
             AnnotationStore store = AnnotationStore.open(old.store().file())) {
            AnnotationService service = service(old, store, "old-");
            var idx = new airlock.core.annotate.LineIndex(v1);
            int at = v1.indexOf("strcpy");
            var anchor = new airlock.core.annotate.Anchor("refs/tags/v1", tree.commitOf("refs/tags/v1"), "src/f.c",
                    MemorySourceTree.blobId(v1), List.of(airlock.core.annotate.AnchoredRange.of(idx, idx.range(at, at + 15))));
            service.create(anchor, AnnotationServiceTest.content("Unbounded copy"));
            ExportDocument doc = new ExportDocument("test", CLOCK.instant(), new SessionInfo("s-old", "bob", "ws-test",
                    CLOCK.instant(), null), new BundleIdentity(TestSessions.BUNDLE, "memory", "v1", "refs/tags/v1",
                    tree.commitOf("refs/tags/v1")), service.list(), List.of());
            ExportService exports = new ExportService(new CweCatalogueLoader(new ObjectMapper()).loadBundled(), new SafeWriter(WriteHooks.NONE));
            exported = exports.exportRecorded(doc, ExportFormat.JSON, ExportPolicy.none(), media, old.session()::record).path();
            Files.write(log, old.entries());
            // the new workstation pins the old one's key for this check
            try (var keys = Files.list(old.home().trust(airlock.core.home.TrustPurpose.WORKSTATION))) {
                for (Path k : keys.toList()) {
                    Files.copy(k, dir.resolve("trust-old-" + k.getFileName()));
                }
            }
        }
        try (TestSessions s = TestSessions.start(dir.resolve("home"), "s-new", "alice", CLOCK, 0);
             AnnotationStore store = AnnotationStore.open(s.store().file())) {
            try (var keys = Files.list(dir)) {
                for (Path k : keys.filter(p -> p.getFileName().toString().startsWith("trust-old-")).toList()) {
                    Files.copy(k, s.home().trust(airlock.core.home.TrustPurpose.WORKSTATION).resolve("old-" + k.getFileName()));
                }
            }
            AnnotationService service = service(s, store, "new-");
            FindingsImport importer = new FindingsImport(PinnedKeys.load(s.home().trustRoot()), CLOCK, () -> "r-" + System.nanoTime());
            FindingsImport.Outcome outcome = importer.run(exported, log, null, tree, "refs/tags/v2", service);
            assertTrue(outcome.logCheck().contains("recorded this exact file"), outcome.logCheck());
            assertEquals(1, outcome.count(AnchorState.MOVED), "found two lines further down in v2");
            Annotation a = service.list().get(0);
            assertEquals("alice", a.author());
            assertEquals(4, a.anchor().primary().range().startLine());
            assertTrue(a.replies().get(0).body().contains("Imported from session s-old"));

            // the finding's text is committed in the log (issue 18): alter a member held in clear
            String before = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            assertTrue(before.contains("\"change\":\"create\""), "the annotation entry's change is in clear");
            Files.writeString(log, before.replace("\"change\":\"create\"", "\"change\":\"crEate\""));
            AirlockException tampered = assertThrows(AirlockException.class,
                    () -> importer.run(exported, log, null, tree, "refs/tags/v2", service));
            assertEquals("annotations.import.log", tampered.code());
            assertEquals(1, service.list().size(), "nothing was imported from a log that does not verify");
            assertTrue(s.verify().isValid());
        }
    }
}
