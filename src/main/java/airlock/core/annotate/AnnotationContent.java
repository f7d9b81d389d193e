package airlock.core.annotate;

import java.util.List;
import java.util.Objects;

/** What an inspector types in the annotation editor: everything but anchor, status and thread. */
public record AnnotationContent(String title, String body, Severity severity, Confidence confidence, Integer cweId, List<String> tags) {
    public AnnotationContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(confidence, "confidence");
        tags = List.copyOf(tags);
    }
}
