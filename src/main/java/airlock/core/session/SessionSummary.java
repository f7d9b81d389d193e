package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.annotate.Severity;
import airlock.core.log.EntryCodec;
import airlock.core.log.LogEntry;
import airlock.core.log.LogStore;
import airlock.core.log.SessionLog;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a session did, computed from its log alone (so the supervisor and an auditor get the same
 * figures). Reads these data members: {@code path} of {@code file.opened} and
 * {@code review.marked}; {@code id} and {@code severity} of {@code annotation.created} /
 * {@code annotation.edited}, {@code id} of {@code annotation.deleted}. Entries without them are
 * counted where they can be and otherwise ignored.
 *
 * @param coveragePercent reviewed files as a whole percentage of {@code bundleFiles}, or -1 when unknown
 */
public record SessionSummary(String session, String inspector, Instant started, Instant ended, long minutes, int filesOpened,
                             int filesReviewed, int bundleFiles, int coveragePercent, Map<Severity, Integer> findingsBySeverity,
                             int searches, int refusedAttempts, int locks, int exportDecisions) {
    public SessionSummary {
        findingsBySeverity = Map.copyOf(findingsBySeverity);
    }

    static SessionSummary of(LogStore store, String id, int bundleFiles, Instant now) throws AirlockException {
        Counter c = new Counter();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(store, id, bytes -> c.add(codec.decode(bytes)));
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        c.findings.values().forEach(s -> bySeverity.merge(s, 1, Integer::sum));
        int coverage = bundleFiles > 0 ? (int) Math.min(100, c.reviewed.size() * 100L / bundleFiles) : -1;
        Instant started = c.started != null ? c.started : now;
        return new SessionSummary(id, c.inspector, started, now, Duration.between(started, now).toMinutes(), c.opened.size(),
                c.reviewed.size(), bundleFiles, coverage, bySeverity, c.searches, c.refused, c.locks, c.decisions);
    }

    /** The summary as the data of the {@code session.end} entry. */
    public Map<String, Object> toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("minutes", minutes);
        data.put("filesOpened", filesOpened);
        data.put("filesReviewed", filesReviewed);
        data.put("bundleFiles", bundleFiles);
        data.put("coveragePercent", coveragePercent);
        Map<String, Object> severities = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            severities.put(s.id(), findingsBySeverity.getOrDefault(s, 0));
        }
        data.put("findingsBySeverity", severities);
        data.put("searches", searches);
        data.put("refusedAttempts", refusedAttempts);
        data.put("locks", locks);
        data.put("exportDecisions", exportDecisions);
        return data;
    }

    private static final class Counter {
        final Set<String> opened = new HashSet<>();
        final Set<String> reviewed = new HashSet<>();
        final Map<String, Severity> findings = new HashMap<>();
        String inspector = "";
        Instant started;
        int searches;
        int refused;
        int locks;
        int decisions;

        void add(LogEntry e) {
            Map<String, Object> d = e.data();
            switch (e.type()) {
                case SESSION_START -> {
                    started = Instant.parse(e.time());
                    inspector = e.actor();
                }
                case FILE_OPENED -> text(d, "path").ifPresent(opened::add);
                case REVIEWED_MARKED -> text(d, "path").ifPresent(reviewed::add);
                case ANNOTATION_CREATED, ANNOTATION_EDITED -> text(d, "id").ifPresent(id ->
                        findings.put(id, text(d, "severity").flatMap(Counter::severity).orElse(findings.getOrDefault(id, Severity.INFORMATIONAL))));
                case ANNOTATION_DELETED -> text(d, "id").ifPresent(findings::remove);
                case SEARCH_RUN -> searches++;
                case COPY_REFUSED, PRINT_REFUSED, POLICY_VIOLATION -> refused++;
                case SESSION_LOCKED -> locks++;
                case EXPORT_DECISION -> decisions++;
                default -> { }
            }
        }

        private static java.util.Optional<String> text(Map<String, Object> d, String key) {
            return d.get(key) instanceof String s ? java.util.Optional.of(s) : java.util.Optional.empty();
        }

        private static java.util.Optional<Severity> severity(String id) {
            try {
                return java.util.Optional.of(Severity.fromId(id));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
