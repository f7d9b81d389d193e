package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.IntakeLimits;
import airlock.core.crypto.Sha256;
import java.io.InputStream;
import java.nio.file.LinkOption;
import airlock.core.search.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.core.home.AirlockHome;
import airlock.core.source.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Maps the {@code --bundle ID|PATH} argument to a source and the folder of its search index: a git
 * repository folder (work tree or bare), a bundle folder (on a stick) already imported, or else the
 * id of a bundle imported into the home's store
 * (its index is the one the workstation window builds, keyed by the bundle's refs and commits).
 */
final class SourceResolver {
    /** An opened source and where its search index lives. */
    record Opened(SourceTree source, Path indexDir) implements AutoCloseable {
        @Override
        public void close() {
            source.close();
        }
    }

    private SourceResolver() {
    }

    /**
     * Whether {@code bundle} names code in the home's store (an imported bundle's id, or a bundle
     * folder on a stick, read from the store) rather than a git repository folder the caller can
     * already read: store reads are the keeper account's, recorded in the ledger ({@link StoreReadGate}).
     */
    static boolean readsStore(String bundle) {
        Path path = Path.of(bundle).toAbsolutePath().normalize();
        return !Files.isDirectory(path) || BundleFiles.looksLikeBundle(path);
    }

    static Opened open(AirlockHome home, String bundle) throws AirlockException {
        Path path = Path.of(bundle).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            return openImported(home, bundle);
        }
        if (BundleFiles.looksLikeBundle(path)) {
            return openImported(home, importedIdOf(home, path, bundle));
        }
        IsolatedGit.install();
        Repository repo;
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
            if (Files.isDirectory(path.resolve(".git"))) {
                builder.setGitDir(path.resolve(".git").toFile());
            } else {
                builder.setGitDir(path.toFile());
            }
            repo = builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new AirlockException("source.not.found", "'" + bundle + "' is not a git repository ("
                    + e.getMessage() + ").", e);
        }
        try {
            String review = reviewRef(repo);
            GitSource source = GitSource.ofAllRefs(repo, path.getFileName().toString(), review);
            return new Opened(source, home.databases().resolve("search").resolve("repo-" + key(path)));
        } catch (AirlockException | RuntimeException e) {
            repo.close();
            throw e;
        }
    }

    /**
     * The store id of the bundle folder {@code folder} (on a stick): the SHA-256 of its manifest, as
     * import names it. Only a bundle verified and imported before is opened, from the store; the code
     * on the stick itself is never read, so a folder not imported yet is refused.
     */
    static String importedIdOf(AirlockHome home, Path folder, String given) throws AirlockException {
        Path manifest = folder.resolve(BundleFiles.MANIFEST);
        long limit = IntakeLimits.defaults().maxManifestBytes();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(manifest, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new AirlockException("source.read", "Cannot read the manifest of the bundle folder '"
                    + TerminalText.escape(given) + "': " + e.getMessage(), e);
        }
        String id = bytes.length > limit ? null : Sha256.hex(Sha256.digest(bytes));
        if (id == null || !Files.isDirectory(home.store().resolve(id))) {
            throw new AirlockException("source.bundle.not-imported", "The bundle folder '" + TerminalText.escape(given)
                    + "' is not imported on this workstation, and code is read only from verified, imported bundles."
                    + " Import it first with 'airlock bundle import', then search it by this folder or by its id.");
        }
        return id;
    }

    /** An imported bundle by its store id; its index lives where the workstation window keeps it. */
    private static Opened openImported(AirlockHome home, String id) throws AirlockException {
        BundleStore store = new BundleStore(home);
        List<String> ids = new ArrayList<>();
        for (BundleStore.Imported imported : store.list()) {
            if (imported.id().equals(id)) {
                GitSource source = store.open(imported);
                try {
                    return new Opened(source, home.databases().resolve("search").resolve(SearchIndex.keyOf(source)));
                } catch (AirlockException | RuntimeException e) {
                    source.close();
                    throw e;
                }
            }
            ids.add(imported.id() + " (" + TerminalText.escape(imported.label()) + ")");
        }
        throw new AirlockException("source.not.found", "No git repository folder or imported bundle '" + id + "'. "
                + (ids.isEmpty() ? "This workstation home has no imported bundle; import one with 'airlock bundle import'."
                : "Imported bundles: " + String.join(", ", ids) + "."));
    }

    /** The branch HEAD names, else the first branch or tag. */
    private static String reviewRef(Repository repo) throws AirlockException {
        try {
            Ref head = repo.exactRef(Constants.HEAD);
            if (head != null && head.isSymbolic() && head.getTarget().getObjectId() != null) {
                return head.getTarget().getName();
            }
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                if (ref.getName().startsWith(Constants.R_HEADS) || ref.getName().startsWith(Constants.R_TAGS)) {
                    return ref.getName();
                }
            }
        } catch (IOException e) {
            throw new AirlockException("source.read", "Cannot read the refs: " + e.getMessage(), e);
        }
        throw new AirlockException("source.ref.missing", "The repository has no branch or tag to search.");
    }

    private static String key(Path path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
