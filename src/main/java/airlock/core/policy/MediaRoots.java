package airlock.core.policy;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The room policy's {@code mediaRoots} (issue 17): the folders below which the room's removable
 * media are mounted. A root is an absolute, normalised folder path (no {@code .}, {@code ..}, doubled
 * or trailing slash), not {@code /} itself, of printable characters, at most {@link #MAX_LENGTH}
 * characters; at most {@link #MAX_ROOTS} roots, none given twice.
 */
public final class MediaRoots {
    /** Where udisks mounts removable media on Debian and most distributions. */
    public static final List<Path> DEFAULTS = List.of(Path.of("/media"), Path.of("/run/media"));
    public static final int MAX_ROOTS = 16;
    public static final int MAX_LENGTH = 255;

    private MediaRoots() {
    }

    /** {@code roots} checked and copied; an {@link IllegalArgumentException} names the first bad one. */
    public static List<Path> check(List<Path> roots) {
        if (roots == null || roots.isEmpty()) {
            throw new IllegalArgumentException("mediaRoots names at least one folder (leave it out for the defaults /media and /run/media)");
        }
        if (roots.size() > MAX_ROOTS) {
            throw new IllegalArgumentException("at most " + MAX_ROOTS + " media roots, not " + roots.size());
        }
        Set<Path> seen = new HashSet<>();
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            check(root == null ? null : root.toString());
            if (!seen.add(root)) {
                throw new IllegalArgumentException("mediaRoots: the root " + root + " is given twice");
            }
            out.add(root);
        }
        return List.copyOf(out);
    }

    /** One root as written in the policy: the path, or an {@link IllegalArgumentException} saying what is wrong. */
    public static Path check(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a media root is an absolute folder path, not empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a media root is at most " + MAX_LENGTH + " characters, not " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)
                    || Character.isWhitespace(c) && c != ' ') {
                throw new IllegalArgumentException("a media root holds a control, invisible or unpaired character at "
                        + i + " (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a media root is an absolute path (starting with /), not " + shown(text));
        }
        if (text.equals("/")) {
            throw new IllegalArgumentException("/ is not a media root: name the folder media are mounted under");
        }
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("a media root is not a path: " + shown(text));
        }
        if (!p.normalize().toString().equals(text) || text.contains("//") || text.endsWith("/")) {
            throw new IllegalArgumentException("a media root is written in its plain form (no ., .., doubled or trailing slash), not "
                    + shown(text));
        }
        return p;
    }

    private static String shown(String text) {
        return "'" + airlock.core.text.VisibleText.escape(text) + "'";
    }
}
