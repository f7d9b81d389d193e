package airlock.core.search;

import java.util.function.BooleanSupplier;

/**
 * The text handed to java.util.regex, counting every character the engine looks at. A backtracking
 * engine can take exponential time on patterns such as {@code (a+)+$}; this wrapper stops such a
 * search once it has spent its budget or when the user cancels, so no query can hang the
 * workstation. The check runs every {@value #CHUNK} characters to keep the common path cheap.
 */
final class BudgetedText implements CharSequence {
    static final int CHUNK = 1 << 12;
    private final String text;
    private final BooleanSupplier cancelled;
    private final long chunks;
    private long remainingChunks;
    private int credit = CHUNK;
    /** Steps at which the current line's own limit is reached (checked at each refill); none when MAX_VALUE. */
    private long lineLimitAt = Long.MAX_VALUE;

    BudgetedText(String text, long maxSteps, BooleanSupplier cancelled) {
        this.text = text;
        this.cancelled = cancelled;
        this.remainingChunks = Math.max(1, maxSteps / CHUNK);
        this.chunks = remainingChunks;
    }

    /** Steps spent so far. */
    long spent() {
        return (chunks - remainingChunks) * CHUNK + (CHUNK - credit);
    }

    /**
     * Gives the work from now on a limit of its own (a line java.util.regex may backtrack on): past
     * about {@code steps} more, {@link LineLimit} is thrown (checked every {@value #CHUNK} steps).
     */
    void limitLine(long steps) {
        lineLimitAt = spent() + steps;
    }

    void unlimitLine() {
        lineLimitAt = Long.MAX_VALUE;
    }

    /** The default budget for a text: generous for any sane pattern, bounded for a pathological one. */
    static long defaultBudget(int length) {
        return Math.max(100_000_000L, 200L * length);
    }

    @Override
    public char charAt(int index) {
        if (--credit < 0) {
            refill();
        }
        return text.charAt(index);
    }

    /** Spends {@code steps} of the budget on work done outside the regex engine (a literal look-up). */
    void charge(long steps) {
        long left = credit - steps;
        while (left < 0) {
            refill();
            left += CHUNK;
        }
        credit = (int) Math.min(left, CHUNK);
    }

    private void refill() {
        if (cancelled.getAsBoolean()) {
            throw new Stop(false);
        }
        if (--remainingChunks < 0) {
            throw new Stop(true);
        }
        credit = CHUNK;
        if (spent() > lineLimitAt) {
            lineLimitAt = Long.MAX_VALUE;
            throw new LineLimit();
        }
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Thrown through the regex engine when a line's own limit ({@link #limitLine}) is spent. */
    static final class LineLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LineLimit() {
            super("line too costly", null, false, false);
        }
    }

    /** Thrown through the regex engine to abandon a search; {@code budget} tells why. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean budget;

        Stop(boolean budget) {
            super(budget ? "pattern too costly" : "cancelled", null, false, false);
            this.budget = budget;
        }
    }
}
