package airlock.core.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.ViolationKind;
import airlock.core.progress.ProgressMonitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's decisions on single committed log fields (issue 18): a field the plan would
 * disclose can be kept in the room, a field held back by the content check or the forbidden-path
 * rule can be let out with a reason; each decision is an export.decision in the ledger like one on
 * a finding, is final, and the stick's .disclosures file follows it.
 */
class LogFieldDecisionTest {
    @TempDir
    Path dir;
    SealFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SealFixture(dir);
        fx.committedSession(SealFixture.SESSION);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    private static RoomPolicy lettingSearchStringsLeave() {
        return new RoomPolicy("open room", new RoomPolicy.ExportRules(true, true, 3, 10, 20, true, List.of("secrets/**")), false, 5,
                false, 60, SupervisorConfirmation.none());
    }

    private static DisclosurePlan.Field field(List<DisclosurePlan.Field> fields, String name, String value) {
        return fields.stream().filter(f -> f.disclosure().field().equals(name) && f.disclosure().value().toString().contains(value))
                .findFirst().orElseThrow(() -> new AssertionError(name + " " + value + " in " + fields));
    }

    private List<LogEntry> decisionsInLedger() throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(fx.logs.store(), SessionHeader.LEDGER_SESSION, bytes -> {
            LogEntry e = codec.decode(bytes);
            if (e.type() == EntryType.EXPORT_DECISION) {
                out.add(e);
            }
        });
        return out;
    }

    private static String stickDisclosures(SealReview review) {
        return new String(review.files().stream().filter(f -> f.kind() == OutgoingFile.Kind.DISCLOSURES).findFirst().orElseThrow()
                .content(), StandardCharsets.UTF_8);
    }

    @Test
    void thePlanAppliesDecisionsOnFields() throws Exception {
        DisclosurePlan plan = DisclosurePlan.load(fx.logs.store(), SealFixture.SESSION);
        List<DisclosurePlan.Field> before = plan.decide(lettingSearchStringsLeave(), false, null, List.of(),
                text -> text.equals("hunter2-token"));
        DisclosurePlan.Field leaving = field(before, "query", "aes_key_schedule");
        DisclosurePlan.Field held = field(before, "query", "hunter2-token");
        DisclosurePlan.Field path = field(before, "path", SealFixture.FORBIDDEN_PATH);
        assertEquals(Set.of(SupervisorAction.REFUSE), leaving.actions(), "a field that leaves can be kept in the room");
        assertEquals(Set.of(SupervisorAction.OVERRIDE), held.actions(), "the content check's hold can be overridden");
        assertEquals(Set.of(SupervisorAction.OVERRIDE), path.actions(), "so can the forbidden-path rule, as for findings");
        assertEquals(ViolationKind.LOG_FIELD, path.violation().kind());
        assertEquals(SealFixture.FORBIDDEN_PATH, path.violation().path());

        List<SupervisorDecision> decisions = List.of(
                new SupervisorDecision(leaving.violation(), SupervisorAction.REFUSE, "Sam", "names our crypto"),
                new SupervisorDecision(held.violation(), SupervisorAction.OVERRIDE, "Sam", "a test token, not code"));
        List<DisclosurePlan.Field> after = plan.decide(lettingSearchStringsLeave(), false, null, decisions,
                text -> text.equals("hunter2-token"));
        DisclosurePlan.Field kept = field(after, "query", "aes_key_schedule");
        assertFalse(kept.disclosed());
        assertEquals(DisclosurePlan.Why.SUPERVISOR_KEPT, kept.why());
        assertEquals(Set.of(), kept.actions(), "a decision is final");
        DisclosurePlan.Field out = field(after, "query", "hunter2-token");
        assertTrue(out.disclosed());
        assertEquals(DisclosurePlan.Why.SUPERVISOR_OVERRODE, out.why());
        assertFalse(field(after, "path", SealFixture.FORBIDDEN_PATH).disclosed(), "an undecided field is as the policy says");

        // the policy's own rule is no hold: an override of a search string the policy keeps does not let it out
        List<DisclosurePlan.Field> strict = plan.decide(fx.policy, false, null, List.of(
                new SupervisorDecision(leaving.violation(), SupervisorAction.OVERRIDE, "Sam", "please")), text -> false);
        assertFalse(field(strict, "query", "aes_key_schedule").disclosed());
        assertEquals(Set.of(), field(strict, "query", "hunter2-token").actions(), "nothing to decide: the policy keeps it");
    }

    @Test
    void decisionsAreRecordedInTheLedgerAndTheStickFollowsThem() throws Exception {
        SealReview review = fx.review();
        // the finding f-2 repeats a search string: redact it, as the other tests do, so the findings can leave
        review.decide(new SupervisorDecision(review.violations().get(0), SupervisorAction.REDACT, "Sam", ""));
        List<DisclosurePlan.Field> fields = review.logDisclosures();
        DisclosurePlan.Field finding = field(fields, "annotation", "f-1");
        assertTrue(finding.disclosed(), "finding f-1's logged text leaves as the plan stands");
        assertTrue(stickDisclosures(review).contains("Unbounded copy into a stack buffer"));

        // keep f-1's logged text in the room
        review.decideField(new SupervisorDecision(finding.violation(), SupervisorAction.REFUSE, "Sam", "the log need not say"));
        assertFalse(field(review.logDisclosures(), "annotation", "f-1").disclosed());
        assertFalse(stickDisclosures(review).contains("Unbounded copy"), "the stick's disclosures follow the decision");

        // let the forbidden path out, with a reason
        DisclosurePlan.Field path = field(review.logDisclosures(), "path", SealFixture.FORBIDDEN_PATH);
        assertThrows(IllegalArgumentException.class,
                () -> new SupervisorDecision(path.violation(), SupervisorAction.OVERRIDE, "Sam", " "), "an override needs a reason");
        AirlockException wrong = assertThrows(AirlockException.class, () -> review.decideField(
                new SupervisorDecision(path.violation(), SupervisorAction.REFUSE, "Sam", "")));
        assertEquals("seal.decision.not-allowed", wrong.code(), "a field kept in the room cannot be 'kept' again");
        review.decideField(new SupervisorDecision(path.violation(), SupervisorAction.OVERRIDE, "Sam", "the vendor agreed"));
        assertTrue(field(review.logDisclosures(), "path", SealFixture.FORBIDDEN_PATH).disclosed());
        assertTrue(stickDisclosures(review).contains(SealFixture.FORBIDDEN_PATH));
        AirlockException twice = assertThrows(AirlockException.class, () -> review.decideField(
                new SupervisorDecision(path.violation(), SupervisorAction.OVERRIDE, "Sam", "again")));
        assertEquals("seal.decision.twice", twice.code());

        List<LogEntry> ledger = decisionsInLedger();
        assertEquals(3, ledger.size(), "the finding's and the two fields' decisions");
        LogEntry kept = ledger.get(1);
        assertEquals("log-field", kept.data().get("kind"));
        assertEquals("refuse", kept.data().get("decision"));
        assertEquals("f-1", kept.data().get("annotation"));
        assertEquals(SealFixture.SESSION, kept.data().get("session"));
        LogEntry let = ledger.get(2);
        assertEquals("override", let.data().get("decision"));
        assertEquals(SealFixture.FORBIDDEN_PATH, let.data().get("path"));
        assertEquals("the vendor agreed", let.data().get("reason"));
        assertTrue(review.canSeal(), "field decisions never block the seal");

        // what was written to the stick is what was shown: the path, not f-1's text
        SupervisorKey key = SupervisorKey.load(fx.supervisorKeyFile, SealFixture.PASSPHRASE.toCharArray(), fx.trust);
        review.seal(key, SupervisorKey.pinned(fx.trust));
        Path stick = Files.createDirectories(dir.resolve("stick"));
        review.write(stick, ProgressMonitor.NONE);
        String onStick = Files.readString(stick.resolve(airlock.core.log.LogExport.stem(SealFixture.SESSION) + ".disclosures"));
        assertEquals(stickDisclosures(review), onStick);
        assertEquals(1, onStick.lines().count(), onStick);
        assertTrue(onStick.contains(SealFixture.FORBIDDEN_PATH));
        AirlockException late = assertThrows(AirlockException.class, () -> review.decideField(new SupervisorDecision(
                field(review.logDisclosures(), "query", "aes").violation(), SupervisorAction.OVERRIDE, "Sam", "late")));
        assertEquals("seal.decision.late", late.code());
    }
}
