package airlock.core.annotate;

import airlock.core.AirlockException;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves annotations onto one ref of a source, by content (see {@link RangeLocator}). A file that
 * is gone from its path is looked for by blob id elsewhere in the ref (a rename). Nothing is ever
 * dropped: what cannot be found comes back {@link AnchorState#OUTDATED} with its original anchor.
 * One instance serves one ref and caches what it reads, so re-anchoring a whole import reads
 * each file once.
 */
public final class Reanchorer {
    /** Files larger than this are not searched (the code view pages them anyway). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private final SourceTree tree;
    private final String ref;
    private final String commit;
    private final Map<String, RangeLocator> locators = new HashMap<>();
    private Map<String, SourceEntry> byBlob;

    public Reanchorer(SourceTree tree, String ref) throws AirlockException {
        this.tree = tree;
        this.ref = ref;
        this.commit = tree.commitOf(ref);
    }

    public ReanchorResult reanchor(Annotation annotation) throws AirlockException {
        Anchor old = annotation.anchor();
        SourceEntry entry = tree.find(ref, old.path());
        if (entry != null && entry.blobId().equals(old.blobId()) && fits(entry, old)) {
            Anchor same = new Anchor(ref, commit, entry.path(), entry.blobId(), old.ranges());
            return new ReanchorResult(annotation.withAnchor(same, AnchorState.CURRENT), AnchorState.CURRENT, "unchanged");
        }
        ReanchorResult byContent = entry == null ? outdated(annotation, "the file is not in " + ref) : searchIn(entry, annotation);
        if (byContent.state() != AnchorState.OUTDATED) {
            return byContent;
        }
        SourceEntry renamed = blobIndex().get(old.blobId());
        if (renamed != null) {
            Anchor moved = new Anchor(ref, commit, renamed.path(), renamed.blobId(), old.ranges());
            return new ReanchorResult(annotation.withAnchor(moved, AnchorState.MOVED), AnchorState.MOVED,
                    "the same file content is now at another path");
        }
        return byContent;
    }

    /**
     * Whether every range really is where it says in this blob (positions agree with the text and
     * the text hash matches): an imported file could name the right blob with wrong ranges.
     */
    private boolean fits(SourceEntry entry, Anchor anchor) throws AirlockException {
        if (entry.size() > MAX_FILE_BYTES) {
            return false;
        }
        LineIndex text = locator(entry).text();
        for (AnchoredRange r : anchor.ranges()) {
            TextRange t = r.range();
            if (t.endOffset() > text.text().length() || !text.range(t.startOffset(), t.endOffset()).equals(t)
                    || !Fingerprints.sha256(text.text().substring(t.startOffset(), t.endOffset())).equals(r.fingerprint().textHash())) {
                return false;
            }
        }
        return true;
    }

    private ReanchorResult searchIn(SourceEntry entry, Annotation annotation) throws AirlockException {
        if (entry.size() > MAX_FILE_BYTES) {
            return outdated(annotation, "the file is too large to search (" + entry.size() + " bytes)");
        }
        RangeLocator locator = locator(entry);
        List<AnchoredRange> ranges = new ArrayList<>();
        boolean allInPlace = true;
        for (AnchoredRange range : annotation.anchor().ranges()) {
            TextRange found = locator.locate(range);
            if (found == null) {
                return outdated(annotation, "the annotated code at " + range.range().label() + " is not in " + ref);
            }
            allInPlace &= found.equals(range.range());
            ranges.add(AnchoredRange.of(locator.text(), found));
        }
        AnchorState state = allInPlace ? AnchorState.CURRENT : AnchorState.MOVED;
        Anchor moved = new Anchor(ref, commit, entry.path(), entry.blobId(), ranges);
        return new ReanchorResult(annotation.withAnchor(moved, state), state,
                allInPlace ? "same code at the same place" : "found by content at another place");
    }

    private ReanchorResult outdated(Annotation annotation, String reason) {
        return new ReanchorResult(annotation.withAnchor(annotation.anchor(), AnchorState.OUTDATED), AnchorState.OUTDATED, reason);
    }

    private RangeLocator locator(SourceEntry entry) throws AirlockException {
        RangeLocator cached = locators.get(entry.blobId());
        if (cached == null) {
            String text = new String(tree.read(entry, MAX_FILE_BYTES), StandardCharsets.UTF_8);
            cached = new RangeLocator(new LineIndex(text));
            locators.put(entry.blobId(), cached);
        }
        return cached;
    }

    private Map<String, SourceEntry> blobIndex() throws AirlockException {
        if (byBlob == null) {
            byBlob = new HashMap<>();
            for (SourceEntry e : tree.list(ref)) {
                byBlob.putIfAbsent(e.blobId(), e);
            }
        }
        return byBlob;
    }
}
