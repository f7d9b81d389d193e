package airlock.core.text;

import java.util.List;

/**
 * A blob classified and, unless binary, decoded.
 *
 * @param kind        how to show it
 * @param text        the decoded text, or null for binary content
 * @param encoding    "UTF-8", "UTF-16LE", ... or "binary"
 * @param malformed   number of undecodable byte sequences shown as U+FFFD
 * @param truncated   true when only a prefix of the blob was read
 * @param longestLine length of the longest line in UTF-16 units
 * @param binaryReason why it is binary ("NUL byte at offset 12", "PNG image"), or null
 * @param notices     message keys (with arguments) the view shows above the content, e.g.
 *                    {@code content.notice.malformed}
 */
public record DecodedContent(ContentKind kind, String text, String encoding, int malformed, boolean truncated,
        int longestLine, String binaryReason, List<Notice> notices) {

    /** A user-facing notice: a key in messages.properties plus its arguments. */
    public record Notice(String key, List<String> args) {
        public Notice(String key, String... args) {
            this(key, List.of(args));
        }
    }

    public boolean isText() {
        return text != null;
    }
}
