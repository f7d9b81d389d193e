package airlock.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.export.ExportFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnnotationFilterTest {
    static final List<Annotation> ALL = new ArrayList<>();

    static {
        for (int i = 0; i < 10_000; i++) {
            ALL.add(ExportFixtures.annotation(i));
        }
    }

    @Test
    void filtersCombineAndEveryResultPasses() {
        AnnotationFilter f = new AnnotationFilter("src", Set.of(Severity.CRITICAL, Severity.HIGH), Set.of(Status.OPEN, Status.FALSE_POSITIVE),
                null, "alice", "unbounded");
        List<Annotation> hits = AnnotationOrder.SEVERITY.select(ALL, f);
        assertTrue(hits.size() > 0);
        for (Annotation a : hits) {
            assertTrue(a.anchor().path().startsWith("src/"));
            assertTrue(a.severity().compareTo(Severity.HIGH) >= 0);
            assertTrue(Set.of(Status.OPEN, Status.FALSE_POSITIVE).contains(a.status()));
        }
        assertEquals(ALL.stream().filter(f::test).count(), hits.size());
    }

    @Test
    void textSearchLooksInTagsRepliesAndCategory() {
        assertEquals(10_000 / 7 + 1, AnnotationOrder.FILE.select(ALL, new AnnotationFilter(null, Set.of(), Set.of(), null, null, "TAG-0")).size());
        assertEquals(5_000, AnnotationOrder.FILE.select(ALL, new AnnotationFilter(null, Set.of(), Set.of(), null, null, "agreed")).size());
        assertEquals(2_000, AnnotationOrder.FILE.select(ALL, new AnnotationFilter(null, Set.of(), Set.of(), 79, null, null)).size());
        assertEquals(0, AnnotationOrder.FILE.select(ALL, new AnnotationFilter("sr", Set.of(), Set.of(), null, null, null)).size(), "a prefix is a folder, not a string prefix");
    }

    @Test
    void ordersAreTotalAndStable() {
        for (AnnotationOrder order : AnnotationOrder.values()) {
            List<Annotation> sorted = order.select(ALL, AnnotationFilter.any());
            assertEquals(ALL.size(), sorted.size());
            for (int i = 1; i < sorted.size(); i++) {
                assertTrue(order.comparator().compare(sorted.get(i - 1), sorted.get(i)) <= 0, order + " at " + i);
            }
        }
        List<Annotation> bySeverity = AnnotationOrder.SEVERITY.select(ALL, AnnotationFilter.any());
        assertEquals(Severity.CRITICAL, bySeverity.get(0).severity());
        assertEquals(AnnotationOrder.NEWEST, AnnotationOrder.fromId("newest"));
    }
}
