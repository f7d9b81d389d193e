package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.KeyId;
import airlock.core.crypto.Sha256;
import airlock.core.git.IsolatedGit;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.BundleWriter;

/**
 * The vendor side: packs refs of a repository (or a plain folder as one commit) into a v2 git
 * bundle without prerequisites, computes the review tree digest, writes and signs the manifest.
 * Annotated tags are carried as their commits, so every ref in the bundle names a commit.
 * Output goes to {@code <media>/<product>-<version>-<sequence>.airlock/}, written under a
 * temporary name, flushed to disk and renamed when complete.
 */
public final class BundleCreator {
    private final Clock clock;

    public BundleCreator(Clock clock) {
        this.clock = clock;
    }

    /** The folder written and the manifest signed. */
    public record Created(BundleFiles files, BundleManifest manifest) {
    }

    public Created create(CreateRequest request, ProgressMonitor monitor) throws AirlockException {
        IsolatedGit.install();
        if (request.sourceFolder().isPresent()) {
            ManifestCodec.checkRefName(fullReviewRef(request));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String folderName = safe(request.product()) + "-" + safe(request.version()) + "-" + request.sequence() + BundleFiles.SUFFIX;
        Path target = request.mediaFolder().resolve(folderName);
        if (Files.exists(target)) {
            throw new AirlockException("bundle.create.exists", target + " already exists; remove it or raise --sequence");
        }
        Path partial = request.mediaFolder().resolve("." + folderName + ".partial");
        Path scratch = null;
        try {
            Files.createDirectories(request.mediaFolder());
            FileTrees.delete(partial);
            Files.createDirectory(partial);
            Repository repo;
            Map<String, String> refs;
            if (request.sourceFolder().isPresent()) {
                scratch = Files.createTempDirectory(request.mediaFolder(), ".airlock-pack-");
                repo = new FileRepositoryBuilder().setGitDir(scratch.resolve("repo.git").toFile()).setBare().build();
                repo.create(true);
                ObjectId commit = SourceFolderCommit.commit(request.sourceFolder().get(), repo, request.vendor(), now,
                        request.product() + " " + request.version() + "\n", monitor);
                refs = new TreeMap<>(Map.of(fullReviewRef(request), commit.name()));
            } else {
                repo = openRepository(request.repository().get());
                refs = resolveRefs(repo, request);
            }
            try (repo) {
                String reviewRef = request.sourceFolder().isPresent() ? fullReviewRef(request) : fullName(repo, request.reviewRef());
                String digest = TreeDigest.compute(repo, ObjectId.fromString(refs.get(reviewRef)), monitor).digest();
                Path bundleFile = partial.resolve(BundleFiles.GIT_BUNDLE);
                String sha256 = writeBundle(repo, refs, bundleFile, monitor);
                PublicKey publicKey = publicKeyOf(request);
                KeyId keyId = Ed25519.keyId(publicKey);
                BundleManifest manifest = new BundleManifest(request.vendor(), request.product(), request.version(),
                        request.sequence(), now, request.expires(), Files.size(bundleFile), sha256, new TreeMap<>(refs),
                        reviewRef, digest, keyId);
                byte[] bytes = ManifestCodec.write(manifest);
                ManifestCodec.read(bytes);
                writeSynced(partial.resolve(BundleFiles.MANIFEST), bytes);
                writeSynced(partial.resolve(BundleFiles.SIGNATURE), Ed25519.sign(request.signingKey(), bytes));
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                return new Created(new BundleFiles(target), manifest);
            }
        } catch (IOException e) {
            throw new AirlockException("bundle.create.io", "Cannot write the bundle: " + e.getMessage(), e);
        } finally {
            cleanUp(partial);
            if (scratch != null) {
                cleanUp(scratch);
            }
        }
    }

    private static String fullReviewRef(CreateRequest request) {
        String ref = request.reviewRef();
        if (ref.startsWith("refs/")) {
            return ref;
        }
        return request.sourceFolder().isPresent() ? "refs/heads/" + ref : ref;
    }

    private static Repository openRepository(Path path) throws AirlockException {
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
            if (Files.exists(path.resolve(".git"))) {
                builder.setWorkTree(path.toFile());
            } else {
                builder.setGitDir(path.toFile()).setBare();
            }
            return builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new AirlockException("bundle.create.repo", path + " is not a git repository: " + e.getMessage(), e);
        }
    }

    private static String fullName(Repository repo, String name) throws AirlockException, IOException {
        Ref ref = name.startsWith("refs/") ? repo.exactRef(name)
                : Optional.ofNullable(repo.exactRef("refs/tags/" + name)).orElse(repo.exactRef("refs/heads/" + name));
        if (ref == null || ref.getObjectId() == null) {
            throw new AirlockException("bundle.create.ref", "The repository has no branch or tag '" + name + "'");
        }
        return ref.getName();
    }

    private static Map<String, String> resolveRefs(Repository repo, CreateRequest request) throws AirlockException, IOException {
        Map<String, String> refs = new TreeMap<>();
        java.util.List<String> wanted = new java.util.ArrayList<>(request.refs());
        wanted.add(request.reviewRef());
        try (RevWalk walk = new RevWalk(repo)) {
            for (String name : wanted) {
                Ref ref = repo.exactRef(fullName(repo, name));
                ManifestCodec.checkRefName(ref.getName());
                RevCommit commit = walk.parseCommit(ref.getObjectId());
                refs.put(ref.getName(), commit.name());
            }
        }
        return refs;
    }

    private static String writeBundle(Repository repo, Map<String, String> refs, Path file, ProgressMonitor monitor)
            throws IOException, CancelledException {
        BundleWriter writer = new BundleWriter(repo);
        for (Map.Entry<String, String> ref : refs.entrySet()) {
            writer.include(ref.getKey(), ObjectId.fromString(ref.getValue()));
        }
        MessageDigest digest = Sha256.newDigest();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16), digest)) {
            writer.writeBundle(new JGitProgress(monitor), out);
        } catch (JGitProgress.Cancelled e) {
            throw new CancelledException();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return Sha256.hex(digest.digest());
    }

    private static PublicKey publicKeyOf(CreateRequest request) throws AirlockException {
        return Ed25519.publicKeyOf(request.signingKey());
    }

    private static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
    }

    private static String safe(String text) {
        String s = text.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static void cleanUp(Path path) throws AirlockException {
        try {
            FileTrees.delete(path);
        } catch (IOException e) {
            throw new AirlockException("bundle.create.io", "Cannot remove the temporary folder " + path + ": " + e.getMessage(), e);
        }
    }
}
