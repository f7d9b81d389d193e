package airlock.core.bundle;

import airlock.core.media.RemovableMedia;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where removable media appear on Linux. Two kinds: {@link #removable} lists the removable devices
 * the kernel has mounted under the media roots ({@link RemovableMedia}, the workstation's own disks
 * refused) - what the workstation uses; the folder form lists the folders under given parents and is
 * kept for tests and the demo. Only lists; nothing on the media is read here.
 */
public final class MediaLocations {
    /** One mounted volume (or a folder opened as media); {@code details} e.g. "vfat · 29.3 GB, 12.1 GB free". */
    public record Medium(String label, Path root, String details) {
        public Medium(String label, Path root) {
            this(label, root, "");
        }
    }

    private final List<Path> parents;
    private final RemovableMedia removable;
    /** Folders offered as media themselves (the demo's sticks); empty otherwise. */
    private List<Path> folders = List.of();

    public MediaLocations(List<Path> parents) {
        this.parents = List.copyOf(parents);
        this.removable = null;
    }

    private MediaLocations(RemovableMedia removable) {
        this.parents = List.of();
        this.removable = removable;
    }

    /** The removable devices mounted now under {@code media}'s roots, with file system, size and free space. */
    public static MediaLocations removable(RemovableMedia media) {
        return new MediaLocations(java.util.Objects.requireNonNull(media));
    }

    /** The devices behind {@link #list()} when this lists removable media; empty otherwise. */
    public java.util.Optional<RemovableMedia> removableMedia() {
        return java.util.Optional.ofNullable(removable);
    }

    /** The Linux defaults for the user named by {@code USER} (or {@code user.name}). */
    public static MediaLocations forUser(Map<String, String> env, String userName) {
        String user = env.getOrDefault("USER", userName);
        return new MediaLocations(List.of(Path.of("/media", user), Path.of("/run/media", user), Path.of("/mnt")));
    }

    /**
     * The demo's sticks (room): each of {@code folders} that exists is offered as a medium itself, so the
     * demo's screens choose on its demo stick and demo supervisor stick as a room's would on real ones.
     */
    public static MediaLocations folders(List<Path> folders) {
        MediaLocations m = new MediaLocations(List.of());
        m.folders = List.copyOf(folders);
        return m;
    }

    /** The volumes present now, in a stable order; unreadable parents are skipped. */
    public List<Medium> list() {
        if (!folders.isEmpty()) {
            return folders.stream().filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> new Medium(p.getFileName().toString(), p)).toList();
        }
        if (removable != null) {
            return removable.scan().devices().stream()
                    .map(d -> new Medium(d.label(), d.mountPoint(), RemovableMedia.describe(d))).toList();
        }
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
