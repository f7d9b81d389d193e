package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.history.Blame;
import airlock.core.history.BlameLine;
import airlock.core.history.ChangeKind;
import airlock.core.history.CommitInfo;
import airlock.core.history.DiffRow;
import airlock.core.history.DiffVerdict;
import airlock.core.history.FileChange;
import airlock.core.history.FileDiff;
import airlock.core.history.FileHistory;
import airlock.core.history.RowKind;
import airlock.core.history.Span;
import airlock.core.history.Versions;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bundle's versions through the keeper (issue 16, kread): compare ({@code history.compare}: names
 * and counts, nothing logged), diffs and commit diffs ({@code history.diff}: the keeper records a
 * {@code file.opened} entry, view {@code diff}, for each version before it sends a row), history
 * ({@code history.file}: a {@code search.run}, kind {@code history}) and blame ({@code history.blame}:
 * {@code file.opened}, view {@code blame}). Diffs and blames come page by page, each page within the
 * frame limit, and are put together here. The keeper answers history and blame at the review ref of
 * its session: the {@code ref} arguments must name it.
 */
public final class KeeperVersions implements Versions {
    private final KeeperClient client;

    public KeeperVersions(KeeperClient client) {
        this.client = client;
    }

    @Override
    public List<FileChange> changes(String fromRef, String toRef, ProgressMonitor monitor) throws AirlockException {
        List<FileChange> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            Answer.Changes page = client.compare(fromRef, toRef, offset, Limits.MAX_CHANGES_PAGE);
            for (Answer.Change c : page.changes()) {
                out.add(change(c));
            }
            offset += Limits.MAX_CHANGES_PAGE;
            if (offset >= page.total()) {
                return out;
            }
            cancelled(monitor);
        }
    }

    @Override
    public FileDiff diff(String fromRef, String toRef, FileChange change) throws AirlockException {
        Paged paged = pages(fromRef, toRef, change.path());
        return paged.diff();
    }

    @Override
    public CommitDiff commitDiff(String commitId, String path) throws AirlockException {
        Paged paged = pages(null, commitId, path);
        return paged.diff() == null ? null : new CommitDiff(paged.diff(), paged.from());
    }

    private record Paged(String from, FileDiff diff) {
    }

    private Paged pages(String from, String to, String path) throws AirlockException {
        Answer.DiffPage first = client.diff(from, to, path, 0, Limits.MAX_DIFF_ROWS);
        if (first.change() == null) {
            return new Paged(null, null);
        }
        List<DiffRow> rows = new ArrayList<>(first.total());
        Answer.DiffPage page = first;
        while (true) {
            for (Answer.Row r : page.rows()) {
                rows.add(row(r));
            }
            if (rows.size() >= first.total() || page.rows().isEmpty()) {
                break;
            }
            page = client.diff(from, to, path, rows.size(), Limits.MAX_DIFF_ROWS);
        }
        if (rows.size() != first.total()) {
            throw new KeeperException("keeper.protocol", "The keeper sent " + rows.size() + " of the diff's " + first.total() + " rows.");
        }
        return new Paged(first.from(), new FileDiff(change(first.change()), verdict(first.verdict()), rows, first.oldSize(),
                first.newSize()));
    }

    @Override
    public FileHistory history(String ref, String path, int limit, ProgressMonitor monitor) throws AirlockException {
        List<CommitInfo> commits = new ArrayList<>();
        Answer.Commits page;
        do {
            cancelled(monitor);
            page = client.history(path, Math.min(commits.size(), Limits.MAX_HISTORY), Limits.MAX_COMMITS_PAGE);
            for (Answer.Commit c : page.commits()) {
                commits.add(commit(c));
            }
        } while (!page.commits().isEmpty() && commits.size() < page.total() && commits.size() < limit);
        boolean cut = page.truncated() || page.total() > limit;
        return new FileHistory(page.ref(), page.path(), commits.size() > limit ? commits.subList(0, limit) : commits, cut);
    }

    @Override
    public Blame blame(String ref, String path, ProgressMonitor monitor) throws AirlockException {
        Answer.BlamePage page = client.blame(path, 0, Limits.MAX_DIFF_ROWS);
        DiffVerdict verdict = verdict(page.verdict());
        if (verdict != DiffVerdict.TEXT) {
            return new Blame(page.ref(), page.path(), verdict, List.of());
        }
        int total = page.total();
        Map<String, CommitInfo> commits = new HashMap<>();
        List<BlameLine> lines = new ArrayList<>(total);
        while (true) {
            for (Answer.Commit c : page.commits()) {
                commits.put(c.id(), commit(c));
            }
            for (Answer.BlameRow r : page.lines()) {
                CommitInfo info = r.commit() == null ? null : commits.get(r.commit());
                if (r.commit() != null && info == null) {
                    throw new KeeperException("keeper.protocol", "The keeper's blame names a commit it did not describe.");
                }
                lines.add(new BlameLine(r.line(), r.text(), info, r.sourcePath()));
            }
            if (lines.size() >= total || page.lines().isEmpty()) {
                break;
            }
            cancelled(monitor);
            page = client.blame(path, lines.size(), Limits.MAX_DIFF_ROWS);
        }
        if (lines.size() != total) {
            throw new KeeperException("keeper.protocol", "The keeper sent " + lines.size() + " of the blame's " + total + " lines.");
        }
        return new Blame(page.ref(), page.path(), DiffVerdict.TEXT, lines);
    }

    private static void cancelled(ProgressMonitor monitor) throws CancelledException {
        if (monitor.isCancelled()) {
            throw new CancelledException();
        }
    }

    private static FileChange change(Answer.Change c) throws KeeperException {
        ChangeKind kind;
        try {
            kind = ChangeKind.valueOf(c.changeKind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KeeperException("keeper.protocol", "The keeper reported an unknown kind of change.");
        }
        return new FileChange(kind, c.oldPath(), c.newPath(), c.oldBlob(), c.newBlob(), c.added(), c.removed(), verdict(c.verdict()));
    }

    private static DiffVerdict verdict(String v) throws KeeperException {
        try {
            return DiffVerdict.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KeeperException("keeper.protocol", "The keeper reported an unknown diff verdict.");
        }
    }

    private static DiffRow row(Answer.Row r) throws KeeperException {
        RowKind kind;
        try {
            kind = RowKind.valueOf(r.rowKind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KeeperException("keeper.protocol", "The keeper reported an unknown kind of diff row.");
        }
        return new DiffRow(kind, r.leftLine(), r.leftText(), r.rightLine(), r.rightText(), spans(r.leftSpans(), r.leftText()),
                spans(r.rightSpans(), r.rightText()), r.skipped());
    }

    private static List<Span> spans(List<Answer.RowSpan> spans, String text) throws KeeperException {
        List<Span> out = new ArrayList<>(spans.size());
        for (Answer.RowSpan s : spans) {
            if (text == null || s.end() > text.length()) {
                throw new KeeperException("keeper.protocol", "The keeper sent a diff span outside its line.");
            }
            out.add(new Span(s.start(), s.end()));
        }
        return out;
    }

    private static CommitInfo commit(Answer.Commit c) throws KeeperException {
        try {
            return new CommitInfo(c.id(), c.author(), c.email(), Instant.parse(c.when()), c.summary());
        } catch (DateTimeParseException e) {
            throw new KeeperException("keeper.protocol", "The keeper sent a commit time that is not ISO-8601.");
        }
    }
}
