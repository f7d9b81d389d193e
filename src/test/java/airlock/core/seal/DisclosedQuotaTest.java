package airlock.core.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.quote.Quota;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seal screen's cumulative quota table (issue 18) counts what leaves in the log too: a search
 * string the content check held back (it carries encoded text) and the supervisor let out with a
 * reason is counted against the session's encoded-text budget once it is disclosed, not before.
 */
class DisclosedQuotaTest {
    /** Base64 of a line of C: encoded text by the check's rules, in a search string. */
    static final String HEX_QUERY = "aW50IGYoY2hhciAqaW4pIHsgY2hhciBidWZbOF07IHN0cmNweShidWYsIGluKTsgbG9nKGJ1Zik7IHJldHVybiAwOyB9";
    @TempDir
    Path dir;
    SealFixture fx;

    @AfterEach
    void tearDown() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private static long encodedUsed(List<Quota> quotas) {
        return quotas.stream().filter(q -> !q.perFile() && q.measure().equals(Quota.ENCODED_BYTES)).findFirst().orElseThrow().used();
    }

    @Test
    void aSearchStringOverriddenToLeaveCountsAgainstTheEncodedBudget() throws Exception {
        fx = new SealFixture(dir, SealFixture.lettingSearchStringsLeave());
        fx.committedSession(SealFixture.SESSION, List.of("aes_key_schedule", HEX_QUERY));
        SealReview review = fx.review();
        // f-2's body repeats a search string ('hunter2-token' is no longer searched, so no such check): findings leave as they are
        DisclosurePlan.Field held = review.logDisclosures().stream()
                .filter(f -> f.disclosure().field().equals("query") && HEX_QUERY.equals(f.disclosure().value())).findFirst().orElseThrow();
        assertFalse(held.disclosed(), "the content check holds the encoded search string in the room");
        assertEquals(java.util.Set.of(SupervisorAction.OVERRIDE), held.actions());
        long before = encodedUsed(review.quotas(10));

        review.decideField(new SupervisorDecision(held.violation(), SupervisorAction.OVERRIDE, "Sam", "a hash the vendor published"));
        assertTrue(review.logDisclosures().stream().anyMatch(f -> HEX_QUERY.equals(f.disclosure().value()) && f.disclosed()));
        long after = encodedUsed(review.quotas(10));
        assertEquals(before + HEX_QUERY.length(), after, "the disclosed search string is counted: " + review.quotas(10));
    }
}
