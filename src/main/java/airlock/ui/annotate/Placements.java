package airlock.ui.annotate;

import airlock.core.AirlockException;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.ReanchorResult;
import airlock.core.annotate.Reanchorer;
import airlock.core.source.SourceTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each finding sits in the version being reviewed: made on this commit → as stored;
 * otherwise re-anchored by content ({@link Reanchorer}: moved, or outdated with its original
 * anchor and text). Display only: the stored finding keeps the anchor it was made on, so switching
 * back and forth never rewrites the record. Computed off the FX thread; a value once built.
 */
final class Placements {
    static final Placements EMPTY = new Placements(null, Map.of());
    private final String ref;
    private final Map<String, ReanchorResult> byId;
    private final Map<String, List<ReanchorResult>> byPath = new HashMap<>();

    private Placements(String ref, Map<String, ReanchorResult> byId) {
        this.ref = ref;
        this.byId = byId;
        for (ReanchorResult r : byId.values()) {
            if (r.state() != AnchorState.OUTDATED) {
                byPath.computeIfAbsent(r.annotation().anchor().path(), p -> new ArrayList<>()).add(r);
            }
        }
    }

    /** Places {@code annotations} on {@code ref} of {@code tree}. */
    static Placements compute(SourceTree tree, String ref, Collection<Annotation> annotations) throws AirlockException {
        if (annotations.isEmpty()) {
            // nothing to place: do not ask for the commit (through the keeper it is known only once a file is opened)
            return new Placements(ref, new HashMap<>());
        }
        String commit = tree.commitOf(ref);
        Reanchorer reanchorer = null;
        Map<String, ReanchorResult> out = new HashMap<>();
        for (Annotation a : annotations) {
            ReanchorResult r;
            if (a.anchor().commit().equals(commit)) {
                r = new ReanchorResult(a.withAnchor(a.anchor(), AnchorState.CURRENT), AnchorState.CURRENT, "made on this version");
            } else {
                if (reanchorer == null) {
                    reanchorer = new Reanchorer(tree, ref);
                }
                r = reanchorer.reanchor(a);
            }
            out.put(a.id(), r);
        }
        return new Placements(ref, out);
    }

    /** This value with {@code annotation} (new or changed) placed as well, or removed when null. */
    Placements with(String id, ReanchorResult placed) {
        Map<String, ReanchorResult> copy = new HashMap<>(byId);
        if (placed == null) {
            copy.remove(id);
        } else {
            copy.put(id, placed);
        }
        return new Placements(ref, copy);
    }

    String ref() {
        return ref;
    }

    ReanchorResult of(String id) {
        return byId.get(id);
    }

    /** Findings shown on {@code path} (not outdated ones: they have no place in this version). */
    List<ReanchorResult> onPath(String path) {
        return byPath.getOrDefault(path, List.of());
    }

    long count(AnchorState state) {
        return byId.values().stream().filter(r -> r.state() == state).count();
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }
}
