package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.BuildInfo;
import airlock.core.annotate.store.AnnotationStore;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock annotations export|check}: the archive path for a session's findings. */
@Command(name = "annotations", description = "Export a stored session's findings, or check an annotations.json export.",
        subcommands = {AnnotationsCommand.Export.class, AnnotationsCommand.Check.class})
final class AnnotationsCommand implements Runnable {
    /** The workstation database (session log and annotations) inside the home's db/ folder. */
    static final String DATABASE = "workstation.db";

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
                err.println("airlock: unknown format in " + formats + " (use json, sarif, html or md)");
                return AirlockCommand.USAGE;
            }
            if (!Files.isDirectory(out)) {
                err.println("airlock: " + out + " is not a folder; mount the stick or create the folder first");
                return AirlockCommand.USAGE;
            }
            Path db = home.open().databases().resolve(DATABASE);
            if (!Files.isRegularFile(db)) {
                err.println("airlock: there is no workstation database at " + db + ", so there is no session to export");
                return AirlockCommand.CHECK_FAILED;
            }
            try (LogStore logStore = LogStore.open(db); AnnotationStore store = AnnotationStore.open(db)) {
                SessionExports exports = new SessionExports(logStore, store, Clock.systemUTC());
                if (exports.session(session).open()) {
                    err.println("airlock: session " + session + " is still open; export it from the workstation window,"
                            + " where the export is recorded in its log, or end it first");
                    return AirlockCommand.CHECK_FAILED;
                }
                ExportDocument doc = exports.document(session, BuildInfo.version(), List.of());
                ExportService service = new ExportService(new CweCatalogueLoader(new ObjectMapper()).loadBundled(), new SafeWriter(WriteHooks.NONE));
                for (ExportFormat format : chosen) {
                    WrittenFile file = service.export(doc, format, ExportPolicy.none(), out, null);
                    spec.commandLine().getOut().println(file.path().getFileName() + "  " + file.size() + " bytes  sha256 " + file.sha256());
                }
            }
            return AirlockCommand.OK;
        }
    }

    @Command(name = "check", description = "Check that FILE is a well-formed annotations.json export and summarise it.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE", description = "an annotations.json export")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("airlock: " + file + " is not a regular file");
                return AirlockCommand.CHECK_FAILED;
            }
            try (InputStream in = Files.newInputStream(file)) {
                ImportedExport imported = new AnnotationsJsonReader().read(in);
                out.println("OK: " + imported.annotations().size() + " findings from session "
                        + VisibleText.escape(imported.session().id()) + " (" + VisibleText.escape(imported.bundle().product()) + " "
                        + VisibleText.escape(imported.bundle().release()) + ", " + imported.bundle().commit() + ")");
                return AirlockCommand.OK;
            } catch (ImportException e) {
                out.println("INVALID: " + e.getMessage());
                return AirlockCommand.CHECK_FAILED;
            } catch (IOException e) {
                spec.commandLine().getErr().println("airlock: cannot read " + file + ": " + e.getMessage());
                return AirlockCommand.IO_ERROR;
            }
        }
    }
}
