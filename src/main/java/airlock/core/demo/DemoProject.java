package airlock.core.demo;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.core.source.SourceEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The built-in demo: this project's own git history, read straight from its {@code .git} (until
 * the signed-bundle intake takes over). Its workstation home and media live under the build
 * output, never in the user's own home.
 */
public final class DemoProject {
    private static final List<String> FIRST_FILES = List.of("README.md", "README", "pom.xml");
    private final Path projectDir;
    private final Path outputDir;

    public DemoProject(Path projectDir) {
        this(projectDir, projectDir.resolve("target"));
    }

    /** @param outputDir where the demo's home and media go (tests use a temporary folder) */
    public DemoProject(Path projectDir, Path outputDir) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.outputDir = outputDir.toAbsolutePath().normalize();
    }

    /** The project folder the demo shows. */
    public Path projectDir() {
        return projectDir;
    }

    /** The demo's workstation home. */
    public Path home() {
        return outputDir.resolve("demo-home");
    }

    /** The folder that stands in for the demo's USB stick. */
    public Path media() {
        return outputDir.resolve("demo-media");
    }

    /** Opens the project's history; a missing {@code .git} is an answer, not an error. */
    public DemoOpening open() throws AirlockException {
        Path dotGit = projectDir.resolve(Constants.DOT_GIT);
        if (!Files.exists(dotGit)) {
            return DemoOpening.failed(DemoOpening.Verdict.NO_HISTORY, "The folder " + projectDir
                    + " has no .git: this copy of Airlock came without its history (for example from a tarball)."
                    + " Clone the repository to see the demo.");
        }
        IsolatedGit.install();
        Repository repository = openRepository();
        try {
            String reviewRef = reviewRef(repository);
            if (reviewRef == null) {
                repository.close();
                return DemoOpening.failed(DemoOpening.Verdict.NO_REFS, "The repository in " + projectDir
                        + " has no branch or tag yet. Commit something and start again.");
            }
            GitSource source = GitSource.ofAllRefs(repository, "demo · " + projectDir.getFileName(), reviewRef);
            return new DemoOpening(DemoOpening.Verdict.OPENED, "", source, firstFile(source, reviewRef));
        } catch (AirlockException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    private Repository openRepository() throws AirlockException {
        try {
            // setWorkTree resolves a ".git" file (linked worktree) as well as a folder; no GIT_* env is read
            return new FileRepositoryBuilder().setWorkTree(projectDir.toFile()).setMustExist(true).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new AirlockException("demo.open", "Cannot open the git history in " + projectDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static String reviewRef(Repository repository) throws AirlockException {
        try {
            String head = repository.getFullBranch();
            if (head != null && head.startsWith(Constants.R_HEADS) && repository.exactRef(head) != null) {
                return head;
            }
            List<Ref> refs = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS);
            if (refs.isEmpty()) {
                refs = repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS);
            }
            return refs.isEmpty() ? null : refs.get(0).getName();
        } catch (IOException e) {
            throw new AirlockException("demo.open", "Cannot read the refs in " + repository.getDirectory() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String firstFile(GitSource source, String ref) throws AirlockException {
        List<SourceEntry> entries = source.list(ref);
        for (String candidate : FIRST_FILES) {
            for (SourceEntry entry : entries) {
                if (entry.path().equals(candidate)) {
                    return candidate;
                }
            }
        }
        return entries.isEmpty() ? null : entries.get(0).path();
    }
}
