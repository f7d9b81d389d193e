package airlock.core.demo;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The demo's second version. The newest tag not at the branch's head when there is one, otherwise
 * the commit {@link #STEPS_BACK} first-parent steps back (or the oldest one a shallow clone has).
 * So that the project's own repository is never written to, the two refs are set in a scratch bare
 * repository that borrows the project's objects (git "alternates"); the bundle is written from it.
 * A clone with a single commit, or a folder without history, gives one ref: there is nothing earlier.
 *
 * <p>A shallow clone (CI often clones with depth 1) lacks the parents of its oldest commits, and a
 * bundle naming a missing parent is refused as incomplete. Then the two versions are re-committed in
 * the scratch repository with the same trees, author and message: the earlier one without parents,
 * the branch's head with the earlier one as its only parent.
 */
final class DemoVersions {
    /** How far back the earlier version is, when there is no tag. */
    static final int STEPS_BACK = 10;

    /** The scratch repository and the earlier version's ref in it (empty when there is none). */
    record Packed(Path repository, Optional<String> earlierRef) {
    }

    private DemoVersions() {
    }

    /** Prepares {@code scratch}, or returns empty when the project has no earlier version. */
    static Optional<Packed> withEarlier(Path projectDir, String branch, Path scratch) throws AirlockException {
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(projectDir.toFile()).setMustExist(true).build();
                RevWalk walk = new RevWalk(repo)) {
            ObjectId headId = repo.resolve(branch);
            if (headId == null) {
                return Optional.empty();
            }
            RevCommit head = walk.parseCommit(headId);
            Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
            Optional<String[]> earlier = newestTag(repo, walk, head);
            if (earlier.isEmpty()) {
                earlier = stepsBack(walk, head, shallow).map(c -> new String[] {
                        Constants.R_TAGS + "earlier-" + c.abbreviate(7).name(), c.name()});
            }
            if (earlier.isEmpty() && shallow.isEmpty()) {
                return Optional.empty();
            }
            discard(scratch);
            Files.createDirectories(scratch);
            try (Repository pack = new FileRepositoryBuilder().setGitDir(scratch.toFile()).setBare().build()) {
                pack.create(true);
                Path info = scratch.resolve("objects").resolve("info");
                Files.createDirectories(info);
                Files.writeString(info.resolve("alternates"),
                        repo.getCommonDirectory().toPath().resolve("objects").toAbsolutePath() + "\n", StandardCharsets.UTF_8);
                ObjectId headOut = head;
                ObjectId earlierOut = earlier.map(e -> ObjectId.fromString(e[1])).orElse(null);
                if (!shallow.isEmpty()) {
                    try (ObjectInserter inserter = pack.newObjectInserter()) {
                        if (earlierOut != null) {
                            earlierOut = recommit(inserter, walk.parseCommit(earlierOut), null);
                        }
                        headOut = recommit(inserter, head, earlierOut);
                        inserter.flush();
                    }
                }
                setRef(pack, branch, headOut);
                if (earlierOut != null) {
                    setRef(pack, earlier.get()[0], earlierOut);
                }
            }
            return Optional.of(new Packed(scratch, earlier.map(e -> e[0])));
        } catch (IOException e) {
            throw new AirlockException("demo.media", "Cannot prepare the demo's two versions from " + projectDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static Optional<String[]> newestTag(Repository repo, RevWalk walk, RevCommit head) throws IOException {
        RevCommit best = null;
        String bestName = null;
        for (Ref tag : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            Ref peeled = repo.getRefDatabase().peel(tag);
            ObjectId id = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
            RevCommit commit;
            try {
                commit = walk.parseCommit(id);
            } catch (MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
                continue; // a tag of a tree or blob, or of history this clone does not have: not a version
            }
            if (!commit.equals(head) && (best == null || commit.getCommitTime() > best.getCommitTime())) {
                best = commit;
                bestName = tag.getName();
            }
        }
        return best == null ? Optional.empty() : Optional.of(new String[] {bestName, best.name()});
    }

    private static Optional<RevCommit> stepsBack(RevWalk walk, RevCommit head, Set<ObjectId> shallow) throws IOException {
        RevCommit at = head;
        for (int i = 0; i < STEPS_BACK; i++) {
            if (shallow.contains(at) || at.getParentCount() == 0) {
                break;
            }
            try {
                at = walk.parseCommit(at.getParent(0));
            } catch (MissingObjectException e) {
                break; // the clone stops here
            }
        }
        return at.equals(head) ? Optional.empty() : Optional.of(at);
    }

    private static ObjectId recommit(ObjectInserter inserter, RevCommit original, ObjectId parent) throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(original.getTree());
        commit.setAuthor(original.getAuthorIdent());
        commit.setCommitter(original.getCommitterIdent());
        commit.setMessage(original.getFullMessage());
        if (parent != null) {
            commit.setParentId(parent);
        }
        return inserter.insert(commit);
    }

    private static void setRef(Repository repo, String name, ObjectId id) throws IOException {
        RefUpdate update = repo.updateRef(name);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot set " + name + " in the scratch repository: " + result);
        }
    }

    /** Removes the scratch repository (it only holds refs and a pointer to the project's objects). */
    static void discard(Path scratch) throws AirlockException {
        try {
            if (Files.exists(scratch)) {
                try (var paths = Files.walk(scratch)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new AirlockException("demo.media", "Cannot remove the scratch folder " + scratch + ": " + e.getMessage(), e);
        }
    }
}
