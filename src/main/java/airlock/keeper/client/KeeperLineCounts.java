package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.annotate.CoverageCalculator.FileLines;
import airlock.core.annotate.LineCounting;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.SourceTree;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import java.util.ArrayList;
import java.util.List;

/**
 * Every file's line count at a ref, for the file tree's review coverage, counted by the keeper
 * ({@code files.lines}, issue 16, kread): it reads the blobs and sends counts only, so no line of
 * code crosses and nothing is logged. {@code tree} is not read: the keeper counts its session's bundle.
 */
public final class KeeperLineCounts implements LineCounting {
    private final KeeperClient client;

    public KeeperLineCounts(KeeperClient client) {
        this.client = client;
    }

    @Override
    public List<FileLines> of(SourceTree tree, String ref, ProgressMonitor monitor) throws AirlockException {
        List<FileLines> out = new ArrayList<>();
        int offset = 0;
        monitor.beginTask("count lines", ProgressMonitor.UNKNOWN);
        while (true) {
            Answer.LineCounts page = client.lineCounts(ref, offset, Limits.MAX_LIST);
            for (Answer.LineCount c : page.files()) {
                out.add(new FileLines(c.path(), c.blob(), c.lines()));
            }
            offset += Limits.MAX_LIST;
            monitor.update(Math.min(offset, page.total()));
            if (offset >= page.total()) {
                break;
            }
            if (monitor.isCancelled()) {
                throw new CancelledException();
            }
        }
        monitor.endTask();
        return out;
    }
}
