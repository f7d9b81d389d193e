package airlock.core.history;

import airlock.core.AirlockException;
import airlock.core.progress.ProgressMonitor;
import java.util.List;

/**
 * The version questions the versions window asks (issue 16, kread): {@link LocalVersions} reads the
 * bundle's git history in this process and records each read through {@link VersionReads} before it
 * returns it; the keeper's ({@code airlock.keeper.client.KeeperVersions})
 * asks over the socket, and the keeper writes the entry that records a read (a diff's or blame's
 * {@code file.opened}, a history's {@code search.run}) before it answers with a line of it.
 */
public interface Versions {
    /** Unchanged lines kept around each edit of a diff. */
    int CONTEXT_LINES = 3;

    /** The files that differ from {@code fromRef} to {@code toRef}, in path order. */
    List<FileChange> changes(String fromRef, String toRef, ProgressMonitor monitor) throws AirlockException;

    /** The side-by-side diff of {@code change}, one of {@link #changes}'s between the same refs. */
    FileDiff diff(String fromRef, String toRef, FileChange change) throws AirlockException;

    /** What {@code commitId} did to {@code path} against its first parent, or null when it did not change it. */
    CommitDiff commitDiff(String commitId, String path) throws AirlockException;

    /** Commits reachable from {@code ref} that changed {@code path}, newest first, at most {@code limit}. */
    FileHistory history(String ref, String path, int limit, ProgressMonitor monitor) throws AirlockException;

    /** Who last changed each line of {@code path} at {@code ref}. */
    Blame blame(String ref, String path, ProgressMonitor monitor) throws AirlockException;

    /** A commit's diff of one file and the commit's first parent (null for a root commit). */
    record CommitDiff(FileDiff diff, String parent) {
    }
}
