package airlock.core.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A bundle on media is one folder holding three files: {@code manifest.json} (the signed bytes),
 * {@code manifest.sig} (64 raw bytes, Ed25519) and {@code repo.bundle} (a v2 git bundle).
 */
public record BundleFiles(Path folder) {
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String GIT_BUNDLE = "repo.bundle";
    /** Folder names on media end with this, e.g. {@code acme-firmware-2.1-7.airlock}. */
    public static final String SUFFIX = ".airlock";

    public Path manifest() {
        return folder.resolve(MANIFEST);
    }

    public Path signature() {
        return folder.resolve(SIGNATURE);
    }

    public Path gitBundle() {
        return folder.resolve(GIT_BUNDLE);
    }

    /** True when {@code folder} looks like a bundle (has a manifest); verification decides the rest. */
    public static boolean looksLikeBundle(Path folder) {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                && Files.exists(folder.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The bundle folders on a medium: {@code root} itself, or its sub-folders up to two levels down.
     * Symbolic links are not followed. Unreadable folders are skipped.
     */
    public static List<BundleFiles> find(Path root) throws IOException {
        List<BundleFiles> found = new ArrayList<>();
        if (looksLikeBundle(root)) {
            found.add(new BundleFiles(root));
            return found;
        }
        try (Stream<Path> walk = Files.walk(root, 2)) {
            walk.filter(p -> !p.equals(root)).filter(BundleFiles::looksLikeBundle).sorted()
                    .forEach(p -> found.add(new BundleFiles(p)));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return found;
    }
}
