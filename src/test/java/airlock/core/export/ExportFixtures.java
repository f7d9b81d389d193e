package airlock.core.export;

import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Confidence;
import airlock.core.annotate.FolderCoverage;
import airlock.core.annotate.LineIndex;
import airlock.core.annotate.Reply;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Deterministic export documents for tests and the benchmark. */
public final class ExportFixtures {
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    public static final String CODE = String.join("\n",
            "int check(const char *p) {",
            "    char buf[8];",
            "    strcpy(buf, p); /* \u202e } \u2066 */",
            "    return 0;",
            "}",
            "");

    private ExportFixtures() {
    }

    public static ExportDocument document(int count) {
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            annotations.add(annotation(i));
        }
        return new ExportDocument("0.1.0", T0.plusSeconds(3600),
                new SessionInfo("s-2026-0001", "alice", "ws-07", T0, null),
                new BundleIdentity("ab".repeat(32), "demo-product", "1.0", "refs/tags/v1.0", COMMIT),
                annotations,
                List.of(new FolderCoverage("", 10, 3, 1000, 420), new FolderCoverage("src", 6, 3, 800, 420)));
    }

    public static Annotation annotation(int i) {
        LineIndex idx = new LineIndex(CODE);
        int at = CODE.indexOf("strcpy");
        int end = CODE.indexOf("return");
        List<AnchoredRange> ranges = i % 3 == 0
                ? List.of(AnchoredRange.of(idx, idx.range(at, end)), AnchoredRange.of(idx, idx.range(CODE.indexOf("char buf"), CODE.indexOf("char buf") + 12)))
                : List.of(AnchoredRange.of(idx, idx.range(at, end)));
        String path = switch (i % 4) {
            case 0 -> "src/check.c";
            case 1 -> "src/dir with space/ünïcode #1?.c";
            case 2 -> "lib/evil\u202egnp.c";
            default -> "x:/100%/a.c";
        };
        Anchor anchor = new Anchor("refs/tags/v1.0", COMMIT, path, "fedcba9876543210fedcba9876543210fedcba98", ranges);
        Status status = Status.values()[i % Status.values().length];
        Severity severity = Severity.values()[i % Severity.values().length];
        Instant created = T0.plusSeconds(i);
        List<Reply> replies = i % 2 == 0 ? List.of(new Reply(uuid(i + 1_000_000), "bob", "Agreed <b>bold</b> \u200b", created.plusSeconds(5))) : List.of();
        return new Annotation(uuid(i), anchor, AnchorState.values()[i % 3],
                "Finding " + i + ": unbounded copy <script>alert(1)</script> \u202e",
                "The `strcpy` copies **attacker** input.\n\n![x](http://example.invalid/p.png) [link](javascript:alert(1))",
                severity, Confidence.values()[i % 3], i % 5 == 4 ? null : new int[] {120, 79, 89, 787}[i % 4],
                List.of("memory", "tag-" + (i % 7)), status, "alice", created, created.plusSeconds(5), replies);
    }

    static String uuid(int i) {
        return UUID.nameUUIDFromBytes(("fixture-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
