package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.crypto.Sha256;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.internal.submodule.SubmoduleValidator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A SHA-256 digest of a commit's tree that does not rest on SHA-1: for every non-tree entry, in
 * the order of a recursive git tree walk ({@code git ls-tree -r}), the record
 * {@code <mode in octal ASCII> SP <path bytes> NUL <SHA-256 of the content, 32 bytes>} is fed to
 * one SHA-256. The content of a blob or symlink is its bytes; of a submodule entry, the 40 ASCII
 * hex digits of its commit id. Symlinks, submodules and {@code .gitmodules} are reported as flags.
 */
public final class TreeDigest {
    /** The digest (hex), the number of entries and the flags found. */
    public record Result(String digest, long entries, long bytes, List<BundleFlag> flags) {
    }

    private static final int MAX_LINK_TARGET = 4096;
    private static final int MAX_GITMODULES = 64 * 1024;

    private TreeDigest() {
    }

    public static Result compute(Repository repo, ObjectId commitId, ProgressMonitor monitor)
            throws IOException, CancelledException, AirlockException {
        return compute(repo, commitId, null, monitor);
    }

    /**
     * As {@link #compute(Repository, ObjectId, ProgressMonitor)}, taking the content hash of each
     * blob from {@code known} (recorded while the pack was parsed) when it is there, and inflating
     * the blob from the store otherwise; the result is the same either way.
     */
    static Result compute(Repository repo, ObjectId commitId, BlobDigests known, ProgressMonitor monitor)
            throws IOException, CancelledException, AirlockException {
        MessageDigest digest = Sha256.newDigest();
        List<BundleFlag> flags = new ArrayList<>();
        long entries = 0;
        long bytes = 0;
        ExecutorService helper = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tree-digest");
            thread.setDaemon(true);
            return thread;
        });
        try (ObjectReader reader = repo.newObjectReader();
             ObjectReader helperReader = repo.newObjectReader();
             RevWalk revWalk = new RevWalk(reader);
             TreeWalk walk = new TreeWalk(repo, reader)) {
            RevCommit commit = revWalk.parseCommit(commitId);
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            monitor.beginTask("Computing the tree digest", ProgressMonitor.UNKNOWN);
            List<Entry> chunk = new ArrayList<>(CHUNK);
            boolean more = true;
            while (more) {
                chunk.clear();
                while (chunk.size() < CHUNK && (more = walk.next())) {
                    chunk.add(new Entry(walk.getFileMode(0), walk.getObjectId(0), walk.getRawPath(), walk.getPathString()));
                }
                // the blobs of a chunk are hashed on two threads; the records go into the digest in walk order
                int half = chunk.size() / 2;
                Future<?> second = helper.submit(() -> hashBlobs(helperReader, chunk.subList(half, chunk.size()), known));
                hashBlobs(reader, chunk.subList(0, half), known);
                await(second);
                for (Entry entry : chunk) {
                    if (entry.mode == FileMode.GITLINK) {
                        flags.add(new BundleFlag(BundleFlag.Kind.SUBMODULE, entry.pathText, entry.id.name()));
                    } else {
                        bytes += entry.size;
                        if (entry.mode == FileMode.SYMLINK) {
                            flags.add(new BundleFlag(BundleFlag.Kind.SYMLINK, entry.pathText,
                                    text(reader.open(entry.id, Constants.OBJ_BLOB), MAX_LINK_TARGET)));
                        } else if (entry.pathText.equals(".gitmodules")) {
                            gitmodulesFlag(reader.open(entry.id, Constants.OBJ_BLOB)).ifPresent(detail ->
                                    flags.add(new BundleFlag(BundleFlag.Kind.GITMODULES, entry.pathText, detail)));
                        }
                    }
                    digest.update(Integer.toOctalString(entry.mode.getBits()).getBytes(StandardCharsets.US_ASCII));
                    digest.update((byte) ' ');
                    digest.update(entry.path);
                    digest.update((byte) 0);
                    digest.update(entry.contentHash);
                    entries++;
                }
                monitor.update(chunk.size());
                monitor.checkCancelled();
            }
            monitor.endTask();
        } finally {
            helper.shutdownNow();
        }
        return new Result(Sha256.hex(digest.digest()), entries, bytes, List.copyOf(flags));
    }

    /** Entries taken from the walk per round; each round's blobs are split between two threads. */
    private static final int CHUNK = 1024;

    /** One non-tree entry of the walk and, once hashed, the SHA-256 of its content. */
    private static final class Entry {
        final FileMode mode;
        final ObjectId id;
        final byte[] path;
        final String pathText;
        byte[] contentHash;
        long size;

        Entry(FileMode mode, ObjectId id, byte[] path, String pathText) {
            this.mode = mode;
            this.id = id;
            this.path = path;
            this.pathText = pathText;
        }
    }

    private static Void hashBlobs(ObjectReader reader, List<Entry> entries, BlobDigests known) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (Entry entry : entries) {
            if (entry.mode == FileMode.GITLINK) {
                entry.contentHash = Sha256.digest(entry.id.name().getBytes(StandardCharsets.US_ASCII));
                continue;
            }
            BlobDigests.Digest recorded = known == null ? null : known.get(entry.id);
            if (recorded != null) {
                entry.contentHash = recorded.sha256();
                entry.size = recorded.size();
                continue;
            }
            ObjectLoader loader = reader.open(entry.id, Constants.OBJ_BLOB);
            MessageDigest blob = Sha256.newDigest();
            if (loader.isLarge()) {
                try (InputStream in = loader.openStream()) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        blob.update(buffer, 0, n);
                    }
                }
            } else {
                blob.update(loader.getCachedBytes());
            }
            entry.contentHash = blob.digest();
            entry.size = loader.getSize();
        }
        return null;
    }

    private static void await(Future<?> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while computing the tree digest");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("computing the tree digest failed: " + e.getCause(), e.getCause());
        }
    }

    private static java.util.Optional<String> gitmodulesFlag(ObjectLoader loader) throws IOException {
        if (loader.getSize() > MAX_GITMODULES) {
            return java.util.Optional.of("larger than " + MAX_GITMODULES + " bytes; not interpreted");
        }
        String text = new String(loader.getCachedBytes(MAX_GITMODULES), StandardCharsets.UTF_8);
        try {
            SubmoduleValidator.assertValidGitModulesFile(text);
            return java.util.Optional.of("declares submodules; none is fetched");
        } catch (SubmoduleValidator.SubmoduleValidationException e) {
            return java.util.Optional.of("unsafe submodule declaration (" + e.getMessage() + "); none is fetched");
        }
    }

    private static String text(ObjectLoader loader, int max) throws IOException {
        byte[] raw;
        try (InputStream in = loader.openStream()) {
            raw = in.readNBytes(max);
        }
        return new String(raw, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    }

    /** Thrown for an unreadable tree; reported as a tree digest failure. */
    static AirlockException refuse(String why) {
        return new AirlockException(Check.TREE_DIGEST.code(), why);
    }
}
