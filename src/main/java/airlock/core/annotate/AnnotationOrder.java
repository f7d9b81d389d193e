package airlock.core.annotate;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Sort orders of the annotations panel; each breaks ties by file, line and id so the order is stable. */
public enum AnnotationOrder {
    FILE(Comparator.comparing((Annotation a) -> a.anchor().path())),
    SEVERITY(Comparator.comparing(Annotation::severity).reversed()),
    STATUS(Comparator.comparing(Annotation::status)),
    CATEGORY(Comparator.comparing((Annotation a) -> a.cweId() == null ? Integer.MAX_VALUE : a.cweId())),
    AUTHOR(Comparator.comparing(Annotation::author)),
    NEWEST(Comparator.comparing(Annotation::updated).reversed());

    private final Comparator<Annotation> comparator;

    AnnotationOrder(Comparator<Annotation> primary) {
        this.comparator = primary.thenComparing(Ties.FILE_LINE_ID);
    }

    /** Holder: an enum constructor cannot read the enum's own static fields. */
    private static final class Ties {
        static final Comparator<Annotation> FILE_LINE_ID = Comparator.comparing((Annotation a) -> a.anchor().path())
                .thenComparingInt(a -> a.anchor().primary().range().startLine())
                .thenComparing(Annotation::id);
    }

    public Comparator<Annotation> comparator() {
        return comparator;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AnnotationOrder fromId(String id) {
        return Ids.parse(AnnotationOrder.class, id);
    }

    /** The annotations that pass {@code filter}, in this order. */
    public List<Annotation> select(List<Annotation> all, AnnotationFilter filter) {
        return all.stream().filter(filter::test).sorted(comparator).toList();
    }
}
