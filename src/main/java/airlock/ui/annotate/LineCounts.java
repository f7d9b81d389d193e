package airlock.ui.annotate;

import airlock.core.AirlockException;
import airlock.core.annotate.CoverageCalculator.FileLines;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Line counts of every file of a ref, what review coverage is measured in. Counting reads every
 * blob once (with progress and cancel); counts are kept by blob id, so a second ref that shares
 * most files costs only its changed ones. Thread-safe; called off the FX thread.
 */
final class LineCounts implements airlock.core.annotate.LineCounting {
    /** Larger blobs are counted up to this size (the code view shows no more of them either). */
    static final long MAX_BYTES = airlock.core.annotate.LineCounting.MAX_BYTES;
    private final Map<String, Integer> byBlob = new ConcurrentHashMap<>();

    @Override
    public List<FileLines> of(SourceTree tree, String ref, ProgressMonitor monitor) throws AirlockException {
        List<SourceEntry> entries = tree.list(ref);
        monitor.beginTask("count lines", entries.size());
        List<FileLines> out = new ArrayList<>(entries.size());
        int done = 0;
        for (SourceEntry e : entries) {
            monitor.checkCancelled();
            Integer lines = byBlob.get(e.blobId());
            if (lines == null) {
                lines = e.kind() == EntryKind.SUBMODULE || e.kind() == EntryKind.SYMLINK ? 0 : count(tree.read(e, MAX_BYTES));
                byBlob.put(e.blobId(), lines);
            }
            out.add(new FileLines(e.path(), e.blobId(), lines));
            monitor.update(++done);
        }
        monitor.endTask();
        return out;
    }

    /** Lines as core's {@code LineIndex} counts them, minus a final empty line after a trailing newline. */
    static int count(byte[] bytes) {
        return airlock.core.annotate.LineCounting.count(bytes);
    }
}
