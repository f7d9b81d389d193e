package airlock.core.export;

import airlock.core.annotate.Annotation;
import java.util.List;

/** What a previous {@code annotations.json} says, checked field by field, not yet re-anchored. */
public record ImportedExport(String toolVersion, SessionInfo session, BundleIdentity bundle, List<Annotation> annotations) {
    public ImportedExport {
        annotations = List.copyOf(annotations);
    }
}
