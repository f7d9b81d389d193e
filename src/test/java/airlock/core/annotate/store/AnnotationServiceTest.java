package airlock.core.annotate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnnotationContent;
import airlock.core.annotate.Confidence;
import airlock.core.annotate.LineIndex;
import airlock.core.annotate.ReviewMark;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.cwe.CweCatalogueLoader;
import airlock.core.export.AnnotationsJsonReader;
import airlock.core.export.BundleIdentity;
import airlock.core.export.ExportDocument;
import airlock.core.export.ExportFormat;
import airlock.core.export.ExportPolicy;
import airlock.core.export.ExportService;
import airlock.core.export.ImportedExport;
import airlock.core.log.EntryCodec;
import airlock.core.log.LogExport;
import airlock.core.media.SafeWriter;
import airlock.core.media.WriteHooks;
import com.fasterxml.jackson.databind.ObjectMapper;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogStore;
import airlock.core.log.LogVerifier;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.WorkstationSigner;
import airlock.core.progress.ProgressMonitor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationServiceTest {
    static final String CODE = "int f(char *p) {\n    strcpy(buf, p);\n    return 0;\n}\n";
    static final String BLOB = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;
    LogStore logStore;
    AnnotationStore store;
    SessionLog log;
    AnnotationService service;
    KeyPair keys;

    @BeforeEach
    void open() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        WorkstationSigner signer = new WorkstationSigner("ws-1", keys.getPrivate(), keys.getPublic());
        logStore = LogStore.open(dir.resolve("airlock.db"));
        store = AnnotationStore.open(logStore.file());
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        SessionHeader header = new SessionHeader(SessionHeader.SESSION_FORMAT, "s1", "ws-1", keys.getPublic(), List.of("alice"),
                "ab".repeat(32), null);
        log = SessionLog.start(logStore, header, "supervisor", signer, clock, 4);
        AtomicInteger n = new AtomicInteger();
        service = new AnnotationService(store, log, clock, () -> "id-" + n.incrementAndGet(), "alice");
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        logStore.close();
    }

    static Anchor anchor() {
        LineIndex idx = new LineIndex(CODE);
        int at = CODE.indexOf("strcpy");
        return new Anchor("refs/tags/v1", "fedcba9876543210fedcba9876543210fedcba98", "src/f.c", BLOB,
                List.of(AnchoredRange.of(idx, idx.range(at, at + 15))));
    }

    static AnnotationContent content(String title) {
        return new AnnotationContent(title, "Copies **p** unchecked.", Severity.HIGH, Confidence.MEDIUM, 120, List.of("memory"));
    }

    List<LogEntry> entries() throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(logStore, "s1", bytes -> out.add(codec.decode(bytes)));
        return out;
    }

    @Test
    void everyChangeIsOneLogEntryWithFullContentButNoCode() throws Exception {
        Annotation a = service.create(anchor(), content("Unbounded copy"));
        service.edit(a.id(), content("Unbounded strcpy"));
        service.reply(a.id(), "Confirmed with the vendor's notes.");
        service.setStatus(a.id(), Status.CONFIRMED);
        Annotation b = service.create(anchor(), content("Second"));
        service.delete(b.id());
        ReviewMark mark = service.markReviewed("refs/tags/v1", "src/f.c", BLOB, 0, 0);

        List<Annotation> live = service.list();
        assertEquals(1, live.size());
        Annotation stored = live.get(0);
        assertEquals("Unbounded strcpy", stored.title());
        assertEquals(Status.CONFIRMED, stored.status());
        assertEquals(1, stored.replies().size());
        assertEquals("strcpy(buf, p);", stored.anchor().primary().originalText(), "the database keeps the annotated text");
        assertEquals(List.of(mark), store.reviewMarks("s1"));

        List<EntryType> types = entries().stream().map(LogEntry::type).filter(t -> t != EntryType.CHECKPOINT).toList();
        assertEquals(List.of(EntryType.SESSION_START, EntryType.ANNOTATION_CREATED, EntryType.ANNOTATION_EDITED,
                EntryType.ANNOTATION_EDITED, EntryType.ANNOTATION_STATUS_CHANGED, EntryType.ANNOTATION_CREATED,
                EntryType.ANNOTATION_DELETED, EntryType.REVIEWED_MARKED), types);
        LogEntry deleted = entries().stream().filter(e -> e.type() == EntryType.ANNOTATION_DELETED).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) deleted.data().get("annotation");
        assertEquals("Second", content.get("title"));
        assertEquals("Copies **p** unchecked.", content.get("body"));
        for (LogEntry e : entries()) {
            assertFalse(new String(e.bytes(), StandardCharsets.UTF_8).contains("strcpy(buf"), "no code in the log: " + e.type());
        }
    }

    @Test
    void theLogStillVerifiesAfterAnnotating() throws Exception {
        Annotation a = service.create(anchor(), content("One"));
        service.setStatus(a.id(), Status.DISPUTED);
        log.end("alice", Map.of("reason", "done"));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        SessionLog.readEntries(logStore, "s1", bytes -> {
            all.writeBytes(bytes);
            all.write('\n');
        });
        PinnedKeys trust = new PinnedKeys(List.of(new PinnedKeys.Pinned("ws-1", keys.getPublic())), List.of());
        var result = new LogVerifier(trust).verify(new ByteArrayInputStream(all.toByteArray()), null, false, ProgressMonitor.NONE);
        assertTrue(result.isValid(), result.describe());
    }

    @Test
    void anActionWhoseLogEntryCannotBeWrittenDoesNotHappen() throws Exception {
        AnnotationContent huge = new AnnotationContent("Too big", "x".repeat(65_000), Severity.LOW, Confidence.LOW, null, List.of());
        AirlockException e = assertThrows(AirlockException.class, () -> service.create(anchor(), huge));
        assertEquals("log.entry.too-large", e.code());
        assertTrue(service.list().isEmpty());
        log.end("alice", Map.of());
        assertThrows(AirlockException.class, () -> service.create(anchor(), content("after end")));
        assertTrue(service.list().isEmpty());
    }

    @Test
    void invalidEditsAreRefusedBeforeAnythingIsWritten() throws Exception {
        long before = entries().size();
        assertThrows(AirlockException.class, () -> service.create(anchor(), content(" ")));
        assertThrows(AirlockException.class, () -> service.edit("no-such-id", content("x")));
        assertThrows(AirlockException.class, () -> service.reply("no-such-id", "x"));
        assertEquals(before, entries().size());
    }

    ImportedExport exportOf(byte[] json) throws Exception {
        return new AnnotationsJsonReader().read(new ByteArrayInputStream(json));
    }

    byte[] renderJson(ExportService service) throws Exception {
        store.recordBundle("s1", new BundleIdentity("ab".repeat(32), "demo", "1.0", "refs/tags/v1", "fedcba9876543210fedcba9876543210fedcba98"));
        ExportDocument doc = new SessionExports(logStore, store, Clock.systemUTC()).document("s1", "0.1.0", List.of());
        return service.render(doc, ExportFormat.JSON, ExportPolicy.none());
    }

    @Test
    void anExportIsCheckedAgainstTheLogByReplayAndItsTamperingIsNamed() throws Exception {
        Annotation a = service.create(anchor(), content("Kept"));
        service.setStatus(a.id(), Status.CONFIRMED);
        Annotation b = service.create(anchor(), content("Deleted later"));
        service.delete(b.id());
        ExportService exports = new ExportService(new CweCatalogueLoader(new ObjectMapper()).loadBundled(), new SafeWriter(WriteHooks.NONE));
        byte[] json = renderJson(exports);
        byte[] entries = LogExport.entriesFile(logStore, "s1");
        ExportLogCheck check = new ExportLogCheck();
        ExportLogCheck.Result ok = check.check(json, exportOf(json), entries);
        assertTrue(ok.matches(), ok.reason());

        byte[] tampered = new String(json, StandardCharsets.UTF_8).replace("\"confirmed\"", "\"false_positive\"").getBytes(StandardCharsets.UTF_8);
        ExportLogCheck.Result bad = check.check(tampered, exportOf(tampered), entries);
        assertFalse(bad.matches());
        assertTrue(bad.reason().contains(a.id() + " differs"), bad.reason());
    }

    @Test
    void anExportWrittenDuringTheSessionIsFoundByItsHash() throws Exception {
        service.create(anchor(), content("Recorded"));
        ExportService exports = new ExportService(new CweCatalogueLoader(new ObjectMapper()).loadBundled(), new SafeWriter(WriteHooks.NONE));
        renderJson(exports);
        ExportDocument doc = new SessionExports(logStore, store, Clock.systemUTC()).document("s1", "0.1.0", List.of());
        Path stick = java.nio.file.Files.createDirectories(dir.resolve("stick"));
        exports.export(doc, ExportFormat.JSON, ExportPolicy.none(), stick, log);
        byte[] json = java.nio.file.Files.readAllBytes(stick.resolve("annotations-s1.json"));
        ExportLogCheck.Result r = new ExportLogCheck().check(json, exportOf(json), LogExport.entriesFile(logStore, "s1"));
        assertTrue(r.matches() && r.reason().contains("exact file"), r.reason());
    }
}
