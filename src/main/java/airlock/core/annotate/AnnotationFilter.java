package airlock.core.annotate;

import java.util.Locale;
import java.util.Set;

/**
 * What the annotations panel (and {@code airlock annotations list}) shows. Empty sets and null or
 * blank strings mean "any".
 *
 * @param pathPrefix only files under this path (a folder or a file)
 * @param severities any of these severities
 * @param statuses   any of these statuses
 * @param cweId      only this CWE
 * @param author     only this author (exact)
 * @param text       case-insensitive text in title, body, tags, path or replies
 */
public record AnnotationFilter(String pathPrefix, Set<Severity> severities, Set<Status> statuses, Integer cweId, String author, String text) {

    public AnnotationFilter {
        severities = Set.copyOf(severities);
        statuses = Set.copyOf(statuses);
    }

    public static AnnotationFilter any() {
        return new AnnotationFilter(null, Set.of(), Set.of(), null, null, null);
    }

    public boolean test(Annotation a) {
        if (pathPrefix != null && !pathPrefix.isBlank() && !under(a.anchor().path(), pathPrefix)) {
            return false;
        }
        if (!severities.isEmpty() && !severities.contains(a.severity())) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(a.status())) {
            return false;
        }
        if (cweId != null && !cweId.equals(a.cweId())) {
            return false;
        }
        if (author != null && !author.isBlank() && !author.equals(a.author())) {
            return false;
        }
        return text == null || text.isBlank() || containsText(a, text.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean under(String path, String prefix) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(p) || path.startsWith(p + "/");
    }

    private static boolean containsText(Annotation a, String needle) {
        if (has(a.title(), needle) || has(a.body(), needle) || has(a.anchor().path(), needle)) {
            return true;
        }
        for (String tag : a.tags()) {
            if (has(tag, needle)) {
                return true;
            }
        }
        for (Reply r : a.replies()) {
            if (has(r.body(), needle)) {
                return true;
            }
        }
        return a.cweLabel() != null && has(a.cweLabel(), needle);
    }

    private static boolean has(String haystack, String lowerNeedle) {
        return haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}
