package airlock.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.ImportResult;
import airlock.core.bundle.IntakeLimits;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.progress.ProgressMonitor;
import airlock.core.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo goes through the real intake: its bundle is signed by a pinned demo key and accepted. */
class DemoMediaTest {
    @TempDir
    Path dir;

    private ImportResult prepareAndImport(Path project, Instant now) throws Exception {
        DemoProject demo = new DemoProject(project);
        AirlockHome home = AirlockHome.open(demo.home());
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        BundleFiles bundle = new DemoMedia(demo, clock).prepare(home, ProgressMonitor.NONE);
        assertEquals(1, new TrustStore(home).list(TrustPurpose.VENDOR).size(), "one demo key, pinned once");
        return new BundleIntake(home, clock, IntakeLimits.defaults()).importBundle(bundle, Optional.empty(), ProgressMonitor.NONE);
    }

    @Test
    void packsTheProjectHistoryAndANewerRunIsAcceptedAgain() throws Exception {
        Path project = dir.resolve("project");
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            Files.writeString(project.resolve("README.md"), "# demo\n");
            git.add().addFilepattern("README.md").call();
            git.commit().setMessage("one").setAuthor("A", "a@example.invalid").setCommitter("A", "a@example.invalid").setSign(false).call();
        }
        ImportResult first = prepareAndImport(project, Instant.parse("2026-11-28T10:00:00Z"));
        assertTrue(first.verification().accepted(), first.verification().summary());
        assertEquals("refs/heads/main", first.verification().manifest().orElseThrow().reviewRef());
        ImportResult second = prepareAndImport(project, Instant.parse("2026-11-28T11:00:00Z"));
        assertTrue(second.verification().accepted(), second.verification().summary());
        try (var media = Files.list(new DemoProject(project).media())) {
            assertEquals(1, media.count(), "older demo bundles are replaced");
        }
    }

    @Test
    void withoutGitItPacksTheSourceFolder() throws Exception {
        Path project = dir.resolve("tarball");
        Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(project.resolve("src/main/java/A.java"), "class A {}\n");
        ImportResult result = prepareAndImport(project, Instant.parse("2026-11-28T10:00:00Z"));
        assertTrue(result.verification().accepted(), result.verification().summary());
        assertEquals(1, result.verification().treeEntries());
    }
}
