package airlock.core.log;

/**
 * Result of checking a {@code .disclosures} file against a verified log: valid, with how many of
 * the log's committed fields it opens, or the first bad line (1-based) and why.
 */
public record DisclosureVerification(boolean valid, Long line, String reason, int disclosed, int committed) {
    public static DisclosureVerification ok(int disclosed, int committed) {
        return new DisclosureVerification(true, null, null, disclosed, committed);
    }

    public static DisclosureVerification bad(long line, String reason) {
        return new DisclosureVerification(false, line, reason, 0, 0);
    }

    /** One line: "VALID: 3 of 5 committed fields disclosed, ..." or "INVALID disclosure at line 2: ...". */
    public String describe() {
        if (valid) {
            return "VALID: " + disclosed + " of " + committed + " committed fields disclosed, each matching its commitment;"
                    + " the other " + (committed - disclosed) + " are kept in the room";
        }
        return "INVALID disclosure" + (line == null ? "" : " at line " + line) + ": " + reason;
    }
}
