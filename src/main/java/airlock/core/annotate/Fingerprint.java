package airlock.core.annotate;

import java.util.regex.Pattern;

/**
 * Content fingerprint of an annotated range, enough to find it again in another version of the
 * file without keeping the code itself (exports may not carry code). All hashes are lower-case
 * hex SHA-256.
 *
 * @param textHash   the exact characters of the range
 * @param linesHash  the whole lines the range touches, each trimmed with inner whitespace runs
 *                   collapsed, joined with {@code \n}: survives re-indentation
 * @param headHash   the first touched line, normalised the same way (a cheap first filter)
 * @param beforeHash the {@value Fingerprints#CONTEXT_LINES} lines before, normalised
 * @param afterHash  the {@value Fingerprints#CONTEXT_LINES} lines after, normalised
 * @param lineCount  how many lines the range touches
 */
public record Fingerprint(String textHash, String linesHash, String headHash, String beforeHash, String afterHash, int lineCount) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Fingerprint {
        for (String h : new String[] {textHash, linesHash, headHash, beforeHash, afterHash}) {
            if (h == null || !HEX.matcher(h).matches()) {
                throw new IllegalArgumentException("fingerprint hash must be 64 lower-case hex digits: " + h);
            }
        }
        if (lineCount < 1) {
            throw new IllegalArgumentException("fingerprint line count must be at least 1: " + lineCount);
        }
    }

    /** One short string for SARIF {@code partialFingerprints}: the line hash and its context. */
    public String contextDigest() {
        return Fingerprints.sha256(linesHash + ":" + beforeHash + ":" + afterHash);
    }
}
