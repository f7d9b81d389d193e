package airlock.core.history;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.progress.ProgressMonitor;
import java.util.List;

/** The versions of a {@link GitSource} read in this process (the in-process composition and tests). */
public final class LocalVersions implements Versions {
    private final GitSource git;

    public LocalVersions(GitSource git) {
        this.git = git;
    }

    @Override
    public List<FileChange> changes(String fromRef, String toRef, ProgressMonitor monitor) throws AirlockException {
        return new VersionHistory(git).changes(fromRef, toRef, monitor);
    }

    @Override
    public FileDiff diff(String fromRef, String toRef, FileChange change) throws AirlockException {
        return new VersionHistory(git).diff(change, CONTEXT_LINES);
    }

    @Override
    public CommitDiff commitDiff(String commitId, String path) throws AirlockException {
        VersionHistory versions = new VersionHistory(git);
        FileChange change = versions.changeAgainstParent(commitId, path);
        return change == null ? null : new CommitDiff(versions.diff(change, CONTEXT_LINES), versions.parentOf(commitId));
    }

    @Override
    public FileHistory history(String ref, String path, int limit, ProgressMonitor monitor) throws AirlockException {
        return new FileTimeline(git).history(ref, path, limit, monitor);
    }

    @Override
    public Blame blame(String ref, String path, ProgressMonitor monitor) throws AirlockException {
        return new FileTimeline(git).blame(ref, path, monitor);
    }

    @Override
    public String blobOf(String ref, String path) throws AirlockException {
        var entry = git.find(ref, path);
        return entry == null ? null : entry.blobId();
    }
}
