package airlock.core.export;

import airlock.core.AirlockException;
import airlock.core.cwe.CweCatalogue;
import airlock.core.log.EntryType;
import airlock.core.log.LogRecorder;
import airlock.core.log.SessionLog;
import airlock.core.log.SqlAction;
import airlock.core.media.MediaFolder;
import airlock.core.media.SafeWriter;
import airlock.core.media.WrittenFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one export path for the window and the command line: render a format in memory, write it
 * with the safe-write protocol (temp file, fsync, atomic rename, read-back hash), then record the
 * file's name, size and SHA-256 in the session log. An export is reported complete only after
 * both.
 */
public final class ExportService {
    private final Map<ExportFormat, Exporter> exporters = new EnumMap<>(ExportFormat.class);
    private final SafeWriter writer;

    public ExportService(CweCatalogue catalogue, SafeWriter writer) {
        for (Exporter e : List.of(new AnnotationsJsonExporter(), new SarifExporter(catalogue),
                new HtmlReportExporter(catalogue), new MarkdownReportExporter(catalogue))) {
            exporters.put(e.format(), e);
        }
        this.writer = writer;
    }

    /** The bytes of one format (what {@link #export} writes). */
    public byte[] render(ExportDocument doc, ExportFormat format, ExportPolicy policy) throws AirlockException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            exporters.get(format).write(doc, policy, out);
        } catch (IOException e) {
            throw new AirlockException("export.render.failed", "Cannot produce the " + format.id() + " export: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Writes one format to {@code folder} and records it in {@code log} (when a session is open). */
    public WrittenFile export(ExportDocument doc, ExportFormat format, ExportPolicy policy, Path folder, SessionLog log)
            throws AirlockException {
        return exportRecorded(doc, format, policy, folder, log == null ? null : (type, data, action) -> log.append(type, data, action));
    }

    /** Writes one format to {@code folder} and records it through {@code log} (the running session's gate), if not null. */
    public WrittenFile exportRecorded(ExportDocument doc, ExportFormat format, ExportPolicy policy, Path folder, LogRecorder log)
            throws AirlockException {
        try (MediaFolder target = MediaFolder.open(folder)) {
            return exportRecorded(doc, format, policy, target, log);
        }
    }

    /**
     * Writes one format into {@code target} (opened once for all the formats of one export) and
     * records it through {@code log}, if not null, only after the file was read back and the folder
     * confirmed to be the same, still mounted one.
     */
    public WrittenFile exportRecorded(ExportDocument doc, ExportFormat format, ExportPolicy policy, MediaFolder target,
                                      LogRecorder log) throws AirlockException {
        String name = format.fileName(doc.session().id());
        WrittenFile written = writer.write(target, name, render(doc, format, policy));
        if (log != null) {
            recordWritten(log, format, name, written.size(), written.sha256(), doc.annotations().size(), policy);
        }
        return written;
    }

    /**
     * The {@code export.written} entry of one file, the same in process and through the keeper (which
     * records it from its own rendered copy once the workstation reported it written and read back).
     */
    public static void recordWritten(LogRecorder log, ExportFormat format, String name, long size, String sha256, int annotations,
                                     ExportPolicy policy) throws AirlockException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("format", format.id());
        data.put("file", name);
        data.put("size", size);
        data.put("sha256", sha256);
        data.put("annotations", annotations);
        data.put("snippetsAllowed", policy.snippetsAllowed());
        data.put("maxSnippetLines", policy.maxSnippetLines());
        log.record(EntryType.EXPORT_WRITTEN, data, SqlAction.NONE);
    }
}
