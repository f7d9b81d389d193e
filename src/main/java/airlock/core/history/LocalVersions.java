package airlock.core.history;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.SourceEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions of a {@link GitSource} read in this process (the in-process composition and tests).
 * Each diff, blame and history is handed to {@link VersionReads} (the session log) before it is
 * returned, with the entries the keeper writes for the same read; the list of changed files is names
 * and counts, not content, and is not recorded (as the keeper's {@code compare}).
 */
public final class LocalVersions implements Versions {
    private final GitSource git;
    private final VersionReads reads;

    /** Versions recorded nowhere: only for compositions without a session log. */
    public LocalVersions(GitSource git) {
        this(git, VersionReads.NONE);
    }

    public LocalVersions(GitSource git, VersionReads reads) {
        this.git = git;
        this.reads = java.util.Objects.requireNonNull(reads);
    }

    @Override
    public List<FileChange> changes(String fromRef, String toRef, ProgressMonitor monitor) throws AirlockException {
        return new VersionHistory(git).changes(fromRef, toRef, monitor);
    }

    @Override
    public FileDiff diff(String fromRef, String toRef, FileChange change) throws AirlockException {
        FileDiff diff = new VersionHistory(git).diff(change, CONTEXT_LINES);
        recordDiff("diff" + '\0' + fromRef + '\0' + toRef + '\0' + change.path(), fromRef, toRef, diff);
        return diff;
    }

    /** Both sides of a diff that exist, old first, as the keeper records them (view diff). */
    private void recordDiff(String key, String fromRef, String toRef, FileDiff diff) throws AirlockException {
        FileChange change = diff.change();
        List<VersionReads.Read> sides = new ArrayList<>(2);
        if (change.oldPath() != null && fromRef != null) {
            sides.add(new VersionReads.FileOpened(fromRef, change.oldPath(), change.oldBlob(), diff.oldSize(), "diff"));
        }
        if (change.newPath() != null) {
            sides.add(new VersionReads.FileOpened(toRef, change.newPath(), change.newBlob(), diff.newSize(), "diff"));
        }
        reads.record(key, List.copyOf(sides));
    }

    @Override
    public CommitDiff commitDiff(String commitId, String path) throws AirlockException {
        VersionHistory versions = new VersionHistory(git);
        FileChange change = versions.changeAgainstParent(commitId, path);
        if (change == null) {
            return null;
        }
        FileDiff diff = versions.diff(change, CONTEXT_LINES);
        String parent = versions.parentOf(commitId);
        recordDiff("diff" + '\0' + null + '\0' + commitId + '\0' + path, parent, commitId, diff);
        return new CommitDiff(diff, parent);
    }

    @Override
    public FileHistory history(String ref, String path, int limit, ProgressMonitor monitor) throws AirlockException {
        FileHistory history = new FileTimeline(git).history(ref, path, limit, monitor);
        reads.record("history" + '\0' + ref + '\0' + path,
                List.of(new VersionReads.Lookup("history", path, ref, history.commits().size())));
        return history;
    }

    @Override
    public Blame blame(String ref, String path, ProgressMonitor monitor) throws AirlockException {
        Blame blame = new FileTimeline(git).blame(ref, path, monitor);
        if (blame.verdict() == DiffVerdict.TEXT) {
            // a binary or too large file has no lines to show and no entry, as through the keeper
            SourceEntry entry = git.find(ref, path);
            if (entry == null) {
                throw new AirlockException("history.blame.missing", "'" + airlock.core.text.VisibleText.escape(path) + "' is not in " + ref + ".");
            }
            reads.record("blame" + '\0' + ref + '\0' + path,
                    List.of(new VersionReads.FileOpened(ref, entry.path(), entry.blobId(), entry.size(), "blame")));
        }
        return blame;
    }
}
