package airlock.core.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's table of mounts as this process sees it ({@code /proc/self/mountinfo}), read again
 * on every check. Injected so that tests can show what a vanished mount does without root.
 */
@FunctionalInterface
public interface MountTable {
    /** The current text of the table; an {@link IOException} when there is none (not Linux). */
    String read() throws IOException;

    /** This process's mount table. */
    MountTable PROC = () -> Files.readString(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8);

    /**
     * One line of the table: the mount's id (unique while it is mounted), its device as
     * {@code major:minor}, where it is mounted and the file-system type.
     */
    record Mount(long id, String device, String mountPoint, String type) {
    }

    /** Parses mountinfo text; lines that do not have the documented shape are skipped. */
    static List<Mount> parse(String text) {
        List<Mount> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            int dash = List.of(f).indexOf("-");
            if (f.length < 7 || dash < 6 || dash + 1 >= f.length) {
                continue;
            }
            try {
                out.add(new Mount(Long.parseLong(f[0]), f[2], unescape(f[4]), f[dash + 1]));
            } catch (NumberFormatException e) {
                // not a mount line
            }
        }
        return out;
    }

    /** The kernel writes space, tab, newline and backslash in paths as three octal digits ({@code \040}). */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The mount that holds {@code path} (absolute, symbolic links resolved): the one whose mount
     * point is the longest ancestor, the last listed when several are stacked on one point (the
     * one on top). Null when none is listed.
     */
    static Mount holding(List<Mount> mounts, Path path) {
        Mount best = null;
        int bestLength = -1;
        for (Mount m : mounts) {
            Path point = Path.of(m.mountPoint());
            if (path.startsWith(point) && point.getNameCount() >= bestLength) {
                best = m;
                bestLength = point.getNameCount();
            }
        }
        return best;
    }

    /** Linux's {@code st_dev} as mountinfo writes it, {@code major:minor}. */
    static String device(long stDev) {
        long major = ((stDev >>> 8) & 0xfffL) | ((stDev >>> 32) & 0xfffff000L);
        long minor = (stDev & 0xffL) | ((stDev >>> 12) & 0xffffff00L);
        return major + ":" + minor;
    }
}
