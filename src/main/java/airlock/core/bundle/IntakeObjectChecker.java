package airlock.core.bundle;

import airlock.core.crypto.Sha256;
import java.security.MessageDigest;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.BlobObjectChecker;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectChecker;

/**
 * JGit's {@link ObjectChecker} with the Windows and macOS rules on (every spelling of {@code .git}
 * those systems map onto the real one is refused), set in code so the workstation's git
 * configuration plays no part, with two adjustments for code that is viewed, never checked out:
 * <ul>
 * <li>names Windows merely reserves ({@code aux.c}, {@code CON}, a trailing space: JGit's
 * {@code WIN32_BAD_NAME}) are accepted; the Linux kernel has such files. Characters Windows forbids
 * ({@code : * ? " < > | \\}) stay refused: JGit offers no switch for them alone;</li>
 * <li>with those rules JGit compares tree entries case-insensitively, so two names that differ only
 * in case (the kernel's {@code xt_TCPMSS.c} and {@code xt_tcpmss.c}) would be "duplicates"; here a
 * second, case-sensitive checker refuses exact duplicates instead.</li>
 * </ul>
 * Export names come from a safe alphabet, never from repository paths.
 * <p>Given a {@link BlobDigests}, it also records the SHA-256 of every blob the parser hands it:
 * JGit streams each whole blob's inflated bytes through {@link #newBlobObjectChecker()} and passes
 * each delta-resolved blob to {@link #check}, both with the id JGit computed, so the tree digest
 * reuses these instead of inflating every blob again. Recording checks nothing and refuses nothing;
 * the checks above are unchanged.
 */
final class IntakeObjectChecker extends ObjectChecker {
    private final ObjectChecker exact = new ObjectChecker().setAllowInvalidPersonIdent(false)
            .setAllowLeadingZeroFileMode(false);

    private final BlobDigests blobs;
    private final MessageDigest blobDigest = Sha256.newDigest();

    IntakeObjectChecker() {
        this(null);
    }

    /** A checker that also records each blob's SHA-256 in {@code blobs} (null: record nothing). */
    IntakeObjectChecker(BlobDigests blobs) {
        this.blobs = blobs;
        setSafeForWindows(true);
        setSafeForMacOS(true);
        setAllowInvalidPersonIdent(false);
        setAllowLeadingZeroFileMode(false);
        setIgnore(ErrorType.WIN32_BAD_NAME, true);
        setIgnore(ErrorType.DUPLICATE_ENTRIES, true);
    }

    @Override
    public void check(AnyObjectId id, int objType, byte[] raw) throws CorruptObjectException {
        super.check(id, objType, raw);
        if (objType == Constants.OBJ_TREE) {
            exact.checkTree(id, raw);
        }
    }

    @Override
    public BlobObjectChecker newBlobObjectChecker() {
        // JGit's base checker has no blob check (null, and checkBlob does nothing); chained in case it gains one
        BlobObjectChecker inner = super.newBlobObjectChecker();
        if (blobs == null) {
            return inner;
        }
        blobDigest.reset();
        return new BlobObjectChecker() {
            private long size;

            @Override
            public void update(byte[] in, int offset, int length) {
                blobDigest.update(in, offset, length);
                size += length;
                if (inner != null) {
                    inner.update(in, offset, length);
                }
            }

            @Override
            public void endBlob(AnyObjectId id) throws CorruptObjectException {
                if (inner != null) {
                    inner.endBlob(id);
                }
                blobs.put(id, blobDigest.digest(), size);
            }
        };
    }
}
