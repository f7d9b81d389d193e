package airlock.core.bundle;

import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
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
 */
final class IntakeObjectChecker extends ObjectChecker {
    private final ObjectChecker exact = new ObjectChecker().setAllowInvalidPersonIdent(false)
            .setAllowLeadingZeroFileMode(false);

    IntakeObjectChecker() {
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
}
