package airlock.core.annotate.store;

import airlock.core.AirlockException;
import airlock.core.annotate.CoverageCalculator;
import airlock.core.annotate.CoverageCalculator.FileLines;
import airlock.core.cwe.CweCatalogue;
import airlock.core.export.BundleIdentity;
import airlock.core.export.ExportDocument;
import airlock.core.export.ExportFormat;
import airlock.core.export.ExportPolicy;
import airlock.core.export.ExportService;
import airlock.core.export.SessionInfo;
import airlock.core.media.MediaFolder;
import airlock.core.media.SafeWriter;
import airlock.core.media.WrittenFile;
import airlock.core.policy.RoomPolicy;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.ActiveSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Exports the running session's findings from the window: the room policy decides whether
 * findings may leave at all and how much code they may quote (none under the default policy);
 * every file goes through {@link ExportService} (safe write, then an {@code export.written} entry
 * through the session's gate). The bundle identity is also stored for later exports of the ended
 * session from the command line.
 */
public final class LiveExport {
    private final ExportService service;
    private final Clock clock;
    private final String toolVersion;

    public LiveExport(CweCatalogue catalogue, SafeWriter writer, Clock clock, String toolVersion) {
        this.service = new ExportService(catalogue, writer);
        this.clock = clock;
        this.toolVersion = toolVersion;
    }

    public List<WrittenFile> export(ActiveSession session, AnnotationStore store, BundleIdentity bundle, List<FileLines> files,
                                    Set<ExportFormat> formats, Path folder, ProgressMonitor monitor) throws AirlockException {
        RoomPolicy policy = session.policy();
        ExportDocument doc = document(session, store, bundle, files);
        List<WrittenFile> written = new ArrayList<>();
        try (MediaFolder target = MediaFolder.open(folder)) {
            for (ExportFormat format : ExportFormat.values()) {
                if (formats.contains(format)) {
                    monitor.checkCancelled();
                    written.add(service.exportRecorded(doc, format, policy.exportPolicy(), target, session::record));
                }
            }
        }
        return written;
    }

    /** One rendered file of an export (through the keeper: the workstation writes it, the keeper records it). */
    public record Rendered(ExportFormat format, String name, byte[] bytes, String sha256, int annotations, ExportPolicy policy) {
    }

    /**
     * Renders the export without writing it, under the same policy rules as {@link #export} (the keeper's
     * path, issue 16): refused when the policy keeps findings in the room, code only as the policy allows.
     */
    public List<Rendered> render(ActiveSession session, AnnotationStore store, BundleIdentity bundle, List<FileLines> files,
                                 Set<ExportFormat> formats) throws AirlockException {
        RoomPolicy policy = session.policy();
        ExportDocument doc = document(session, store, bundle, files);
        List<Rendered> out = new ArrayList<>();
        for (ExportFormat format : ExportFormat.values()) {
            if (formats.contains(format)) {
                byte[] bytes = service.render(doc, format, policy.exportPolicy());
                out.add(new Rendered(format, format.fileName(session.id()), bytes, airlock.core.annotate.Fingerprints.sha256(bytes),
                        doc.annotations().size(), policy.exportPolicy()));
            }
        }
        return out;
    }

    /** Records one rendered file as written ({@code export.written}, the in-process entry) through the session's gate. */
    public static void recordWritten(ActiveSession session, Rendered r) throws AirlockException {
        ExportService.recordWritten(session::record, r.format(), r.name(), r.bytes().length, r.sha256(), r.annotations(), r.policy());
    }

    private ExportDocument document(ActiveSession session, AnnotationStore store, BundleIdentity bundle, List<FileLines> files)
            throws AirlockException {
        RoomPolicy policy = session.policy();
        if (!policy.export().annotations()) {
            throw new AirlockException("annotations.export.forbidden", "the room policy (" + policy.name()
                    + ") keeps findings in the room");
        }
        store.recordBundle(session.id(), bundle);
        return new ExportDocument(toolVersion, clock.instant(),
                new SessionInfo(session.id(), session.inspector(), session.header().workstation(), session.started(), null), bundle,
                store.list(session.id()), new CoverageCalculator().compute(files, store.reviewMarks(session.id())));
    }
}
