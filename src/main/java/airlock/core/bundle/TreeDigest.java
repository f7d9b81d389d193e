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
        MessageDigest digest = Sha256.newDigest();
        List<BundleFlag> flags = new ArrayList<>();
        long entries = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ObjectReader reader = repo.newObjectReader();
             RevWalk revWalk = new RevWalk(reader);
             TreeWalk walk = new TreeWalk(repo, reader)) {
            RevCommit commit = revWalk.parseCommit(commitId);
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            monitor.beginTask("Computing the tree digest", ProgressMonitor.UNKNOWN);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                ObjectId id = walk.getObjectId(0);
                byte[] path = walk.getRawPath();
                String pathText = walk.getPathString();
                byte[] contentHash;
                if (mode == FileMode.GITLINK) {
                    contentHash = Sha256.digest(id.name().getBytes(StandardCharsets.US_ASCII));
                    flags.add(new BundleFlag(BundleFlag.Kind.SUBMODULE, pathText, id.name()));
                } else {
                    ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
                    MessageDigest blob = Sha256.newDigest();
                    try (InputStream in = loader.openStream()) {
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            blob.update(buffer, 0, n);
                        }
                    }
                    contentHash = blob.digest();
                    bytes += loader.getSize();
                    if (mode == FileMode.SYMLINK) {
                        flags.add(new BundleFlag(BundleFlag.Kind.SYMLINK, pathText, text(loader, MAX_LINK_TARGET)));
                    } else if (pathText.equals(".gitmodules")) {
                        gitmodulesFlag(loader).ifPresent(detail ->
                                flags.add(new BundleFlag(BundleFlag.Kind.GITMODULES, pathText, detail)));
                    }
                }
                digest.update(Integer.toOctalString(mode.getBits()).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ' ');
                digest.update(path);
                digest.update((byte) 0);
                digest.update(contentHash);
                entries++;
                monitor.update(1);
                monitor.checkCancelled();
            }
            monitor.endTask();
        }
        return new Result(Sha256.hex(digest.digest()), entries, bytes, List.copyOf(flags));
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
