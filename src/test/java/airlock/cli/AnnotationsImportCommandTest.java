package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.Confidence;
import airlock.core.annotate.LineIndex;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.cwe.CweCatalogueLoader;
import airlock.core.export.BundleIdentity;
import airlock.core.export.ExportDocument;
import airlock.core.export.ExportFormat;
import airlock.core.export.ExportPolicy;
import airlock.core.export.ExportService;
import airlock.core.export.SessionInfo;
import airlock.core.git.GitSource;
import airlock.core.history.HistoryRepo;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.core.log.LogExport;
import airlock.core.log.LogVerifier;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.media.SafeWriter;
import airlock.core.media.WriteHooks;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock annotations import}: a previous export into an open session, re-anchored and logged. */
class AnnotationsImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void importsIntoTheOpenSessionReanchoredOnTheSourceAndTheLogStillVerifies() throws Exception {
        Path repo = dir.resolve("repo");
        Path export;
        try (GitSource source = HistoryRepo.create(repo)) {
            String v1 = "refs/tags/v1";
            var entry = source.find(v1, "src/main.c");
            String text = new String(source.read(entry, 1 << 20), StandardCharsets.UTF_8);
            LineIndex idx = new LineIndex(text);
            int at = text.indexOf("// c\n// d\n// e");
            Anchor anchor = new Anchor(v1, source.commitOf(v1), "src/main.c", entry.blobId(),
                    List.of(AnchoredRange.of(idx, idx.range(at, at + "// c\n// d\n// e".length()))));
            Instant t = Instant.parse("2026-11-27T15:00:00Z");
            Annotation a = new Annotation("7f1c2d3e-0000-4000-8000-000000000001", anchor, AnchorState.CURRENT, "Returns the counter",
                    "Check *overflow*.", Severity.MEDIUM, Confidence.LOW, 190, List.of("int"), Status.OPEN, "bob", t, t, List.of());
            ExportDocument doc = new ExportDocument("test", t, new SessionInfo("s-day1", "bob", "ws-old", t, t),
                    new BundleIdentity("ab".repeat(32), "history", "v1", v1, source.commitOf(v1)), List.of(a), List.of());
            Path media = Files.createDirectories(dir.resolve("media"));
            export = new ExportService(new CweCatalogueLoader(new ObjectMapper()).loadBundled(), new SafeWriter(WriteHooks.NONE))
                    .export(doc, ExportFormat.JSON, ExportPolicy.none(), media, (SessionLog) null).path();
        }
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        String workstation = WorkstationId.loadOrCreate(home, new SecureRandom());
        var signer = WorkstationKey.loadOrCreate(home, workstation);
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer, Clock.systemUTC())) {
            logs.startSession(new SessionHeader(SessionHeader.SESSION_FORMAT, "s-day2", workstation, signer.publicKey(),
                    List.of("alice"), "cd".repeat(32), null), "alice");
        }

        Cli missing = Cli.run("annotations", "import", "--home", home.root().toString(), "--session", "s-nope", export.toString());
        assertEquals(AirlockCommand.CHECK_FAILED, missing.exit(), missing.err());
        Cli run = Cli.run("annotations", "import", "--home", home.root().toString(), "--session", "s-day2",
                "--source", repo.toString(), export.toString());
        assertEquals(AirlockCommand.OK, run.exit(), run.err());
        assertTrue(run.out().contains("imported 1 findings from session s-day1 into s-day2"), run.out());
        assertTrue(run.out().contains("1 moved"), "main.c changed between v1 and the branch head: " + run.out());

        Path db = home.databases().resolve(WorkstationLogs.DATABASE);
        try (AnnotationStore store = AnnotationStore.open(db); var logStore = airlock.core.log.LogStore.open(db)) {
            List<Annotation> imported = store.list("s-day2");
            assertEquals(1, imported.size());
            assertEquals("alice", imported.get(0).author());
            assertEquals("Returns the counter", imported.get(0).title());
            byte[] entries = LogExport.entriesFile(logStore, "s-day2");
            assertTrue(new String(entries, StandardCharsets.UTF_8).contains("annotation.created"));
            assertTrue(new LogVerifier(PinnedKeys.load(home.trustRoot())).verify(new ByteArrayInputStream(entries), null, false,
                    ProgressMonitor.NONE).isValid());
        }
    }
}
