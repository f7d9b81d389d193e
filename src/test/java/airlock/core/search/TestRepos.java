package airlock.core.search;

import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** Builds small git repositories for search tests. */
final class TestRepos {
    private final Git git;
    private final Path dir;

    private TestRepos(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    static TestRepos init(Path dir) throws Exception {
        IsolatedGit.install();
        return new TestRepos(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    /** Writes {@code files} (path → content) into the work tree. */
    TestRepos write(Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        return this;
    }

    /** Copies a folder into the work tree. */
    TestRepos copy(Path from) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    Path to = dir.resolve(from.relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
        }
        return this;
    }

    TestRepos delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    /** Commits everything and tags the commit. */
    TestRepos commit(String tag) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Test", "test@example.org", 0L, 0);
        git.commit().setMessage(tag).setAuthor(who).setCommitter(who).setSign(false).call();
        git.tag().setName(tag).setAnnotated(false).call();
        return this;
    }

    GitSource source() throws Exception {
        return GitSource.ofAllRefs(git.getRepository(), "test", "refs/heads/main");
    }

    static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
