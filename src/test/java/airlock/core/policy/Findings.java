package airlock.core.policy;

import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Confidence;
import airlock.core.annotate.LineIndex;
import airlock.core.annotate.Reply;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.annotate.TextRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds findings for the export check tests. */
final class Findings {
    static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
    static final String FILE = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\n";

    private Findings() {
    }

    /** A finding on {@code path} quoting the given line ranges (1-based, inclusive) of {@link #FILE}. */
    static Annotation finding(String id, String path, String body, int[]... lineRanges) {
        LineIndex index = new LineIndex(FILE);
        List<AnchoredRange> ranges = new ArrayList<>();
        for (int[] r : lineRanges) {
            int start = offsetOfLine(r[0]);
            int end = offsetOfLine(r[1] + 1) - 1;
            ranges.add(AnchoredRange.of(index, TextRange.ofOffsets(FILE, start, end)));
        }
        if (ranges.isEmpty()) {
            ranges.add(AnchoredRange.of(index, TextRange.ofOffsets(FILE, 0, 4)).withoutText());
        }
        return new Annotation(id, new Anchor("refs/tags/v1", "c".repeat(40), path, "b".repeat(40), ranges), AnchorState.CURRENT,
                "Finding " + id, body, Severity.HIGH, Confidence.MEDIUM, 787, List.of(), Status.OPEN, "alice", T, T, List.of());
    }

    static Annotation withReply(Annotation a, String body) {
        return a.withReply(new Reply("r1", "bob", body, T));
    }

    private static int offsetOfLine(int line) {
        int offset = 0;
        for (int i = 1; i < line; i++) {
            offset = FILE.indexOf('\n', offset) + 1;
        }
        return offset;
    }
}
