package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.BuildInfo;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnnotationFilter;
import airlock.core.annotate.AnnotationOrder;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.annotate.store.ExportLogCheck;
import airlock.core.log.LogVerification;
import airlock.core.log.LogVerifier;
import airlock.core.log.PinnedKeys;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.annotate.store.SessionExports;
import airlock.core.cwe.CweCatalogueLoader;
import airlock.core.export.AnnotationsJsonReader;
import airlock.core.export.ExportDocument;
import airlock.core.export.ExportFormat;
import airlock.core.export.ExportPolicy;
import airlock.core.export.ExportService;
import airlock.core.export.ImportException;
import airlock.core.export.ImportedExport;
import airlock.core.export.VisibleText;
import airlock.core.log.LogStore;
import airlock.core.media.SafeWriter;
import airlock.core.media.WriteHooks;
import airlock.core.media.WrittenFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock annotations export|check}: the archive path for a session's findings. */
@Command(name = "annotations", description = "Export or list a stored session's findings, or check an annotations.json export.",
        subcommands = {AnnotationsCommand.Export.class, AnnotationsCommand.ListFindings.class, AnnotationsCommand.Check.class,
            AnnotationsImport.class})
final class AnnotationsCommand implements Runnable {
    /** The one workstation database (session log and annotations, so an action and its entry share a transaction). */
    static final String DATABASE = airlock.core.session.WorkstationLogs.DATABASE;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", description = "Write the findings of an ended session as json, sarif, html or md to DIR"
            + " (safe write: temp file, fsync, rename, read-back hash). Without a room policy no code is included.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Option(names = "--session", required = true, paramLabel = "ID", description = "the session to export")
        String session;
        @Option(names = "--format", required = true, split = ",", paramLabel = "FORMAT",
                description = "json, sarif, html or md (several separated by commas)")
        List<String> formats;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write to (e.g. the mounted stick)")
        Path out;

        @Override
        public Integer call() throws AirlockException {
            PrintWriter err = spec.commandLine().getErr();
            List<ExportFormat> chosen;
            try {
                chosen = formats.stream().map(f -> ExportFormat.valueOf(f.strip().toUpperCase(Locale.ROOT))).toList();
            } catch (IllegalArgumentException e) {
                err.println("airlock: unknown format in " + TerminalText.of(formats) + " (use json, sarif, html or md)");
                return AirlockCommand.USAGE;
            }
            if (!Files.isDirectory(out)) {
                err.println("airlock: " + TerminalText.of(out) + " is not a folder; mount the stick or create the folder first");
                return AirlockCommand.USAGE;
            }
            Path db = home.open().databases().resolve(DATABASE);
            if (!Files.isRegularFile(db)) {
                err.println("airlock: there is no workstation database at " + TerminalText.of(db) + ", so there is no session to export");
                return AirlockCommand.CHECK_FAILED;
            }
            try (LogStore logStore = LogStore.openForReading(db); AnnotationStore store = AnnotationStore.open(db)) {
                SessionExports exports = new SessionExports(logStore, store, Clock.systemUTC());
                if (exports.session(session).open()) {
                    err.println("airlock: session " + TerminalText.of(session) + " is still open; export it from the workstation window,"
                            + " where the export is recorded in its log, or end it first");
                    return AirlockCommand.CHECK_FAILED;
                }
                ExportDocument doc = exports.document(session, BuildInfo.version(), List.of());
                ExportService service = new ExportService(new CweCatalogueLoader(new ObjectMapper()).loadBundled(), new SafeWriter(WriteHooks.NONE));
                try (airlock.core.media.MediaFolder target = airlock.core.media.MediaFolder.open(out)) {
                    for (ExportFormat format : chosen) {
                        WrittenFile file = service.exportRecorded(doc, format, ExportPolicy.none(), target, null);
                        spec.commandLine().getOut().println(TerminalText.of(file.path().getFileName()) + "  " + file.size()
                                + " bytes  sha256 " + file.sha256() + "  (" + file.readBack().description() + ")");
                    }
                }
            }
            return AirlockCommand.OK;
        }
    }

    @Command(name = "list", description = "List a stored session's findings, filtered and sorted as in the annotations panel.")
    static final class ListFindings implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Option(names = "--session", required = true, paramLabel = "ID")
        String session;
        @Option(names = "--path", paramLabel = "FOLDER", description = "only files under this folder or file")
        String path;
        @Option(names = "--severity", split = ",", paramLabel = "S", description = "informational, low, medium, high, critical")
        List<String> severities = List.of();
        @Option(names = "--status", split = ",", paramLabel = "S", description = "open, confirmed, disputed, resolved, false_positive")
        List<String> statuses = List.of();
        @Option(names = "--cwe", paramLabel = "N", description = "only this CWE number")
        Integer cwe;
        @Option(names = "--author", paramLabel = "NAME")
        String author;
        @Option(names = "--text", paramLabel = "TEXT", description = "text in title, body, tags, path or replies")
        String text;
        @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "severity",
                description = "file, severity, status, category, author or newest (default: ${DEFAULT-VALUE})")
        String sort;

        @Override
        public Integer call() throws AirlockException {
            AnnotationFilter filter;
            AnnotationOrder order;
            try {
                filter = new AnnotationFilter(path, severities.stream().map(Severity::fromId).collect(Collectors.toSet()),
                        statuses.stream().map(Status::fromId).collect(Collectors.toSet()), cwe, author, text);
                order = AnnotationOrder.fromId(sort);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("airlock: " + TerminalText.of(e.getMessage()));
                return AirlockCommand.USAGE;
            }
            Path db = home.open().databases().resolve(DATABASE);
            if (!Files.isRegularFile(db)) {
                spec.commandLine().getErr().println("airlock: there is no workstation database at " + TerminalText.of(db));
                return AirlockCommand.CHECK_FAILED;
            }
            try (LogStore logStore = LogStore.openForReading(db); AnnotationStore store = AnnotationStore.open(db)) {
                new SessionExports(logStore, store, Clock.systemUTC()).session(session);
                PrintWriter out = spec.commandLine().getOut();
                List<Annotation> shown = order.select(store.list(session), filter);
                for (Annotation a : shown) {
                    out.printf("%-13s %-14s %-8s %s:%d  %s%n", a.severity().id(), a.status().id(),
                            a.cweLabel() == null ? "-" : TerminalText.of(a.cweLabel()), VisibleText.escape(a.anchor().path()),
                            a.anchor().primary().range().startLine(), VisibleText.escape(a.title()));
                }
                out.println(shown.size() + " findings");
            }
            return AirlockCommand.OK;
        }
    }

    @Command(name = "check", description = "Check that FILE is a well-formed annotations.json export and summarise it;"
            + " with --log, also verify that session log (against the pinned keys) and that the export matches it.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Parameters(index = "0", paramLabel = "FILE", description = "an annotations.json export")
        Path file;
        @Option(names = "--log", paramLabel = "ENTRIES", description = "the session log's entries file the export came from")
        Path log;
        @Option(names = "--seal", paramLabel = "SEAL", description = "the supervisor's seal of that log (required for a sealed session)")
        Path seal;

        @Override
        public Integer call() throws AirlockException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (Path p : new Path[] {file, log, seal}) {
                if (p != null && !Files.isRegularFile(p)) {
                    err.println("airlock: " + TerminalText.of(p) + " is not a regular file");
                    return AirlockCommand.CHECK_FAILED;
                }
            }
            byte[] bytes;
            try {
                if (Files.size(file) > AnnotationsJsonReader.MAX_BYTES) {
                    out.println("INVALID: " + TerminalText.of(file) + " is larger than any Airlock export");
                    return AirlockCommand.CHECK_FAILED;
                }
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println("airlock: cannot read " + TerminalText.of(file) + ": " + TerminalText.of(e.getMessage()));
                return AirlockCommand.IO_ERROR;
            }
            ImportedExport imported;
            try {
                imported = new AnnotationsJsonReader().read(new ByteArrayInputStream(bytes));
            } catch (ImportException e) {
                out.println("INVALID: " + TerminalText.of(e.getMessage()));
                return AirlockCommand.CHECK_FAILED;
            }
            out.println("OK: " + imported.annotations().size() + " findings from session "
                    + VisibleText.escape(imported.session().id()) + " (" + VisibleText.escape(imported.bundle().product()) + " "
                    + VisibleText.escape(imported.bundle().release()) + ", " + imported.bundle().commit() + ")");
            return log == null ? AirlockCommand.OK : againstLog(bytes, imported, out, err);
        }

        private int againstLog(byte[] bytes, ImportedExport imported, PrintWriter out, PrintWriter err) throws AirlockException {
            PinnedKeys trust = PinnedKeys.load(home.open().trustRoot());
            try (InputStream entries = Files.newInputStream(log)) {
                LogVerification verdict = new LogVerifier(trust).verify(entries, seal == null ? null : Files.readAllBytes(seal),
                        seal != null, ProgressMonitor.NONE);
                if (!verdict.isValid()) {
                    out.println("LOG " + TerminalText.of(verdict.describe()));
                    return AirlockCommand.CHECK_FAILED;
                }
                out.println("LOG " + TerminalText.of(verdict.describe()));
                Path disclosures = airlock.core.log.LogFiles.disclosuresFor(log);
                ExportLogCheck.Result match = new ExportLogCheck().check(bytes, imported, Files.readAllBytes(log),
                        Files.isRegularFile(disclosures) ? Files.readAllBytes(disclosures) : null);
                out.println((match.matches() ? "MATCHES LOG: " : "DIFFERS FROM LOG: ") + TerminalText.of(match.reason()));
                return match.matches() ? AirlockCommand.OK : AirlockCommand.CHECK_FAILED;
            } catch (IOException e) {
                err.println("airlock: cannot read " + TerminalText.of(log) + ": " + TerminalText.of(e.getMessage()));
                return AirlockCommand.IO_ERROR;
            } catch (CancelledException e) {
                err.println("airlock: cancelled");
                return AirlockCommand.IO_ERROR;
            }
        }
    }
}
