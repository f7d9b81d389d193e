package airlock.core.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.trust.TrustStore;
import java.time.Clock;
import java.time.ZoneOffset;
import airlock.core.progress.ProgressMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flipping any single byte, or truncating, any of the three files is refused by the check that covers it. */
class BundleTamperTest {
    @TempDir
    Path temp;
    private BundleVerifier verifier;
    private BundleFiles good;
    private Path work;

    @BeforeEach
    void setUp() throws Exception {
        AirlockHome home = VectorHarness.homeWithPinnedKeys(temp.resolve("home"));
        verifier = new BundleVerifier(new TrustStore(home).list(TrustPurpose.VENDOR), new AcceptedBundles(home),
                Clock.fixed(BundleVectors.NOW, ZoneOffset.UTC), IntakeLimits.defaults());
        good = new BundleVectors(temp.resolve("vectors")).good();
        work = temp.resolve("work");
        BundleVectors.copy(good, work);
        assertEquals(Optional.empty(), verify().failedCheck(), "the untouched bundle is accepted");
    }

    private VerificationResult verify() throws Exception {
        return verifier.verify(new BundleFiles(work), Optional.empty(), Files.createTempDirectory(temp, "staging"),
                ProgressMonitor.NONE);
    }

    private void tamper(String file, Check expected, boolean everyByte) throws Exception {
        Path path = work.resolve(file);
        byte[] original = Files.readAllBytes(path);
        int step = everyByte ? 1 : 7;
        int truncationStep = 5;
        for (int i = 0; i < original.length; i += step) {
            byte[] flipped = original.clone();
            flipped[i] ^= (byte) (1 << (i % 8));
            Files.write(path, flipped);
            assertEquals(Optional.of(expected), verify().failedCheck(), file + " flipped at byte " + i);
        }
        for (int length = 0; length < original.length; length += truncationStep) {
            Files.write(path, Arrays.copyOf(original, length));
            Check check = verify().failedCheck().orElseThrow(() -> new AssertionError(file + " truncated was accepted"));
            assertEquals(expected, check, file + " truncated to " + length);
        }
        Files.write(path, original);
    }

    @Test
    void everyManifestByteFlippedOrTruncatedIsRefusedAtTheSignature() throws Exception {
        tamper(BundleFiles.MANIFEST, Check.SIGNATURE, true);
    }

    @Test
    void everySignatureByteFlippedOrTruncatedIsRefusedAtTheSignature() throws Exception {
        tamper(BundleFiles.SIGNATURE, Check.SIGNATURE, true);
    }

    @Test
    void everyGitBundleByteFlippedOrTruncatedIsRefusedAtTheHash() throws Exception {
        tamper(BundleFiles.GIT_BUNDLE, Check.BUNDLE_HASH, true);
    }
}
