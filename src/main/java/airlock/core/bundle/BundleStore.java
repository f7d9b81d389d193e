package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.core.home.AirlockHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The imported bundles in {@code store/<manifest SHA-256>/}, read through {@link GitSource}:
 * trees are walked and blobs read from the object store, nothing is checked out.
 */
public final class BundleStore {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private final AirlockHome home;

    /** One imported bundle. */
    public record Imported(String id, BundleManifest manifest, Path folder) {
        public String label() {
            return manifest.vendor() + " / " + manifest.product() + " " + manifest.version();
        }
    }

    public BundleStore(AirlockHome home) {
        this.home = home;
    }

    /** The workstation home holding this store (derived data of a bundle, such as its quote index, lives there too). */
    public AirlockHome home() {
        return home;
    }

    /**
     * Where the listings of imported bundles' commits are kept ({@link airlock.core.git.ListingFile}): the
     * store itself is read-only after import, so beside the other derived data in the home's databases.
     */
    public Path listings() {
        return home.databases().resolve("listing");
    }

    /**
     * Makes sure the listing of the bundle's review ref is kept: when its file is missing, the tree is
     * walked and the listing written ({@link GitSource#list}); a file that is there is not read here (one
     * that fails a check is refused and rewritten when it is first read, as always). Intake calls this
     * after every import, so the file tree's first opening reads the listing. Returns how the listing was
     * had: {@code kept} (a file was there), else {@link GitSource#listingNote}.
     */
    public String keepListing(Imported bundle) throws AirlockException {
        String commit = bundle.manifest().refs().get(bundle.manifest().reviewRef());
        if (commit != null && Files.isRegularFile(airlock.core.git.ListingFile.fileFor(listings(), commit))) {
            return "kept";
        }
        try (GitSource source = open(bundle)) {
            source.list(source.reviewRef());
            return source.listingNote(source.reviewRef());
        }
    }

    public List<Imported> list() throws AirlockException {
        List<Imported> imported = new ArrayList<>();
        try (Stream<Path> entries = Files.list(home.store())) {
            for (Path folder : entries.sorted().toList()) {
                String id = folder.getFileName().toString();
                if (ID.matcher(id).matches() && Files.isDirectory(folder)) {
                    imported.add(load(id, folder));
                }
            }
        } catch (IOException e) {
            throw new AirlockException("store.read", "Cannot list the store " + home.store() + ": " + e.getMessage(), e);
        }
        return imported;
    }

    public Imported get(String id) throws AirlockException {
        Path folder = home.store().resolve(id);
        if (!ID.matcher(id).matches() || !Files.isDirectory(folder)) {
            throw new AirlockException("store.missing", "No imported bundle " + id + " in " + home.store());
        }
        return load(id, folder);
    }

    /** Opens the imported bundle as a read-only source at its manifest's refs. */
    public GitSource open(Imported bundle) throws AirlockException {
        IsolatedGit.install();
        try {
            Repository repo = new FileRepositoryBuilder().setGitDir(bundle.folder().resolve("repo.git").toFile())
                    .setBare().setMustExist(true).build();
            return new GitSource(repo, bundle.label(), bundle.manifest().refs(), bundle.manifest().reviewRef(),
                    listings());
        } catch (IOException e) {
            throw new AirlockException("store.read", "Cannot open the imported bundle " + bundle.id() + ": " + e.getMessage(), e);
        }
    }

    private static Imported load(String id, Path folder) throws AirlockException {
        try {
            return new Imported(id, ManifestCodec.read(Files.readAllBytes(folder.resolve(BundleFiles.MANIFEST))), folder);
        } catch (IOException e) {
            throw new AirlockException("store.read", "Cannot read the manifest of imported bundle " + id + ": " + e.getMessage(), e);
        }
    }
}
