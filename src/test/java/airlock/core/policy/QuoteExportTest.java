package airlock.core.policy;

import static airlock.core.policy.Findings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.Annotation;
import airlock.core.progress.ProgressMonitor;
import airlock.core.quote.QuoteCheck;
import airlock.core.quote.QuoteIndex;
import airlock.core.quote.QuoteRules;
import airlock.core.quote.Quota;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 18 at the export: quoted code per finding, cumulative quotas, and the supervisor's decisions on them. */
class QuoteExportTest {
    static final String FILE = "drivers/net/fixture/rx_ring.c";
    private static QuoteCheck check;
    private static String code;

    @BeforeAll
    static void index() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            s.append("\tstats_").append(i).append(" = read_reg(dev, 0x").append(Integer.toHexString(i * 7)).append(") + q[")
                    .append(i).append("];\n");
        }
        code = s.toString();
        List<String> paths = List.of(FILE, "src/other.c");
        List<String> texts = List.of(code, "int main(void) { return 0; }\n");
        QuoteIndex index = QuoteIndex.build(new QuoteIndex.Source() {
            @Override
            public List<String> paths() {
                return paths;
            }

            @Override
            public QuoteIndex.FileTexts texts() {
                return texts::get;
            }
        }, QuoteRules.defaults(), 1, ProgressMonitor.NONE);
        check = new QuoteCheck(index, QuoteRules.defaults());
    }

    private static RoomPolicy policy() {
        return new RoomPolicy("r", new RoomPolicy.ExportRules(true, true, 20, 100, 1000, false, List.of()), false, 5, false, 60,
                SupervisorConfirmation.none());
    }

    private static String lines(int from, int count) {
        return String.join("\n", code.lines().skip(from - 1).limit(count).toList());
    }

    private static List<Annotation> fiftyFindingsOfTwentyLines() {
        List<Annotation> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            out.add(finding("f" + i, "src/a.c", "The counter is read unchecked:\n" + lines(1 + (i % 10) * 20, 20) + "\nPlease fix."));
        }
        return out;
    }

    @Test
    void fiftyFindingsOfTwentyQuotedLinesOnOneFileTripThePerFileCap() {
        List<Annotation> findings = fiftyFindingsOfTwentyLines();
        ExportCheck export = new ExportCheck(policy(), check);
        List<Violation> vs = export.check(findings, List.of());
        Violation perFile = vs.stream().filter(v -> v.kind() == ViolationKind.QUOTE_PER_FILE).findFirst().orElseThrow();
        assertEquals(FILE, perFile.path());
        assertTrue(perFile.reason().contains("quote 1000 lines of " + FILE + "; the room allows 40 per file"), perFile.reason());
        assertEquals(50, vs.stream().filter(v -> v.kind() == ViolationKind.QUOTED_CODE).count());
        assertTrue(vs.stream().anyMatch(v -> v.kind() == ViolationKind.QUOTE_PER_SESSION));
        Violation one = vs.stream().filter(v -> v.kind() == ViolationKind.QUOTED_CODE).findFirst().orElseThrow();
        assertTrue(one.reason().contains("its body lines 2–21 quote " + FILE + " lines 1–20 (20 lines"), one.reason());

        List<Quota> quotas = export.quoteReport(findings).quotas(10);
        assertEquals(new Quota(false, "session", "quoted lines", 1000, 200), quotas.get(0));
        assertEquals(new Quota(true, FILE, "quoted lines", 1000, 40), quotas.get(2));
        assertTrue(quotas.get(2).over());
    }

    @Test
    void redactingThePerFileQuotaRemovesTheQuotedLinesAndTheRecheckPasses() {
        List<Annotation> findings = fiftyFindingsOfTwentyLines();
        ExportResolver resolver = new ExportResolver(policy(), check);
        List<Violation> vs = new ExportCheck(policy(), check).check(findings, List.of());
        List<SupervisorDecision> decisions = new ArrayList<>();
        Violation perFile = vs.stream().filter(v -> v.kind() == ViolationKind.QUOTE_PER_FILE).findFirst().orElseThrow();
        decisions.add(new SupervisorDecision(perFile, SupervisorAction.REDACT, "sam", ""));
        ExportResolution r = resolver.resolve(findings, List.of(), decisions);
        assertEquals(50, r.annotations().size());
        assertFalse(r.annotations().get(0).body().contains("read_reg"), r.annotations().get(0).body());
        assertTrue(r.annotations().get(0).body().startsWith("The counter is read unchecked:\n" + ExportResolver.REDACTED_LINE));
        // the quotes are gone, so the per-finding and per-session checks no longer fire either
        assertEquals(List.of(), r.unresolved(), () -> r.unresolved().toString());
        assertEquals(0, resolver.quoteReport(r.annotations()).linesTotal());
    }

    @Test
    void refusingThePerFileQuotaKeepsTheQuotingFindingsInTheRoom() {
        List<Annotation> findings = new ArrayList<>(fiftyFindingsOfTwentyLines());
        findings.add(finding("clean", "src/a.c", "No code here, only prose about the counter."));
        Violation perFile = new ExportCheck(policy(), check).check(findings, List.of()).stream()
                .filter(v -> v.kind() == ViolationKind.QUOTE_PER_FILE).findFirst().orElseThrow();
        ExportResolution r = new ExportResolver(policy(), check).resolve(findings, List.of(),
                List.of(new SupervisorDecision(perFile, SupervisorAction.REFUSE, "sam", "")));
        assertEquals(List.of("clean"), r.annotations().stream().map(Annotation::id).toList());
    }

    @Test
    void theEncodedBudgetCountsShortBlobsTooAndCanBeOverridden() {
        List<Annotation> findings = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // 30 blobs of 20 characters: each too short for the old 60-character rule
            findings.add(finding("e" + i, "src/a.c", "token " + java.util.Base64.getEncoder().encodeToString(("secret#" + (10 + i) + "abcd")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + " seen"));
        }
        List<Violation> vs = new ExportCheck(policy(), check).check(findings, List.of());
        Violation budget = vs.stream().filter(v -> v.kind() == ViolationKind.ENCODED_BUDGET).findFirst().orElseThrow();
        assertTrue(budget.reason().contains("carry 600 bytes of encoded text"), budget.reason());
        ExportResolution r = new ExportResolver(policy(), check).resolve(findings, List.of(),
                List.of(new SupervisorDecision(budget, SupervisorAction.OVERRIDE, "sam", "test tokens, agreed with the vendor")));
        assertFalse(r.unresolved().stream().anyMatch(v -> v.kind() == ViolationKind.ENCODED_BUDGET));
    }

    @Test
    void policyQuotesBlockRoundTripsAndIsOptional() throws Exception {
        RoomPolicy p = new RoomPolicy("r", RoomPolicy.ExportRules.strictest(), false, 5, false, 60, SupervisorConfirmation.none(),
                new QuoteRules(12, 10, 50, 0));
        RoomPolicy back = PolicyCodec.parse(PolicyCodec.write(p));
        assertEquals(p.quotes(), back.quotes());
        RoomPolicy plain = new RoomPolicy("r", RoomPolicy.ExportRules.strictest(), false, 5, false, 60, SupervisorConfirmation.none());
        assertFalse(new String(PolicyCodec.write(plain), java.nio.charset.StandardCharsets.UTF_8).contains("quotes"));
        assertEquals(QuoteRules.defaults(), PolicyCodec.parse(PolicyCodec.write(plain)).quotes());
        String bad = new String(PolicyCodec.write(p), java.nio.charset.StandardCharsets.UTF_8).replace("\"minRunTokens\":12", "\"minRunTokens\":2");
        airlock.core.AirlockException e = org.junit.jupiter.api.Assertions.assertThrows(airlock.core.AirlockException.class,
                () -> PolicyCodec.parse(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("quotes.minRunTokens"), e.getMessage());
    }
}
