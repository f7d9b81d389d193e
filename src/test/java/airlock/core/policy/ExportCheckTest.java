package airlock.core.policy;

import static airlock.core.policy.Findings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportCheckTest {
    static RoomPolicy policy(int perFinding, int perFile, int perSession, boolean searches, String... forbidden) {
        return new RoomPolicy("r", new RoomPolicy.ExportRules(true, true, perFinding, perFile, perSession, searches,
                List.of(forbidden)), false, 5, false, 60, SupervisorConfirmation.none());
    }

    private static List<ViolationKind> kinds(List<Violation> vs) {
        return vs.stream().map(Violation::kind).toList();
    }

    @Test
    void aCleanExportHasNoViolations() {
        List<Annotation> findings = List.of(finding("a", "src/a.c", "Use after free of the buffer in foo().", new int[] {2, 4}));
        assertEquals(List.of(), new ExportCheck(policy(5, 10, 20, false)).check(findings, List.of("kfree")));
    }

    @Test
    void anExportOverTheSnippetLimitIsBlockedUntilRedacted() {
        RoomPolicy p = policy(5, 10, 20, false);
        Annotation big = finding("a", "src/a.c", "Two places.", new int[] {1, 4}, new int[] {6, 9});
        List<Violation> vs = new ExportCheck(p).check(List.of(big), List.of());
        assertEquals(List.of(ViolationKind.SNIPPET_PER_FINDING), kinds(vs));
        assertTrue(vs.get(0).reason().contains("quotes 8 lines of code; the room allows 5 per finding"), vs.get(0).reason());

        ExportResolver resolver = new ExportResolver(p);
        ExportResolution undecided = resolver.resolve(List.of(big), List.of(), List.of());
        assertTrue(undecided.blocked());
        assertTrue(undecided.blockReason().contains("need a decision"), undecided.blockReason());

        SupervisorDecision redact = new SupervisorDecision(vs.get(0), SupervisorAction.REDACT, "sup", "");
        ExportResolution redacted = resolver.resolve(List.of(big), List.of(), List.of(redact));
        assertFalse(redacted.blocked(), redacted.blockReason());
        assertNull(redacted.annotations().get(0).anchor().ranges().get(0).originalText());
        assertEquals("redact", redact.logData().get("decision"));
    }

    @Test
    void anExportOverTheSnippetLimitMayLeaveWhenOverriddenWithAReason() {
        RoomPolicy p = policy(5, 10, 20, false);
        Annotation big = finding("a", "src/a.c", "Two places.", new int[] {1, 4}, new int[] {6, 9});
        Violation v = new ExportCheck(p).check(List.of(big), List.of()).get(0);
        assertThrows(IllegalArgumentException.class, () -> new SupervisorDecision(v, SupervisorAction.OVERRIDE, "sup", " "));
        SupervisorDecision override = new SupervisorDecision(v, SupervisorAction.OVERRIDE, "sup", "both ranges are needed to show the race");
        ExportResolution r = new ExportResolver(p).resolve(List.of(big), List.of(), List.of(override));
        assertFalse(r.blocked());
        assertTrue(r.annotations().get(0).anchor().ranges().get(0).originalText() != null);
        assertEquals("both ranges are needed to show the race", override.logData().get("reason"));
        assertEquals("snippet-per-finding:a", override.logData().get("violation"));
    }

    @Test
    void refusingAFindingKeepsItInTheRoom() {
        RoomPolicy p = policy(5, 10, 20, false, "crypto/**");
        Annotation secret = finding("s", "crypto/keys.c", "Hard-coded key.");
        Annotation fine = finding("f", "src/a.c", "Fine.");
        Violation v = new ExportCheck(p).check(List.of(secret, fine), List.of()).get(0);
        assertEquals(ViolationKind.FORBIDDEN_PATH, v.kind());
        assertTrue(v.reason().contains("crypto/keys.c") && v.reason().contains("crypto/**"), v.reason());
        assertThrows(IllegalArgumentException.class, () -> new SupervisorDecision(v, SupervisorAction.REDACT, "sup", ""));
        ExportResolution r = new ExportResolver(p).resolve(List.of(secret, fine), List.of(),
                List.of(new SupervisorDecision(v, SupervisorAction.REFUSE, "sup", "")));
        assertFalse(r.blocked());
        assertEquals(List.of("f"), r.annotations().stream().map(Annotation::id).toList());
    }

    @Test
    void cumulativeLimitsPerFileAndPerSession() {
        RoomPolicy p = policy(4, 6, 9, false);
        List<Annotation> findings = List.of(finding("a", "x.c", "a", new int[] {1, 4}), finding("b", "x.c", "b", new int[] {5, 8}),
                finding("c", "y.c", "c", new int[] {1, 3}));
        List<Violation> vs = new ExportCheck(p).check(findings, List.of());
        assertEquals(List.of(ViolationKind.SNIPPET_PER_FILE, ViolationKind.SNIPPET_PER_SESSION), kinds(vs));
        assertTrue(vs.get(0).reason().contains("x.c quote 8 lines"), vs.get(0).reason());
        ExportResolution r = new ExportResolver(p).resolve(findings, List.of(),
                List.of(new SupervisorDecision(vs.get(0), SupervisorAction.REDACT, "sup", "")));
        assertFalse(r.blocked(), r.blockReason());
        ExportResolution refused = new ExportResolver(p).resolve(findings, List.of(),
                List.of(new SupervisorDecision(vs.get(1), SupervisorAction.REFUSE, "sup", "too much")));
        assertTrue(refused.blocked() && refused.refused() && refused.annotations().isEmpty());
    }

    @Test
    void codeInTheBodyIsFlaggedAndRedactedLineByLine() {
        RoomPolicy p = policy(5, 10, 20, false);
        Annotation a = finding("a", "src/a.c", "The length is not checked:\n    memcpy(dst, src, len);\nso it overflows.");
        Violation v = new ExportCheck(p).check(List.of(a), List.of()).get(0);
        assertEquals(ViolationKind.CODE_IN_TEXT, v.kind());
        assertTrue(v.reason().contains("line 2"), v.reason());
        ExportResolution r = new ExportResolver(p).resolve(List.of(a), List.of(),
                List.of(new SupervisorDecision(v, SupervisorAction.REDACT, "sup", "")));
        assertFalse(r.blocked(), r.blockReason());
        assertEquals("The length is not checked:\n" + ExportResolver.REDACTED_LINE + "\nso it overflows.", r.annotations().get(0).body());
    }

    @Test
    void codeInAReplyCountsToo() {
        Annotation a = Findings.withReply(finding("a", "src/a.c", "See reply."), "if (len > max) { return -EINVAL; }");
        assertEquals(List.of(ViolationKind.CODE_IN_TEXT), kinds(new ExportCheck(policy(5, 10, 20, false)).check(List.of(a), List.of())));
    }

    @Test
    void searchStringsThatReachTheExportAreFlaggedAndRedacted() {
        RoomPolicy p = policy(5, 10, 20, false);
        Annotation a = finding("a", "src/a.c", "Found via the query SECRET_TOKEN_X in the parser.");
        List<String> searches = List.of("secret_token_x", "if", "  ");
        Violation v = new ExportCheck(p).check(List.of(a), searches).get(0);
        assertEquals(ViolationKind.SEARCH_STRING, v.kind());
        ExportResolution r = new ExportResolver(p).resolve(List.of(a), searches,
                List.of(new SupervisorDecision(v, SupervisorAction.REDACT, "sup", "")));
        assertFalse(r.blocked());
        assertEquals("Found via the query " + ExportResolver.REDACTED_SEARCH + " in the parser.", r.annotations().get(0).body());
        assertEquals(List.of(), new ExportCheck(policy(5, 10, 20, true)).check(List.of(a), searches));
    }

    @Test
    void aPolicyWithoutFindingsBlocksAnyFinding() {
        RoomPolicy p = new RoomPolicy("r", new RoomPolicy.ExportRules(false, false, 0, 0, 0, false, List.of()), false, 5, false, 60,
                SupervisorConfirmation.none());
        List<Violation> vs = new ExportCheck(p).check(List.of(finding("a", "a.c", "x")), List.of());
        assertEquals(List.of(ViolationKind.ANNOTATIONS_FORBIDDEN), kinds(vs));
    }

    @Test
    void withSnippetsOffNoQuotedLinesAreCounted() {
        RoomPolicy strict = RoomPolicy.strictest();
        Annotation big = finding("a", "src/a.c", "Quoted.", new int[] {1, 9});
        assertEquals(List.of(), new ExportCheck(strict).check(List.of(big), List.of()));
    }

    @Test
    void aDecisionOnAViolationTheExportDoesNotHaveIsRefused() {
        RoomPolicy p = policy(5, 10, 20, false);
        Violation ghost = Violation.ofFinding(ViolationKind.CODE_IN_TEXT, "nope", "a.c", "x");
        assertThrows(IllegalArgumentException.class, () -> new ExportResolver(p).resolve(List.of(finding("a", "a.c", "ok")),
                List.of(), List.of(new SupervisorDecision(ghost, SupervisorAction.OVERRIDE, "sup", "because"))));
    }
}
