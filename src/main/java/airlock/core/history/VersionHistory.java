package airlock.core.history;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Compares the refs of a {@link GitSource}: the files changed between two refs and a file's
 * side-by-side diff. Everything is read from the object store; nothing is checked out. History and
 * blame are in {@link FileTimeline}.
 */
public final class VersionHistory {
    /** Files larger than this on either side are not diffed (RichTextFX and the diff both slow down). */
    public static final long DIFF_LIMIT = 2L << 20;
    private final GitSource source;

    public VersionHistory(GitSource source) {
        this.source = source;
    }

    public GitSource source() {
        return source;
    }

    /** The files that differ from {@code fromRef} to {@code toRef}, renames detected, in path order. */
    public List<FileChange> changes(String fromRef, String toRef, ProgressMonitor monitor) throws AirlockException {
        Repository repository = source.repository();
        try (ObjectReader reader = repository.newObjectReader();
             RevWalk walk = new RevWalk(reader);
             DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            formatter.setDetectRenames(true);
            RevCommit from = walk.parseCommit(ObjectId.fromString(source.commitOf(fromRef)));
            RevCommit to = walk.parseCommit(ObjectId.fromString(source.commitOf(toRef)));
            List<DiffEntry> entries = formatter.scan(from.getTree(), to.getTree());
            monitor.beginTask("compare", entries.size());
            List<FileChange> changes = new ArrayList<>();
            for (DiffEntry entry : entries) {
                monitor.checkCancelled();
                changes.add(change(reader, entry));
                monitor.update(1);
            }
            monitor.endTask();
            return changes;
        } catch (IOException e) {
            throw new AirlockException("history.read", "Cannot compare " + fromRef + " with " + toRef + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * What commit {@code commitId} did to {@code path}: the file's change against the commit's first parent
     * (renames detected; against nothing for a root commit), or null when the commit did not change a file
     * of that path (a commit listed under the file's later name, before a rename, changed the old name:
     * the change whose old or new path is {@code path} is taken).
     */
    public FileChange changeAgainstParent(String commitId, String path) throws AirlockException {
        Repository repository = source.repository();
        try (ObjectReader reader = repository.newObjectReader();
             RevWalk walk = new RevWalk(reader);
             DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            formatter.setDetectRenames(true);
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            List<DiffEntry> entries = parent == null
                    ? formatter.scan(new org.eclipse.jgit.treewalk.EmptyTreeIterator(),
                            new org.eclipse.jgit.treewalk.CanonicalTreeParser(null, reader, commit.getTree()))
                    : formatter.scan(parent.getTree(), commit.getTree());
            for (DiffEntry entry : entries) {
                if (path.equals(entry.getNewPath()) || path.equals(entry.getOldPath())) {
                    return change(reader, entry);
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            throw new AirlockException("history.read", "Cannot read commit " + commitId + ": " + e.getMessage(), e);
        }
    }

    /** The first parent of {@code commitId}, or null for a root commit. */
    public String parentOf(String commitId) throws AirlockException {
        try (RevWalk walk = new RevWalk(source.repository())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            return commit.getParentCount() == 0 ? null : commit.getParent(0).name();
        } catch (IOException | IllegalArgumentException e) {
            throw new AirlockException("history.read", "Cannot read commit " + commitId + ": " + e.getMessage(), e);
        }
    }

    private FileChange change(ObjectReader reader, DiffEntry entry) throws IOException {
        ChangeKind kind = switch (entry.getChangeType()) {
            case ADD -> ChangeKind.ADDED;
            case DELETE -> ChangeKind.DELETED;
            case MODIFY -> ChangeKind.MODIFIED;
            case RENAME -> ChangeKind.RENAMED;
            case COPY -> ChangeKind.COPIED;
        };
        boolean hasOld = kind != ChangeKind.ADDED;
        boolean hasNew = kind != ChangeKind.DELETED;
        String oldBlob = hasOld ? entry.getOldId().toObjectId().name() : null;
        String newBlob = hasNew ? entry.getNewId().toObjectId().name() : null;
        Sides sides = read(reader, hasOld ? entry.getOldMode() : null, oldBlob,
                hasNew ? entry.getNewMode() : null, newBlob);
        int added = -1;
        int removed = -1;
        if (sides.verdict() == DiffVerdict.TEXT) {
            int[] counts = SideBySide.counts(sides.left(), sides.right());
            added = counts[0];
            removed = counts[1];
        }
        return new FileChange(kind, hasOld ? entry.getOldPath() : null, hasNew ? entry.getNewPath() : null,
                oldBlob, newBlob, added, removed, sides.verdict());
    }

    /**
     * The side-by-side diff of {@code change}.
     *
     * @param context unchanged lines kept around each edit; {@link Integer#MAX_VALUE} for the whole file
     */
    public FileDiff diff(FileChange change, int context) throws AirlockException {
        try (ObjectReader reader = source.repository().newObjectReader()) {
            Sides sides = read(reader, change.oldBlob() == null ? null : FileMode.REGULAR_FILE, change.oldBlob(),
                    change.newBlob() == null ? null : FileMode.REGULAR_FILE, change.newBlob());
            DiffVerdict verdict = change.verdict() == DiffVerdict.SPECIAL ? DiffVerdict.SPECIAL : sides.verdict();
            List<DiffRow> rows = verdict == DiffVerdict.TEXT ? SideBySide.rows(sides.left(), sides.right(), context)
                    : List.of();
            return new FileDiff(change, verdict, rows, sides.oldSize(), sides.newSize());
        } catch (IOException e) {
            throw new AirlockException("history.read", "Cannot read the versions of " + change.path() + ": "
                    + e.getMessage(), e);
        }
    }

    private record Sides(DiffVerdict verdict, RawText left, RawText right, long oldSize, long newSize) {
    }

    private static Sides read(ObjectReader reader, FileMode oldMode, String oldBlob, FileMode newMode,
                              String newBlob) throws IOException {
        if (special(oldMode) || special(newMode)) {
            return new Sides(DiffVerdict.SPECIAL, null, null, 0, 0);
        }
        long oldSize = size(reader, oldBlob);
        long newSize = size(reader, newBlob);
        if (oldSize > DIFF_LIMIT || newSize > DIFF_LIMIT) {
            return new Sides(DiffVerdict.TOO_LARGE, null, null, oldSize, newSize);
        }
        byte[] left = bytes(reader, oldBlob);
        byte[] right = bytes(reader, newBlob);
        if (RawText.isBinary(left) || RawText.isBinary(right)) {
            return new Sides(DiffVerdict.BINARY, null, null, oldSize, newSize);
        }
        return new Sides(DiffVerdict.TEXT, new RawText(left), new RawText(right), oldSize, newSize);
    }

    private static boolean special(FileMode mode) {
        return mode == FileMode.SYMLINK || mode == FileMode.GITLINK;
    }

    private static long size(ObjectReader reader, String blob) throws IOException {
        return blob == null ? 0 : reader.getObjectSize(ObjectId.fromString(blob), Constants.OBJ_BLOB);
    }

    static byte[] bytes(ObjectReader reader, String blob) throws IOException {
        if (blob == null) {
            return new byte[0];
        }
        ObjectLoader loader = reader.open(ObjectId.fromString(blob), Constants.OBJ_BLOB);
        return loader.getCachedBytes((int) DIFF_LIMIT + 1);
    }
}
