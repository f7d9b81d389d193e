package airlock.core.bundle;

import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.progress.ProgressMonitor;
import airlock.core.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/** Runs one vector case folder the way the workstation would, with vendor keys A and B pinned. */
final class VectorHarness {
    private VectorHarness() {
    }

    static AirlockHome homeWithPinnedKeys(Path root) throws Exception {
        AirlockHome home = AirlockHome.open(root);
        TrustStore trust = new TrustStore(home);
        trust.add(TrustPurpose.VENDOR, TestKeys.VENDOR_A.getPublic(), "vendor-a");
        trust.add(TrustPurpose.VENDOR, TestKeys.VENDOR_B.getPublic(), "vendor-b");
        return home;
    }

    static BundleIntake intake(AirlockHome home) {
        return new BundleIntake(home, Clock.fixed(BundleVectors.NOW, ZoneOffset.UTC), IntakeLimits.defaults());
    }

    /** Imports {@code before/} if present (it must be accepted), then verifies {@code bundle/}. */
    static VerificationResult run(Path caseDir, AirlockHome home, Optional<String> expectProduct) throws Exception {
        BundleIntake intake = intake(home);
        Path before = caseDir.resolve("before");
        if (Files.isDirectory(before)) {
            ImportResult first = intake.importBundle(new BundleFiles(before), Optional.empty(), ProgressMonitor.NONE);
            if (!first.verification().accepted()) {
                throw new AssertionError("before/ of " + caseDir + " was refused: " + first.verification().summary());
            }
        }
        return intake.verify(new BundleFiles(caseDir.resolve("bundle")), expectProduct, ProgressMonitor.NONE);
    }
}
