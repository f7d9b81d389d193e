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

    /**
     * Collects the texts that leave together; {@link #add} each, then {@link #build}, which scans
     * them on several threads (each text on its own; the report keeps the order they were added in).
     */
    public static final class Builder {
        private final QuoteCheck check;
        private final int threads;
        private final List<String[]> texts = new ArrayList<>();
        private final List<Boolean> snippets = new ArrayList<>();

        /** A builder scanning on every core. */
        public Builder(QuoteCheck check) {
            this(check, Runtime.getRuntime().availableProcessors());
        }

        public Builder(QuoteCheck check, int threads) {
            this.check = check;
            this.threads = Math.max(1, threads);
        }

        /** Adds {@code text} of {@code owner}'s {@code field}, to be scanned by {@link #build}. */
        public void add(String owner, String field, String text, boolean snippet) {
            texts.add(new String[] {owner, field, text});
            snippets.add(snippet);
        }

        /** Scans every text added. A tree that cannot be read is recorded per text as a problem, not thrown. */
        public QuoteReport build() {
            Scanned[] out = new Scanned[texts.size()];
            int n = Math.min(threads, Math.max(1, texts.size() / 16)); // a few texts are not worth a thread
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            Runnable work = () -> {
                for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                    out[i] = scan(i);
                }
            };
            if (n == 1) {
                work.run();
            } else {
                Thread[] helpers = new Thread[n - 1];
                for (int t = 0; t < helpers.length; t++) {
                    helpers[t] = new Thread(work, "quote-check-" + (t + 1));
                    helpers[t].setDaemon(true);
                    helpers[t].start();
                }
                work.run(); // the calling thread scans too
                boolean interrupted = false;
                for (Thread helper : helpers) {
                    while (helper.isAlive()) {
                        try {
                            helper.join();
                        } catch (InterruptedException e) {
                            interrupted = true; // the helpers finish their texts; the report must be whole
                        }
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) { // a helper died of an unexpected error: scanned here, so it is thrown here
                    out[i] = scan(i);
                }
            }
            return new QuoteReport(check.rules(), java.util.Arrays.asList(out));
        }

        private Scanned scan(int i) {
            String[] t = texts.get(i);
            try {
                return new Scanned(t[0], t[1], snippets.get(i), check.scan(t[2]), null);
            } catch (AirlockException e) {
                return new Scanned(t[0], t[1], snippets.get(i), null, e.getMessage());
            }
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
