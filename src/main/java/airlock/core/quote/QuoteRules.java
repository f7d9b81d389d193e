package airlock.core.quote;

/**
 * The room policy's limits on code that leaves inside text (its {@code quotes} block; issue 18).
 *
 * @param minRunTokens              a run of this many consecutive tokens found in the reviewed tree is quoted code (4..200)
 * @param maxQuotedLinesPerFile     lines of one source file that all the texts leaving together may quote
 * @param maxQuotedLinesPerSession  lines of the whole tree that all the texts leaving together may quote
 * @param maxEncodedBytesPerSession bytes of encoded text (Base64, hex, long runs of one alphabet) in all texts together
 */
public record QuoteRules(int minRunTokens, int maxQuotedLinesPerFile, int maxQuotedLinesPerSession,
                         int maxEncodedBytesPerSession) {
    public static final int MIN_RUN = 4;
    public static final int MAX_RUN = 200;
    public static final int MAX_LIMIT = 1_000_000;

    public QuoteRules {
        if (minRunTokens < MIN_RUN || minRunTokens > MAX_RUN) {
            throw new IllegalArgumentException("quotes.minRunTokens must be " + MIN_RUN + ".." + MAX_RUN + ", not " + minRunTokens);
        }
        for (int limit : new int[] {maxQuotedLinesPerFile, maxQuotedLinesPerSession, maxEncodedBytesPerSession}) {
            if (limit < 0 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("quote limits must be 0.." + MAX_LIMIT + ", not " + limit);
            }
        }
    }

    /**
     * The defaults, used when a policy has no {@code quotes} block: 8 tokens make a quote (about
     * half a line of C), 40 quoted lines per file and 200 per session over all findings, and 256
     * bytes of encoded text per session (room for a few hashes or ids, not for a file).
     */
    public static QuoteRules defaults() {
        return new QuoteRules(8, 40, 200, 256);
    }

    /** The k-gram length of the fingerprints: at most 5 tokens, and short enough for a window of at least 2. */
    public int k() {
        return Math.max(2, Math.min(5, minRunTokens - 3));
    }

    /** The winnowing window: with {@link #k()} it guarantees that every run of {@link #minRunTokens} shares a fingerprint. */
    public int window() {
        return minRunTokens - k() + 1;
    }
}
