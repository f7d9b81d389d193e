package airlock.core.quote;

import airlock.core.AirlockException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that leaves together, scanned: per text (a finding's title, body, tag, reply,
 * quoted snippet, or a disclosed log field) which files it quotes and which blobs it carries, and
 * the cumulative use of the per-file and per-session quotas. Quoted lines are summed over all
 * texts: fifty findings that each quote twenty lines of one file quote a thousand lines of it.
 */
public final class QuoteReport {
    private final QuoteRules rules;
    private final List<Scanned> scanned;

    /**
     * One scanned text.
     *
     * @param owner   the finding id (or the log entry) the text belongs to
     * @param field   which text: title, body, tag, reply, snippet, or a log field name
     * @param snippet true for a quoted range the policy lets out as such (counted, never a violation by itself)
     * @param scan    what it carries, or null when it could not be checked
     * @param problem why it could not be checked, or null
     */
    public record Scanned(String owner, String field, boolean snippet, QuoteCheck.TextScan scan, String problem) {
    }

    private QuoteReport(QuoteRules rules, List<Scanned> scanned) {
        this.rules = rules;
        this.scanned = List.copyOf(scanned);
    }

    /** Collects the texts that leave together; {@link #add} each, then {@link #build}. */
    public static final class Builder {
        private final QuoteCheck check;
        private final List<Scanned> scanned = new ArrayList<>();

        public Builder(QuoteCheck check) {
            this.check = check;
        }

        /** Scans {@code text} of {@code owner}'s {@code field}. A tree that cannot be read is recorded as a problem, not thrown. */
        public Scanned add(String owner, String field, String text, boolean snippet) {
            Scanned s;
            try {
                s = new Scanned(owner, field, snippet, check.scan(text), null);
            } catch (AirlockException e) {
                s = new Scanned(owner, field, snippet, null, e.getMessage());
            }
            scanned.add(s);
            return s;
        }

        public QuoteReport build() {
            return new QuoteReport(check.rules(), scanned);
        }
    }

    public QuoteRules rules() {
        return rules;
    }

    public List<Scanned> scanned() {
        return scanned;
    }

    /** Texts of {@code owner}. */
    public List<Scanned> of(String owner) {
        return scanned.stream().filter(s -> s.owner().equals(owner)).toList();
    }

    /** Quoted lines per source file, summed over every text, largest first. */
    public Map<String, Long> linesPerFile() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Scanned s : scanned) {
            if (s.scan() != null) {
                s.scan().files().forEach(f -> out.merge(f.path(), (long) f.sourceLines(), Long::sum));
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        out.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    public long linesTotal() {
        return linesPerFile().values().stream().mapToLong(Long::longValue).sum();
    }

    public long encodedBytes() {
        return scanned.stream().filter(s -> s.scan() != null).mapToLong(s -> s.scan().encodedBytes()).sum();
    }

    /**
     * The quotas for the seal screen: the session's quoted lines and encoded bytes first, then the
     * per-file quoted lines of at most {@code maxFiles} files (those over their limit, then the most quoted).
     */
    public List<Quota> quotas(int maxFiles) {
        List<Quota> out = new ArrayList<>();
        out.add(new Quota(false, "session", Quota.QUOTED_LINES, linesTotal(), rules.maxQuotedLinesPerSession()));
        out.add(new Quota(false, "session", Quota.ENCODED_BYTES, encodedBytes(), rules.maxEncodedBytesPerSession()));
        linesPerFile().entrySet().stream().limit(maxFiles)
                .forEach(e -> out.add(new Quota(true, e.getKey(), Quota.QUOTED_LINES, e.getValue(), rules.maxQuotedLinesPerFile())));
        return out;
    }
}
