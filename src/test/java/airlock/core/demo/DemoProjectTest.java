package airlock.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.git.IsolatedGit;
import airlock.testutil.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoProjectTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void isolate() {
        IsolatedGit.install();
    }

    @Test
    void opensTheProjectHistoryOnItsCurrentBranchWithTheReadmeFirst() throws Exception {
        Path project = TestRepository.create(dir.resolve("project"));
        DemoOpening opening = new DemoProject(project).open();
        try {
            assertTrue(opening.opened(), opening.reason());
            assertEquals("refs/heads/main", opening.source().reviewRef());
            assertEquals("README.md", opening.firstFile());
            assertTrue(opening.source().refs().contains("refs/tags/v1.0"));
        } finally {
            opening.source().close();
        }
    }

    @Test
    void aFolderWithoutGitIsAClearAnswerNotAnError() throws Exception {
        Path project = Files.createDirectories(dir.resolve("tarball-copy"));
        DemoOpening opening = new DemoProject(project).open();
        assertEquals(DemoOpening.Verdict.NO_HISTORY, opening.verdict());
        assertTrue(opening.reason().contains("no .git"), opening.reason());
        assertNull(opening.source());
    }

    @Test
    void aRepositoryWithoutCommitsSaysSo() throws Exception {
        Path project = dir.resolve("empty");
        Git.init().setDirectory(project.toFile()).call().close();
        DemoOpening opening = new DemoProject(project).open();
        assertEquals(DemoOpening.Verdict.NO_REFS, opening.verdict());
    }

    @Test
    void aBrokenGitFileIsAnAirlockException() throws Exception {
        Path project = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(project.resolve(".git"), "gitdir: /nonexistent/worktree\n");
        AirlockException e = assertThrows(AirlockException.class, () -> new DemoProject(project).open());
        assertEquals("demo.open", e.code());
    }

    @Test
    void homeAndMediaAreUnderTheBuildOutput() {
        DemoProject demo = new DemoProject(dir);
        assertEquals(dir.resolve("target/demo-home"), demo.home());
        assertEquals(dir.resolve("target/demo-media"), demo.media());
    }
}
