package airlock.core.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.log.EntryType;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which committed search strings leave with the log: the policy first, then the content check. */
class DisclosurePlanTest {
    @TempDir
    Path dir;

    private static RoomPolicy lettingSearchStringsLeave() {
        return new RoomPolicy("open room", new RoomPolicy.ExportRules(true, true, 3, 10, 20, true, List.of("secrets/**")), false, 5,
                false, 60, SupervisorConfirmation.none());
    }

    @Test
    void aSearchStringLeavesOnlyWhenThePolicyAllowsItAndTheContentCheckFindsNoCodeInIt() throws Exception {
        try (SealFixture fixture = new SealFixture(dir)) {
            fixture.committedSession("s-plan");
            DisclosurePlan plan = DisclosurePlan.load(fixture.logs.store(), "s-plan");
            // the queries are committed whatever the policy says, so the decision is the seal's
            List<DisclosurePlan.Field> kept = plan.decide(fixture.policy, false, null, List.of());
            Map<Object, DisclosurePlan.Why> keptWhy = queries(kept);
            assertEquals(Map.of("aes_key_schedule", DisclosurePlan.Why.SEARCH_STRINGS_STAY,
                    "hunter2-token", DisclosurePlan.Why.SEARCH_STRINGS_STAY), keptWhy);

            // a policy that lets them leave: the one the content check flags stays in the room
            List<DisclosurePlan.Field> open = plan.decide(lettingSearchStringsLeave(), false, null, List.of(),
                    text -> text.equals("hunter2-token"));
            assertEquals(Map.of("aes_key_schedule", DisclosurePlan.Why.SEARCH_STRINGS_LEAVE,
                    "hunter2-token", DisclosurePlan.Why.QUOTES_CODE), queries(open));
            assertTrue(open.stream().anyMatch(f -> f.disclosed() && "aes_key_schedule".equals(f.disclosure().value())));
            assertFalse(open.stream().anyMatch(f -> f.disclosed() && "hunter2-token".equals(f.disclosure().value())));
            // the forbidden path is not released by a policy on search strings
            assertTrue(open.stream().filter(f -> "path".equals(f.disclosure().field()))
                    .allMatch(f -> !f.disclosed() && f.why() == DisclosurePlan.Why.PATH_FORBIDDEN));
        }
    }

    private static Map<Object, DisclosurePlan.Why> queries(List<DisclosurePlan.Field> fields) {
        return fields.stream().filter(f -> f.type() == EntryType.SEARCH_RUN && "query".equals(f.disclosure().field()))
                .collect(Collectors.toMap(f -> f.disclosure().value(), DisclosurePlan.Field::why));
    }
}
