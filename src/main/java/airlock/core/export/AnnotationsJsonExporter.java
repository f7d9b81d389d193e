package airlock.core.export;

import airlock.core.annotate.Annotation;
import airlock.core.annotate.FolderCoverage;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code annotations.json}: Airlock's own exchange format, documented with its JSON Schema in
 * {@code docs/formats/annotations.schema.json}. Lossless for everything but code, which appears
 * only as far as the {@link ExportPolicy} allows.
 */
public final class AnnotationsJsonExporter implements Exporter {
    public static final String FORMAT = "airlock-annotations";
    public static final int FORMAT_VERSION = 1;

    @Override
    public ExportFormat format() {
        return ExportFormat.JSON;
    }

    @Override
    public void write(ExportDocument doc, ExportPolicy policy, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "Airlock");
            g.writeStringField("version", doc.toolVersion());
            g.writeEndObject();
            g.writeStringField("exportedAt", doc.exportedAt().toString());
            writeSession(g, doc.session());
            writeBundle(g, doc.bundle());
            g.writeObjectFieldStart("policy");
            g.writeBooleanField("snippetsAllowed", policy.snippetsAllowed());
            g.writeNumberField("maxSnippetLines", policy.maxSnippetLines());
            g.writeEndObject();
            g.writeArrayFieldStart("annotations");
            for (Annotation a : doc.annotations()) {
                writeAnnotation(g, a, policy);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("coverage");
            for (FolderCoverage c : doc.coverage()) {
                g.writeStartObject();
                g.writeStringField("path", c.path());
                g.writeNumberField("files", c.files());
                g.writeNumberField("reviewedFiles", c.reviewedFiles());
                g.writeNumberField("lines", c.lines());
                g.writeNumberField("reviewedLines", c.reviewedLines());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeSession(JsonGenerator g, SessionInfo s) throws IOException {
        g.writeObjectFieldStart("session");
        g.writeStringField("id", s.id());
        g.writeStringField("inspector", s.inspector());
        g.writeStringField("workstation", s.workstation());
        g.writeStringField("started", s.started().toString());
        Json.stringOrNull(g, "ended", s.ended() == null ? null : s.ended().toString());
        g.writeEndObject();
    }

    private static void writeBundle(JsonGenerator g, BundleIdentity b) throws IOException {
        g.writeObjectFieldStart("bundle");
        g.writeStringField("id", b.id());
        g.writeStringField("product", b.product());
        g.writeStringField("release", b.release());
        g.writeStringField("ref", b.ref());
        g.writeStringField("commit", b.commit());
        g.writeEndObject();
    }

    private static void writeAnnotation(JsonGenerator g, Annotation a, ExportPolicy policy) throws IOException {
        g.writeObject(AnnotationCodec.toMap(a, policy::snippet));
    }
}
