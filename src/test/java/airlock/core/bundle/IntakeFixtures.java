package airlock.core.bundle;

import airlock.core.home.AirlockHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

/** For UI tests outside this package: a home with the test vendor keys pinned and a medium with bundles. */
public final class IntakeFixtures {
    public static final Clock CLOCK = Clock.fixed(BundleVectors.NOW, ZoneOffset.UTC);

    private IntakeFixtures() {
    }

    public static AirlockHome home(Path root) throws Exception {
        return VectorHarness.homeWithPinnedKeys(root);
    }

    /** A medium folder holding {@code widget-2.0-2.airlock} (good) and {@code widget-tampered.airlock} (one byte flipped). */
    public static Path medium(Path work) throws Exception {
        BundleVectors vectors = new BundleVectors(work.resolve("vectors"));
        Path medium = work.resolve("stick");
        BundleVectors.copy(vectors.good(), medium.resolve("widget-2.0-2.airlock"));
        Path tampered = medium.resolve("widget-tampered.airlock");
        BundleVectors.copy(vectors.good(), tampered);
        byte[] bundle = Files.readAllBytes(tampered.resolve(BundleFiles.GIT_BUNDLE));
        bundle[bundle.length / 2] ^= 0x40;
        Files.write(tampered.resolve(BundleFiles.GIT_BUNDLE), bundle);
        return medium;
    }
}
