package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.crypto.Sha256;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.progress.ProgressMonitor;
import airlock.core.trust.TrustStore;
import airlock.core.trust.TrustedKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation side: verify a bundle folder, and import an accepted one into the read-only
 * store {@code store/<manifest SHA-256>/} (manifest, signature, bare {@code repo.git}). Work is
 * staged under {@code staging/}; the acceptance is recorded, then the staged folder is renamed
 * into the store in one step, so a crash leaves nothing that looks imported. Manifests refused
 * as a rollback or a conflict are kept under {@code evidence/} with the reason.
 */
public final class BundleIntake {
    private static final Logger LOG = LoggerFactory.getLogger(BundleIntake.class);
    private final AirlockHome home;
    private final Clock clock;
    private final IntakeLimits limits;
    private final AcceptedBundles accepted;

    public BundleIntake(AirlockHome home, Clock clock, IntakeLimits limits) {
        this.home = home;
        this.clock = clock;
        this.limits = limits;
        this.accepted = new AcceptedBundles(home);
    }

    /** Verifies against this home's vendor trust list; nothing is kept but evidence of a rollback. */
    public VerificationResult verify(BundleFiles files, Optional<String> expectedProduct, ProgressMonitor monitor)
            throws AirlockException {
        return verify(files, expectedProduct, new TrustStore(home).list(TrustPurpose.VENDOR), monitor);
    }

    /** Verifies against the given vendor keys (for {@code verify --trust DIR}). */
    public VerificationResult verify(BundleFiles files, Optional<String> expectedProduct, List<TrustedKey> vendorKeys,
            ProgressMonitor monitor) throws AirlockException {
        Path staging = newStaging();
        try {
            VerificationResult result = new BundleVerifier(vendorKeys, accepted, clock, limits)
                    .verify(files, expectedProduct, staging, monitor);
            keepEvidence(files, result);
            return result;
        } finally {
            discard(staging);
        }
    }

    /** Verifies and, when accepted, imports; importing the same bundle again changes nothing. */
    public ImportResult importBundle(BundleFiles files, Optional<String> expectedProduct, ProgressMonitor monitor)
            throws AirlockException {
        Optional<Path> existing = alreadyImported(files);
        List<TrustedKey> vendorKeys = new TrustStore(home).list(TrustPurpose.VENDOR);
        Path staging = newStaging();
        try {
            VerificationResult result = new BundleVerifier(vendorKeys, accepted, clock, limits)
                    .verify(files, expectedProduct, staging, monitor);
            keepEvidence(files, result);
            if (!result.accepted()) {
                return new ImportResult(result, Optional.empty(), false);
            }
            if (existing.isPresent()) {
                keepListing(existing.get(), monitor); // an import by an older build may have none
                return new ImportResult(result, existing, true);
            }
            String id = result.manifestSha256().orElseThrow();
            Path target = home.store().resolve(id);
            try {
                Files.write(staging.resolve(BundleFiles.MANIFEST), Files.readAllBytes(files.manifest()));
                Files.write(staging.resolve(BundleFiles.SIGNATURE), Files.readAllBytes(files.signature()));
                if (!Sha256.hex(Sha256.digest(Files.readAllBytes(staging.resolve(BundleFiles.MANIFEST)))).equals(id)) {
                    throw new AirlockException("bundle.import", "The manifest changed on the medium during import; import it again");
                }
                FileTrees.makeReadOnly(staging);
                accepted.record(result.manifest().orElseThrow(), id);
                moveAtomically(staging, target);
            } catch (IOException e) {
                throw new AirlockException("bundle.import", "Cannot import into " + target + ": " + e.getMessage(), e);
            }
            LOG.info("imported bundle {} into {}", id, target);
            keepListing(target, monitor);
            return new ImportResult(result, Optional.of(target), false);
        } finally {
            discard(staging);
        }
    }

    /**
     * Lists the review ref of the bundle just imported into {@code folder} and keeps that listing
     * ({@link BundleStore#keepListing}, docs/formats/listing.md), so that the first opening of the file tree
     * reads it instead of walking the tree (four kernels: 4 s). Part of the intake, so its time counts in
     * the intake's; the listing is derived data, so a failure is logged and the import stands (the first
     * opening then walks the tree as before).
     */
    private void keepListing(Path folder, ProgressMonitor monitor) {
        monitor.beginTask("Listing the files of the bundle", ProgressMonitor.UNKNOWN);
        long t0 = System.nanoTime();
        try {
            BundleStore store = new BundleStore(home);
            String note = store.keepListing(store.get(folder.getFileName().toString()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (note != null && note.contains("not kept")) {
                LOG.warn("listing of bundle {}: {} in {} ms; the file tree's first opening will walk it", folder.getFileName(), note, ms);
            } else {
                LOG.info("listing of bundle {}: {} in {} ms", folder.getFileName(), note, ms);
            }
        } catch (AirlockException | RuntimeException e) {
            LOG.warn("cannot keep the listing of bundle {}; the file tree's first opening will walk it: {}",
                    folder.getFileName(), e.getMessage());
        } finally {
            monitor.endTask();
        }
    }

    private Optional<Path> alreadyImported(BundleFiles files) {
        try {
            if (Files.isRegularFile(files.manifest(), LinkOption.NOFOLLOW_LINKS)
                    && Files.size(files.manifest()) <= limits.maxManifestBytes()) {
                Path target = home.store().resolve(Sha256.hex(Sha256.digest(Files.readAllBytes(files.manifest()))));
                return Files.isDirectory(target) ? Optional.of(target) : Optional.empty();
            }
        } catch (IOException e) {
            LOG.debug("cannot read {} to look for an earlier import; verification will report it", files.manifest(), e);
        }
        return Optional.empty();
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the store and staging folders are on different file systems; "
                    + "an import must be one rename", e);
        }
    }

    private void keepEvidence(BundleFiles files, VerificationResult result) throws AirlockException {
        if (result.accepted() || result.failedCheck().orElseThrow() != Check.ROLLBACK) {
            return;
        }
        Path evidence = home.root().resolve("evidence").resolve(result.manifestSha256().orElseThrow());
        try {
            Files.createDirectories(evidence);
            Files.copy(files.manifest(), evidence.resolve(BundleFiles.MANIFEST), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(files.signature(), evidence.resolve(BundleFiles.SIGNATURE), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(evidence.resolve("reason.txt"), ManifestCodec.time(clock.instant()) + " "
                    + result.summary() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AirlockException("bundle.evidence", "Cannot keep the refused manifest as evidence in " + evidence
                    + ": " + e.getMessage(), e);
        }
        LOG.warn("refused bundle kept as evidence in {}: {}", evidence, result.summary());
    }

    private Path newStaging() throws AirlockException {
        try {
            return Files.createTempDirectory(home.staging(), "intake-");
        } catch (IOException e) {
            throw new AirlockException("bundle.staging", "Cannot create a staging folder in " + home.staging() + ": " + e, e);
        }
    }

    private static void discard(Path staging) throws AirlockException {
        try {
            FileTrees.delete(staging);
        } catch (IOException e) {
            throw new AirlockException("bundle.staging", "Cannot discard the staging folder " + staging + ": " + e, e);
        }
    }

    /** Deletes unfinished work left in staging by a crash; call once at start-up. */
    public void discardUnfinished() throws AirlockException {
        try (var entries = Files.list(home.staging())) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                discard(entry);
            }
        } catch (IOException e) {
            throw new AirlockException("bundle.staging", "Cannot clean " + home.staging() + ": " + e, e);
        }
    }
}
