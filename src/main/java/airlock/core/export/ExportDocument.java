package airlock.core.export;

import airlock.core.annotate.Annotation;
import airlock.core.annotate.FolderCoverage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Everything an export says, whatever its format. */
public record ExportDocument(String toolVersion, Instant exportedAt, SessionInfo session, BundleIdentity bundle,
        List<Annotation> annotations, List<FolderCoverage> coverage) {
    public ExportDocument {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(bundle, "bundle");
        annotations = List.copyOf(annotations);
        coverage = List.copyOf(coverage);
    }
}
