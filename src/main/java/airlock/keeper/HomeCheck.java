package airlock.keeper;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The keeper's start-up check of its home: it holds the workstation key, the log, the store and the
 * indexes, so it must be a real directory (not a link) owned by the keeper's account, with no
 * permission for the group or others (mode 700), so nothing below it can be reached by another account
 * whatever its own mode (sqlite creates its files with the umask's mode). A home that fails is
 * refused, not repaired: that someone else could read or change it is itself worth a look.
 */
public final class HomeCheck {
    private static final Set<PosixFilePermission> NOT_FOR_OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private HomeCheck() {
    }

    /**
     * Checks an existing home; a home that does not exist yet passes (it is created mode 700).
     *
     * @param account the keeper's own account name (the home's required owner)
     */
    public static void requirePrivate(Path home, String account) throws AirlockException {
        if (!Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributes root = attributes(home);
        if (!root.isDirectory()) {
            throw refused(home, "is not a directory (a symbolic link or a file is refused)");
        }
        if (!root.owner().getName().equals(account)) {
            throw refused(home, "is owned by '" + root.owner().getName() + "', not by the keeper's account '" + account + "'");
        }
        Set<PosixFilePermission> open = intersect(root.permissions(), NOT_FOR_OTHERS);
        if (!open.isEmpty()) {
            throw refused(home, "has mode " + PosixFilePermissions.toString(root.permissions())
                    + ": others or the group may read, enter or write it; make it rwx------ (chmod 700)");
        }
    }

    private static Set<PosixFilePermission> intersect(Set<PosixFilePermission> a, Set<PosixFilePermission> b) {
        Set<PosixFilePermission> out = new java.util.HashSet<>(a);
        out.retainAll(b);
        return out;
    }

    private static PosixFileAttributes attributes(Path p) throws AirlockException {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            throw new AirlockException("keeper.home.unreadable", "Cannot read the owner and mode of " + p + ": " + e.getMessage(), e);
        }
    }

    private static AirlockException refused(Path p, String why) {
        return new AirlockException("keeper.home.open", "The keeper refuses to run: " + p + " " + why + ".");
    }
}
