package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.git.IsolatedGit;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Map;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.TooLargeObjectInPackException;
import org.eclipse.jgit.lib.ObjectChecker;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.transport.PackLock;
import org.eclipse.jgit.transport.PackParser;

/**
 * Parses the pack of a git bundle into a fresh bare repository with every object checked:
 * JGit's {@link ObjectChecker} with the Windows and macOS path rules, no thin pack (no base
 * objects from outside the pack), nothing after the pack trailer, the object count and the
 * inflated size of each object within {@link IntakeLimits}; then every ref must be a commit
 * whose whole history, trees and blobs are present.
 */
final class ObjectFetch {
    private final IntakeLimits limits;
    private final java.util.function.Supplier<ParallelObjectHasher> hashers;

    ObjectFetch(IntakeLimits limits) {
        this(limits, ParallelObjectHasher::new);
    }

    /** With another collision check on the second core (tests). */
    ObjectFetch(IntakeLimits limits, java.util.function.Supplier<ParallelObjectHasher> hashers) {
        this.limits = limits;
        this.hashers = hashers;
    }

    /** Number of objects parsed; the SHA-256 of every blob parsed goes to {@code blobs} (may be null). */
    long fetch(InputStream pack, Repository target, Map<String, String> refs, BlobDigests blobs, ProgressMonitor monitor)
            throws AirlockException, IOException {
        requireCollisionDetection();
        byte[] header = pack.readNBytes(12);
        if (header.length < 12) {
            throw refuse("the pack is truncated before its header");
        }
        if (header[0] != 'P' || header[1] != 'A' || header[2] != 'C' || header[3] != 'K') {
            throw refuse("the data after the bundle header is not a git pack");
        }
        long count = ((header[8] & 0xffL) << 24) | ((header[9] & 0xff) << 16) | ((header[10] & 0xff) << 8) | (header[11] & 0xff);
        if (count > limits.maxObjects()) {
            throw refuse("the pack declares " + count + " objects; the budget is " + limits.maxObjects());
        }
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(header), pack);
        try (ObjectInserter inserter = target.newObjectInserter();
             ParallelObjectHasher hasher = hashers.get()) {
            PackParser parser = inserter.newPackParser(whole);
            parser.setAllowThin(false);
            parser.setObjectChecker(new IntakeObjectChecker(blobs));
            parser.setCheckEofAfterPackFooter(true);
            parser.setMaxObjectSizeLimit(limits.maxObjectBytes());
            parser.setLockMessage("airlock intake");
            boolean twoCores = ParallelObjectHasher.install(parser, hasher);
            // both phases are shown: resolving a kernel's deltas takes seconds
            PackLock lock = parser.parse(new JGitProgress(monitor), new JGitProgress(monitor));
            if (twoCores) {
                // the ids came from the platform's SHA-1; nothing counts until SHA1DC has seen every object
                String problem = hasher.finish();
                if (problem != null) {
                    throw refuse(problem);
                }
            }
            inserter.flush();
            if (lock != null) {
                lock.unlock();
            }
        } catch (JGitProgress.Cancelled e) {
            throw new CancelledException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ParallelObjectHasher.CheckStopped e) {
            if (monitor.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancelledException();
            }
            throw refuse(e.getMessage() + "; nothing was taken in");
        } catch (TooLargeObjectInPackException e) {
            throw refuse("an object is larger than the budget of " + limits.maxObjectBytes() + " bytes (" + e.getMessage() + ")");
        } catch (CorruptObjectException e) {
            throw refuse("corrupt or unsafe object: " + e.getMessage());
        } catch (EOFException e) {
            throw refuse("the pack is truncated (" + e.getMessage() + ")");
        } catch (IOException e) {
            if (monitor.isCancelled()) {
                throw new CancelledException();
            }
            throw refuse("the pack cannot be read: " + e.getMessage());
        }
        monitor.checkCancelled();
        monitor.beginTask("Checking that every object is present", ProgressMonitor.UNKNOWN);
        checkRefsComplete(target, refs);
        monitor.endTask();
        return count;
    }

    /** Every ref points at a commit whose history, trees and blobs are all in the store. */
    private static void checkRefsComplete(Repository repo, Map<String, String> refs) throws AirlockException, IOException {
        try (ObjectWalk walk = new ObjectWalk(repo)) {
            for (Map.Entry<String, String> ref : refs.entrySet()) {
                ObjectId id = ObjectId.fromString(ref.getValue());
                RevObject object;
                try {
                    object = walk.parseAny(id);
                } catch (MissingObjectException e) {
                    throw refuse("ref " + ref.getKey() + " points at " + id.name() + ", which is not in the bundle");
                }
                if (!(object instanceof RevCommit)) {
                    throw refuse("ref " + ref.getKey() + " points at a " + org.eclipse.jgit.lib.Constants.typeString(object.getType())
                            + ", not a commit");
                }
                walk.markStart(object);
            }
            try {
                walk.checkConnectivity();
            } catch (MissingObjectException e) {
                throw refuse("the bundle is incomplete: object " + e.getObjectId().name() + " is missing");
            } catch (CorruptObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
                throw refuse("corrupt object: " + e.getMessage());
            }
        }
        for (Map.Entry<String, String> ref : refs.entrySet()) {
            RefUpdate update = repo.updateRef(ref.getKey());
            update.setNewObjectId(ObjectId.fromString(ref.getValue()));
            update.setExpectedOldObjectId(ObjectId.zeroId());
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW) {
                throw new AirlockException("bundle.store", "Cannot record ref " + ref.getKey() + " in the staging store: " + result);
            }
        }
    }

    /**
     * JGit picks its SHA-1 for object ids from a system property on every use; any value but
     * {@code java} drops the detection of SHA-1 collision attacks. {@link IsolatedGit#install}
     * clears it at start-up; should it be set again, intake stops here rather than parse a pack
     * with a weaker check.
     */
    static void requireCollisionDetection() throws AirlockException {
        String implementation = IsolatedGit.weakSha1Choice();
        if (implementation != null) {
            throw new AirlockException(Check.OBJECTS.code(), "This Java runs with -D" + IsolatedGit.SHA1_IMPLEMENTATION_PROPERTY
                    + "=" + implementation + ", which turns off SHA-1 collision detection, so no bundle is taken in. Remove it from"
                    + " the Java options (JAVA_TOOL_OPTIONS, AIRLOCK_JAVA_OPTS) and start Airlock again.");
        }
    }

    static AirlockException refuse(String why) {
        return new AirlockException(Check.OBJECTS.code(), why);
    }
}
