package airlock.core.export;

import airlock.core.annotate.Annotation;
import airlock.core.annotate.FolderCoverage;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What both readable reports show: counts by severity and status, findings by severity, top-level coverage. */
record ReportSummary(Map<Severity, int[]> counts, List<Annotation> bySeverity, List<FolderCoverage> coverage) {
    /** Folders this deep or shallower are listed (the root is depth 0). */
    static final int COVERAGE_DEPTH = 2;

    static ReportSummary of(ExportDocument doc) {
        Map<Severity, int[]> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, new int[Status.values().length]);
        }
        for (Annotation a : doc.annotations()) {
            counts.get(a.severity())[a.status().ordinal()]++;
        }
        List<Annotation> sorted = new ArrayList<>(doc.annotations());
        sorted.sort(Comparator.comparing(Annotation::severity).reversed()
                .thenComparing(a -> a.anchor().path())
                .thenComparingInt(a -> a.anchor().primary().range().startLine())
                .thenComparing(Annotation::id));
        List<FolderCoverage> coverage = doc.coverage().stream()
                .filter(c -> depth(c.path()) <= COVERAGE_DEPTH).toList();
        return new ReportSummary(counts, sorted, coverage);
    }

    static List<Severity> severitiesDescending() {
        List<Severity> out = new ArrayList<>(List.of(Severity.values()));
        java.util.Collections.reverse(out);
        return out;
    }

    static int depth(String path) {
        return path.isEmpty() ? 0 : (int) path.chars().filter(c -> c == '/').count() + 1;
    }

    static String label(Status status) {
        return switch (status) {
            case OPEN -> "Open";
            case CONFIRMED -> "Confirmed";
            case DISPUTED -> "Disputed";
            case RESOLVED -> "Resolved";
            case FALSE_POSITIVE -> "False positive";
        };
    }

    static String label(Severity severity) {
        String id = severity.id();
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    static String percent(FolderCoverage c) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", c.percent());
    }

    /** {@code path:12:5} style location of every range. */
    static String locations(Annotation a) {
        StringBuilder out = new StringBuilder();
        for (var r : a.anchor().ranges()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(r.range().label());
        }
        return out.toString();
    }
}
