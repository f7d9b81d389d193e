package airlock.core.quote;

/**
 * One cumulative limit and how much of it the texts leaving together use, for the seal screen.
 *
 * @param perFile true for a per-file quota (subject is the path), false for the session's
 * @param subject the path, or "session"
 * @param measure "quoted lines" or "encoded bytes"
 * @param used    what the texts use
 * @param allowed what the room policy allows
 */
public record Quota(boolean perFile, String subject, String measure, long used, long allowed) {
    public static final String QUOTED_LINES = "quoted lines";
    public static final String ENCODED_BYTES = "encoded bytes";

    public boolean over() {
        return used > allowed;
    }
}
