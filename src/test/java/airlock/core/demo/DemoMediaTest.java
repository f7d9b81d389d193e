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

    private static Path history(Path project, int commits) throws Exception {
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            for (int i = 1; i <= commits; i++) {
                Files.writeString(project.resolve("README.md"), "# demo " + i + "\n");
                git.add().addFilepattern("README.md").call();
                org.eclipse.jgit.lib.PersonIdent who = new org.eclipse.jgit.lib.PersonIdent("A", "a@example.invalid",
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i), ZoneOffset.UTC);
                git.commit().setMessage("commit " + i).setAuthor(who).setCommitter(who).setSign(false).call();
            }
        }
        return project;
    }

    private static java.util.List<String> log(Path project) throws Exception {
        try (Git git = Git.open(project.toFile())) {
            java.util.List<String> out = new java.util.ArrayList<>();
            git.log().call().forEach(c -> out.add(c.name()));
            return out; // newest first
        }
    }

    @Test
    void packsTheBranchAndAnEarlierVersionSoVersionsCanBeCompared() throws Exception {
        Path project = history(dir.resolve("long"), 12);
        ImportResult result = prepareAndImport(project, Instant.parse("2026-11-28T10:00:00Z"));
        assertTrue(result.verification().accepted(), result.verification().summary());
        java.util.Map<String, String> refs = result.verification().manifest().orElseThrow().refs();
        java.util.List<String> commits = log(project);
        String earlier = commits.get(DemoVersions.STEPS_BACK);
        assertEquals(java.util.Map.of("refs/heads/main", commits.get(0),
                "refs/tags/earlier-" + earlier.substring(0, 7), earlier), refs);
        try (var files = Files.list(project.resolve(".git").resolve("refs").resolve("tags"))) {
            assertEquals(0, files.count(), "the project's own repository is not written to");
        }
        assertTrue(Files.notExists(new DemoProject(project).home().resolve("demo-pack")), "scratch removed");
    }

    @Test
    void aTagIsTheEarlierVersionWhenThereIsOne() throws Exception {
        Path project = history(dir.resolve("tagged"), 4);
        String second = log(project).get(2);
        try (Git git = Git.open(project.toFile())) {
            git.tag().setName("v0.9").setObjectId(git.getRepository().parseCommit(
                    org.eclipse.jgit.lib.ObjectId.fromString(second))).setAnnotated(false).call();
        }
        ImportResult result = prepareAndImport(project, Instant.parse("2026-11-28T10:00:00Z"));
        assertTrue(result.verification().accepted(), result.verification().summary());
        assertEquals(second, result.verification().manifest().orElseThrow().refs().get("refs/tags/v0.9"));
        assertEquals(2, result.verification().manifest().orElseThrow().refs().size());
    }

    @Test
    void aShallowCloneGivesWhatItHas() throws Exception {
        Path origin = history(dir.resolve("origin"), 6);
        Path shallow = dir.resolve("shallow");
        try (Git clone = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(shallow.toFile())
                .setDepth(1).call()) {
            assertEquals(1, log(shallow).size());
        }
        ImportResult one = prepareAndImport(shallow, Instant.parse("2026-11-28T10:00:00Z"));
        assertTrue(one.verification().accepted(), one.verification().summary());
        assertEquals(1, one.verification().manifest().orElseThrow().refs().size(), "one commit: one version");
        Path deeper = dir.resolve("shallow3");
        try (Git clone = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(deeper.toFile())
                .setDepth(3).call()) {
            assertEquals(3, log(deeper).size());
        }
        ImportResult two = prepareAndImport(deeper, Instant.parse("2026-11-28T10:00:00Z"));
        assertTrue(two.verification().accepted(), two.verification().summary());
        java.util.Map<String, String> refs = two.verification().manifest().orElseThrow().refs();
        assertEquals(2, refs.size(), "the oldest commit the clone has is the earlier version: " + refs);
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
