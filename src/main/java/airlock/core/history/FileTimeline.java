package airlock.core.history;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FollowFilter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A file's history (the commits that touched it, following renames, from a ref back as far as the
 * bundle carries) and its blame at a ref. Read from the object store only.
 */
public final class FileTimeline {
    private final GitSource source;

    public FileTimeline(GitSource source) {
        this.source = source;
    }

    /** Commits reachable from {@code ref} that changed {@code path}, newest first, at most {@code limit}. */
    public FileHistory history(String ref, String path, int limit, ProgressMonitor monitor) throws AirlockException {
        Repository repository = source.repository();
        try (RevWalk walk = new RevWalk(repository)) {
            DiffConfig config = repository.getConfig().get(DiffConfig.KEY);
            walk.setTreeFilter(FollowFilter.create(path, config));
            walk.setRevFilter(RevFilter.ALL);
            walk.markStart(walk.parseCommit(ObjectId.fromString(source.commitOf(ref))));
            monitor.beginTask("history", ProgressMonitor.UNKNOWN);
            List<CommitInfo> commits = new ArrayList<>();
            boolean truncated = false;
            for (RevCommit commit : walk) {
                monitor.checkCancelled();
                if (commits.size() == limit) {
                    truncated = true;
                    break;
                }
                commits.add(info(commit));
                monitor.update(1);
            }
            monitor.endTask();
            return new FileHistory(ref, path, commits, truncated);
        } catch (IOException e) {
            throw new AirlockException("history.read", "Cannot read the history of " + path + ": " + e.getMessage(), e);
        }
    }

    /** Who last changed each line of {@code path} at {@code ref}, following renames. */
    public Blame blame(String ref, String path, ProgressMonitor monitor) throws AirlockException {
        Repository repository = source.repository();
        ObjectId start = ObjectId.fromString(source.commitOf(ref));
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            TreeWalk tree = TreeWalk.forPath(reader, path, walk.parseCommit(start).getTree());
            if (tree == null) {
                throw new AirlockException("history.path.missing", ref + " has no file " + path);
            }
            ObjectId blob = tree.getObjectId(0);
            if (reader.getObjectSize(blob, org.eclipse.jgit.lib.Constants.OBJ_BLOB) > VersionHistory.DIFF_LIMIT) {
                return new Blame(ref, path, DiffVerdict.TOO_LARGE, List.of());
            }
            if (RawText.isBinary(VersionHistory.bytes(reader, blob.name()))) {
                return new Blame(ref, path, DiffVerdict.BINARY, List.of());
            }
        } catch (IOException e) {
            throw new AirlockException("history.read", "Cannot read " + path + ": " + e.getMessage(), e);
        }
        monitor.beginTask("blame", ProgressMonitor.UNKNOWN);
        try {
            BlameResult result = new org.eclipse.jgit.api.BlameCommand(repository)
                    .setStartCommit(start).setFilePath(path).setFollowFileRenames(true).call();
            if (result == null) {
                throw new AirlockException("history.path.missing", ref + " has no file " + path);
            }
            RawText text = result.getResultContents();
            Map<RevCommit, CommitInfo> infos = new HashMap<>();
            List<BlameLine> lines = new ArrayList<>(text.size());
            for (int i = 0; i < text.size(); i++) {
                monitor.checkCancelled();
                RevCommit commit = result.getSourceCommit(i);
                CommitInfo info = commit == null ? null : infos.computeIfAbsent(commit, FileTimeline::info);
                lines.add(new BlameLine(i + 1, text.getString(i), info, result.getSourcePath(i)));
            }
            monitor.endTask();
            return new Blame(ref, path, DiffVerdict.TEXT, lines);
        } catch (GitAPIException e) {
            throw new AirlockException("history.read", "Cannot blame " + path + ": " + e.getMessage(), e);
        }
    }

    static CommitInfo info(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        return new CommitInfo(commit.name(), author.getName(), author.getEmailAddress(),
                author.getWhenAsInstant(), commit.getShortMessage());
    }
}
