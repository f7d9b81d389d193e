package airlock.core.export;

import airlock.core.AirlockException;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.ReanchorResult;
import airlock.core.annotate.Reanchorer;
import airlock.core.annotate.Reply;
import airlock.core.source.SourceTree;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Brings the findings of a previous export into the current session as the inspector's own:
 * fresh ids, the current inspector as author, now as creation time, and each re-anchored to the
 * ref under review (moved or outdated, never dropped). Where a finding came from is kept as the
 * first reply of its thread, so the record says it was imported and from whom.
 */
public final class AnnotationImporter {
    private final Clock clock;
    private final Supplier<String> ids;

    public AnnotationImporter(Clock clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public List<ReanchorResult> adopt(ImportedExport imported, SourceTree tree, String ref, String inspector) throws AirlockException {
        Reanchorer reanchorer = new Reanchorer(tree, ref);
        Instant now = clock.instant();
        List<ReanchorResult> out = new ArrayList<>(imported.annotations().size());
        for (Annotation a : imported.annotations()) {
            List<Reply> thread = new ArrayList<>();
            thread.add(new Reply(ids.get(), inspector, "Imported from session " + imported.session().id() + " (finding "
                    + a.id() + " by " + a.author() + ", " + a.created() + ").", now));
            thread.addAll(a.replies());
            Annotation own = new Annotation(ids.get(), a.anchor(), a.anchorState(), a.title(), a.body(), a.severity(),
                    a.confidence(), a.cweId(), a.tags(), a.status(), inspector, now, now, thread);
            out.add(reanchorer.reanchor(own));
        }
        return out;
    }
}
