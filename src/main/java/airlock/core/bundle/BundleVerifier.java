package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.bundle.VerificationResult.Verdict;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.Sha256;
import airlock.core.git.IsolatedGit;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.trust.TrustedKey;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Runs the checks of {@link Check} in order on one bundle folder and stops at the first that
 * fails. Nothing large is parsed before the signature is verified; the git bundle is copied into
 * staging while its hash is computed, so the bytes parsed are the bytes hashed even if the medium
 * changes underneath. Never starts a process; JGit runs isolated from the environment.
 */
public final class BundleVerifier {
    private final List<TrustedKey> vendorKeys;
    private final AcceptedBundles accepted;
    private final Clock clock;
    private final IntakeLimits limits;

    public BundleVerifier(List<TrustedKey> vendorKeys, AcceptedBundles accepted, Clock clock, IntakeLimits limits) {
        this.vendorKeys = List.copyOf(vendorKeys);
        this.accepted = accepted;
        this.clock = clock;
        this.limits = limits;
    }

    /** What the checks learnt so far, so a refusal can still say whose bundle it was. */
    private static final class State {
        BundleManifest manifest;
        TrustedKey signer;
        String manifestSha256;
        List<BundleFlag> flags = List.of();
        long objects;
        long treeEntries;
    }

    /**
     * Verifies {@code files}; {@code staging} is a fresh folder this call may fill. On acceptance it
     * holds {@code repo.git}, a bare repository with the manifest's refs and every object checked.
     */
    public VerificationResult verify(BundleFiles files, Optional<String> expectedProduct, Path staging, ProgressMonitor monitor)
            throws CancelledException, AirlockException {
        State state = new State();
        try {
            run(files, expectedProduct, staging, monitor, state);
            return result(state, Verdict.ACCEPTED, null, "all checks passed");
        } catch (CancelledException e) {
            throw e;
        } catch (AirlockException e) {
            Check check = checkOf(e.code());
            if (check == null) {
                throw e;
            }
            return result(state, Verdict.REFUSED, check, e.getMessage());
        }
    }

    private static Check checkOf(String code) {
        for (Check check : Check.values()) {
            if (check.code().equals(code)) {
                return check;
            }
        }
        return null;
    }

    private static VerificationResult result(State s, Verdict verdict, Check check, String reason) {
        return new VerificationResult(verdict, Optional.ofNullable(check), reason, Optional.ofNullable(s.manifest),
                Optional.ofNullable(s.signer), Optional.ofNullable(s.manifestSha256), s.flags, s.objects, s.treeEntries);
    }

    private void run(BundleFiles files, Optional<String> expectedProduct, Path staging, ProgressMonitor monitor, State s)
            throws AirlockException {
        IsolatedGit.install();
        StagedCopy.warmUp();
        checkFile(files.manifest(), limits.maxManifestBytes());
        checkFile(files.signature(), limits.maxSignatureBytes());
        long bundleSize = checkFile(files.gitBundle(), limits.maxBundleBytes());
        byte[] manifestBytes = readSmall(files.manifest(), limits.maxManifestBytes());
        byte[] signature = readSmall(files.signature(), limits.maxSignatureBytes());
        s.manifestSha256 = Sha256.hex(Sha256.digest(manifestBytes));
        s.signer = checkSignature(manifestBytes, signature);
        s.manifest = ManifestCodec.read(manifestBytes);
        checkSigner(s.manifest, s.signer);
        checkFreshness(s.manifest, expectedProduct);
        monitor.checkCancelled();
        Path stagedBundle = staging.resolve("repo.bundle");
        copyAndHash(files.gitBundle(), bundleSize, stagedBundle, s.manifest, monitor);
        Repository repo = createStore(staging.resolve("repo.git"));
        BlobDigests blobs = new BlobDigests();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(stagedBundle), 1 << 16)) {
            GitBundleHeader header = GitBundleHeader.read(in, limits.maxHeaderBytes());
            checkHeaderRefs(header, s.manifest);
            s.objects = new ObjectFetch(limits).fetch(in, repo, s.manifest.refs(), blobs, monitor);
        } catch (IOException e) {
            throw new AirlockException(Check.OBJECTS.code(), "the staged bundle cannot be read: " + e.getMessage(), e);
        } finally {
            repo.close();
        }
        deleteQuietly(stagedBundle);
        checkTreeDigest(staging.resolve("repo.git"), s, blobs, monitor);
        checkRollback(s.manifest, s.manifestSha256);
    }

    private static long checkFile(Path file, long cap) throws AirlockException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new AirlockException(Check.FILES.code(), file.getFileName() + " is missing from the bundle folder", e);
        } catch (IOException e) {
            throw new AirlockException(Check.FILES.code(), "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!attributes.isRegularFile()) {
            String kind = attributes.isDirectory() ? "a directory" : attributes.isSymbolicLink() ? "a symbolic link" : "a special file";
            throw new AirlockException(Check.FILES.code(), file.getFileName() + " is " + kind + ", not a regular file");
        }
        if (attributes.size() > cap) {
            throw new AirlockException(Check.FILES.code(), file.getFileName() + " is " + attributes.size()
                    + " bytes, over the cap of " + cap);
        }
        return attributes.size();
    }

    private static byte[] readSmall(Path file, long cap) throws AirlockException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) cap + 1);
            if (bytes.length > cap) {
                throw new AirlockException(Check.FILES.code(), file.getFileName() + " grew beyond its cap while being read");
            }
            return bytes;
        } catch (IOException e) {
            throw new AirlockException(Check.FILES.code(), "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private TrustedKey checkSignature(byte[] manifest, byte[] signature) throws AirlockException {
        if (vendorKeys.isEmpty()) {
            throw new AirlockException(Check.SIGNATURE.code(), "no vendor key is pinned on this workstation "
                    + "(add the vendor's public key with 'airlock trust add vendor FILE')");
        }
        if (signature.length != Ed25519.SIGNATURE_LENGTH) {
            throw new AirlockException(Check.SIGNATURE.code(), "the signature is " + signature.length
                    + " bytes long; an Ed25519 signature is exactly 64");
        }
        for (TrustedKey key : vendorKeys) {
            if (Ed25519.verify(key.key(), manifest, signature).isValid()) {
                return key;
            }
        }
        throw new AirlockException(Check.SIGNATURE.code(), "the manifest is not signed by any pinned vendor key ("
                + vendorKeys.size() + " tried); it was altered, or signed by a key this workstation does not trust");
    }

    private void checkSigner(BundleManifest manifest, TrustedKey signer) throws AirlockException {
        if (!manifest.keyId().equals(signer.id())) {
            throw new AirlockException(Check.SIGNATURE.code(), "the manifest names key " + manifest.keyId()
                    + " but was signed by pinned key " + signer.id());
        }
        Optional<String> vendorKey = accepted.keyOfVendor(manifest.vendor());
        if (vendorKey.isPresent() && !vendorKey.get().equals(signer.id().hex())) {
            throw new AirlockException(Check.SIGNATURE.code(), "bundles of vendor '" + manifest.vendor()
                    + "' were accepted here under key " + vendorKey.get() + ", this one is signed by key " + signer.id());
        }
        Optional<AcceptedBundles.Accepted> product = accepted.forProduct(manifest.product());
        if (product.isPresent() && !product.get().vendor().equals(manifest.vendor())) {
            throw new AirlockException(Check.SIGNATURE.code(), "product '" + manifest.product()
                    + "' was accepted here from vendor '" + product.get().vendor() + "', not '" + manifest.vendor() + "'");
        }
    }

    private void checkFreshness(BundleManifest manifest, Optional<String> expectedProduct) throws AirlockException {
        Instant now = clock.instant();
        if (manifest.created().isAfter(now.plus(limits.clockSkew()))) {
            throw new AirlockException(Check.FRESHNESS.code(), "the manifest was created " + manifest.created()
                    + ", in the future (workstation time " + ManifestCodec.time(now) + ")");
        }
        if (manifest.expires().isPresent() && !now.isBefore(manifest.expires().get())) {
            throw new AirlockException(Check.FRESHNESS.code(), "the manifest expired " + manifest.expires().get());
        }
        if (expectedProduct.isPresent() && !expectedProduct.get().equals(manifest.product())) {
            throw new AirlockException(Check.FRESHNESS.code(), "the bundle is for product '" + manifest.product()
                    + "', not the expected '" + expectedProduct.get() + "'");
        }
    }

    private void copyAndHash(Path source, long size, Path target, BundleManifest manifest, ProgressMonitor monitor)
            throws AirlockException {
        if (size != manifest.bundleSize()) {
            throw new AirlockException(Check.BUNDLE_HASH.code(), "repo.bundle is " + size + " bytes, the manifest says "
                    + manifest.bundleSize());
        }
        StagedCopy.Result copy;
        monitor.beginTask("Checking the bundle hash", size);
        try {
            copy = StagedCopy.copy(source, target, size, monitor);
        } catch (IOException e) {
            throw new AirlockException(Check.BUNDLE_HASH.code(), "cannot copy repo.bundle into staging: " + e.getMessage(), e);
        } finally {
            monitor.endTask();
        }
        if (copy.copied() != size || copy.sizeAfter() != size) {
            throw new AirlockException(Check.BUNDLE_HASH.code(), "repo.bundle changed size while being read ("
                    + size + " bytes before, " + copy.sizeAfter() + " after, " + copy.copied() + " copied)");
        }
        String actual = Sha256.hex(copy.sha256());
        if (!actual.equals(manifest.bundleSha256())) {
            throw new AirlockException(Check.BUNDLE_HASH.code(), "repo.bundle has SHA-256 " + actual
                    + ", the manifest says " + manifest.bundleSha256() + " (altered, truncated or another release's bundle)");
        }
    }

    private static Repository createStore(Path dir) throws AirlockException {
        try {
            Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            repo.create(true);
            return repo;
        } catch (IOException e) {
            throw new AirlockException("bundle.staging", "Cannot create a staging store at " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void checkHeaderRefs(GitBundleHeader header, BundleManifest manifest) throws AirlockException {
        Set<String> seen = new HashSet<>();
        TreeMap<String, String> headerRefs = new TreeMap<>();
        for (GitBundleHeader.Ref ref : header.refs()) {
            if (!seen.add(ref.name())) {
                throw new AirlockException(Check.BUNDLE_HEADER.code(), "the git bundle lists ref " + ref.name() + " twice");
            }
            headerRefs.put(ref.name(), ref.objectId());
        }
        List<String> problems = new ArrayList<>();
        for (var e : headerRefs.entrySet()) {
            String signed = manifest.refs().get(e.getKey());
            if (signed == null) {
                problems.add("extra ref " + e.getKey());
            } else if (!signed.equals(e.getValue())) {
                problems.add("ref " + e.getKey() + " is " + e.getValue() + ", the manifest says " + signed);
            }
        }
        for (String ref : manifest.refs().keySet()) {
            if (!headerRefs.containsKey(ref)) {
                problems.add("missing ref " + ref);
            }
        }
        if (!problems.isEmpty()) {
            throw new AirlockException(Check.BUNDLE_HEADER.code(), "the git bundle's refs differ from the manifest: "
                    + String.join("; ", problems));
        }
    }

    private static void checkTreeDigest(Path repoDir, State s, BlobDigests blobs, ProgressMonitor monitor) throws AirlockException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(repoDir.toFile()).setBare().setMustExist(true).build()) {
            TreeDigest.Result result = TreeDigest.compute(repo, ObjectId.fromString(s.manifest.reviewCommit()), blobs, monitor);
            s.flags = result.flags();
            s.treeEntries = result.entries();
            if (!result.digest().equals(s.manifest.treeDigest())) {
                throw new AirlockException(Check.TREE_DIGEST.code(), "the tree of " + s.manifest.reviewRef()
                        + " has SHA-256 digest " + result.digest() + ", the manifest says " + s.manifest.treeDigest());
            }
        } catch (IOException e) {
            throw new AirlockException(Check.TREE_DIGEST.code(), "the tree of " + s.manifest.reviewRef()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void checkRollback(BundleManifest manifest, String manifestSha256) throws AirlockException {
        Optional<AcceptedBundles.Accepted> previous = accepted.forProduct(manifest.product());
        if (previous.isEmpty()) {
            return;
        }
        AcceptedBundles.Accepted last = previous.get();
        if (manifest.sequence() < last.sequence()) {
            throw new AirlockException(Check.ROLLBACK.code(), "rollback: sequence " + manifest.sequence() + " of '"
                    + manifest.product() + "' is older than sequence " + last.sequence() + " already accepted here");
        }
        if (manifest.sequence() == last.sequence() && !manifestSha256.equals(last.manifestSha256())) {
            throw new AirlockException(Check.ROLLBACK.code(), "conflicting: sequence " + manifest.sequence() + " of '"
                    + manifest.product() + "' was already accepted here with different content (manifest "
                    + last.manifestSha256() + ")");
        }
    }

    private static void deleteQuietly(Path file) throws AirlockException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new AirlockException("bundle.staging", "Cannot remove " + file + " from staging: " + e.getMessage(), e);
        }
    }
}
