package airlock.core.media;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The files (or folders) of one kind on one removable medium: what the inspector's screens offer
 * instead of a file chooser, once a medium is chosen (issue 17: the supervisor's key is read from the
 * supervisor's stick, a sealed log from the stick it was written to). Looks at most {@link #MAX_DEPTH}
 * folders deep, visits at most {@link #MAX_VISITED} entries and returns at most {@link #MAX_FOUND};
 * never follows a symbolic link (a link on a stick could point anywhere on the workstation), so
 * nothing outside the medium is ever offered.
 */
public final class MediaFiles {
    /** Folders below the medium's root that are looked into (a key file sits in its root or one folder down). */
    public static final int MAX_DEPTH = 3;
    /** Entries looked at, at most: a full stick is not listed to the end. */
    public static final int MAX_VISITED = 20_000;
    /** Files offered, at most. */
    public static final int MAX_FOUND = 200;

    private MediaFiles() {
    }

    /** What one look found; {@code complete} is false when a limit stopped it. */
    public record Found(List<Path> paths, boolean complete) {
        public Found {
            paths = List.copyOf(paths);
        }
    }

    /** Regular files (never links) under {@code root} that {@code accept} takes, sorted. */
    public static Found files(Path root, Predicate<Path> accept) throws IOException {
        return look(root, accept, false);
    }

    /** Folders (the root included, never links) under {@code root} that {@code accept} takes, sorted. */
    public static Found folders(Path root, Predicate<Path> accept) throws IOException {
        return look(root, accept, true);
    }

    /** A file name ending in {@code suffix} (any case). */
    public static Predicate<Path> named(String suffix) {
        String s = suffix.toLowerCase(java.util.Locale.ROOT);
        return p -> p.getFileName() != null && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(s);
    }

    private static Found look(Path root, Predicate<Path> accept, boolean wantFolders) throws IOException {
        Path start = root.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(start) || !Files.isDirectory(start, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(start + " is not a folder");
        }
        List<Path> found = new ArrayList<>();
        boolean[] complete = {true};
        int[] visited = {0};
        Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH + 1, new FileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (wantFolders && accept.test(dir) && !add(dir)) {
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (++visited[0] > MAX_VISITED) {
                    complete[0] = false;
                    return FileVisitResult.TERMINATE;
                }
                // at the depth limit a folder is reported as a file; links are reported as links (never followed)
                if (attrs.isDirectory() && wantFolders && !attrs.isSymbolicLink() && accept.test(file)) {
                    return add(file) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }
                if (!wantFolders && attrs.isRegularFile() && !attrs.isSymbolicLink() && accept.test(file)) {
                    return add(file) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }

            private boolean add(Path p) {
                if (found.size() == MAX_FOUND) {
                    complete[0] = false;
                    return false;
                }
                found.add(p);
                return true;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // an unreadable folder on a stick is skipped, not fatal
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return new Found(found, complete[0]);
    }
}
