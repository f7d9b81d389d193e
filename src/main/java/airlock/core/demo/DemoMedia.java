package airlock.core.demo;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleCreator;
import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.CreateRequest;
import airlock.core.crypto.Ed25519;
import airlock.core.git.IsolatedGit;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.progress.ProgressMonitor;
import airlock.core.trust.TrustStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Makes the demo go through the real intake: a demo vendor key (created once, pinned in the demo
 * home's vendor trust list) signs a bundle of this project's own history — or, without
 * {@code .git}, of its source folder — written to the demo media folder, replacing older demo
 * bundles there. With history, the bundle carries two refs, the current branch and an earlier
 * version (see {@link DemoVersions}), so switching versions and diffs can be shown. The sequence is the creation time in seconds, so each new demo bundle is newer.
 */
public final class DemoMedia {
    private final DemoProject project;
    private final Clock clock;

    public DemoMedia(DemoProject project, Clock clock) {
        this.project = project;
        this.clock = clock;
    }

    /** Prepares key, trust and a fresh bundle; returns the bundle written. */
    public BundleFiles prepare(AirlockHome home, ProgressMonitor monitor) throws AirlockException {
        PrivateKey key = demoKey(home);
        Path media = project.media();
        try {
            Files.createDirectories(media);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(media, "*" + BundleFiles.SUFFIX)) {
                for (Path folder : old) {
                    for (String name : List.of(BundleFiles.MANIFEST, BundleFiles.SIGNATURE, BundleFiles.GIT_BUNDLE)) {
                        Files.deleteIfExists(folder.resolve(name));
                    }
                    Files.deleteIfExists(folder);
                }
            }
        } catch (IOException e) {
            throw new AirlockException("demo.media", "Cannot prepare the demo media folder " + media + ": " + e.getMessage(), e);
        }
        Path dir = project.projectDir();
        long sequence = clock.instant().getEpochSecond();
        if (!Files.exists(dir.resolve(Constants.DOT_GIT))) {
            CreateRequest request = new CreateRequest(Optional.empty(), Optional.of(dir.resolve("src")), List.of(),
                    "refs/heads/main", "Airlock demo vendor", "airlock", "demo", sequence, Optional.empty(), key, media);
            return new BundleCreator(clock).create(request, monitor).files();
        }
        String branch = currentBranch(dir);
        Path scratch = project.home().resolve("demo-pack");
        Optional<DemoVersions.Packed> packed = DemoVersions.withEarlier(dir, branch, scratch);
        try {
            CreateRequest request = new CreateRequest(Optional.of(packed.map(DemoVersions.Packed::repository).orElse(dir)),
                    Optional.empty(), packed.flatMap(DemoVersions.Packed::earlierRef).map(List::of).orElse(List.of()), branch,
                    "Airlock demo vendor", "airlock", "demo", sequence, Optional.empty(), key, media);
            return new BundleCreator(clock).create(request, monitor).files();
        } finally {
            DemoVersions.discard(scratch);
        }
    }

    private static String currentBranch(Path dir) throws AirlockException {
        IsolatedGit.install();
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(dir.toFile()).setMustExist(true).build()) {
            String full = repo.getFullBranch();
            if (full == null || !full.startsWith(Constants.R_HEADS)) {
                throw new AirlockException("demo.open", "The project in " + dir + " is not on a branch; check one out");
            }
            return full;
        } catch (IOException e) {
            throw new AirlockException("demo.open", "Cannot read the git history in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey demoKey(AirlockHome home) throws AirlockException {
        Path keyFile = home.keys().resolve("demo-vendor.key");
        try {
            if (!Files.exists(keyFile)) {
                KeyPair pair = Ed25519.generate();
                Files.writeString(keyFile, Ed25519.privatePem(pair.getPrivate(), null), StandardCharsets.US_ASCII);
                new TrustStore(home).add(TrustPurpose.VENDOR, pair.getPublic(), "Airlock demo vendor");
                return pair.getPrivate();
            }
        } catch (IOException e) {
            throw new AirlockException("demo.media", "Cannot create the demo vendor key in " + home.keys() + ": " + e.getMessage(), e);
        }
        PrivateKey key = Ed25519.readPrivatePem(keyFile, null);
        new TrustStore(home).add(TrustPurpose.VENDOR, Ed25519.publicKeyOf(key), "Airlock demo vendor");
        return key;
    }
}
