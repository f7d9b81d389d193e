package airlock.core.bundle;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where removable media appear on Linux: the volumes mounted under {@code /media/$USER},
 * {@code /run/media/$USER} and {@code /mnt}. Only lists folders; nothing on them is read here.
 */
public final class MediaLocations {
    /** One mounted volume (or a folder the user opened as media). */
    public record Medium(String label, Path root) {
    }

    private final List<Path> parents;

    public MediaLocations(List<Path> parents) {
        this.parents = List.copyOf(parents);
    }

    /** The Linux defaults for the user named by {@code USER} (or {@code user.name}). */
    public static MediaLocations forUser(Map<String, String> env, String userName) {
        String user = env.getOrDefault("USER", userName);
        return new MediaLocations(List.of(Path.of("/media", user), Path.of("/run/media", user), Path.of("/mnt")));
    }

    /** The volumes present now, in a stable order; unreadable parents are skipped. */
    public List<Medium> list() {
        List<Medium> media = new ArrayList<>();
        for (Path parent : parents) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
                List<Path> sorted = new ArrayList<>();
                children.forEach(sorted::add);
                sorted.sort(null);
                for (Path child : sorted) {
                    if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        media.add(new Medium(child.getFileName().toString(), child));
                    }
                }
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(MediaLocations.class).debug("cannot list media under {}", parent, e);
            }
        }
        return media;
    }
}
