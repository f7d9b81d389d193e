package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle verbs end to end: create from a repository with tags, verify (0), tamper (1), import twice. */
class BundleCommandTest {
    @TempDir
    Path dir;

    private Path repoWithTags() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("a.txt"), "one\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setAuthor("V", "v@example.invalid").setCommitter("V", "v@example.invalid").setSign(false).call();
            git.tag().setName("v1").setAnnotated(false).call();
            Files.writeString(repo.resolve("a.txt"), "two\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("two").setAuthor("V", "v@example.invalid").setCommitter("V", "v@example.invalid").setSign(false).call();
            git.tag().setName("v2").setAnnotated(false).call();
        }
        return repo;
    }

    @Test
    void createVerifyTamperImport() throws Exception {
        Path repo = repoWithTags();
        String home = dir.resolve("home").toString();
        assertEquals(0, Cli.run("keygen", "--out", dir.resolve("vendor").toString()).exit());
        assertEquals(0, Cli.run("trust", "add", "vendor", dir.resolve("vendor.pub").toString(), "--home", home).exit());
        Cli create = Cli.run("bundle", "create", "--repo", repo.toString(), "--ref", "v1", "--ref", "main", "--review-ref", "v2",
                "--vendor", "Acme", "--product", "thing", "--version", "2", "--sequence", "2",
                "--key", dir.resolve("vendor.key").toString(), "--out", dir.resolve("media").toString());
        assertEquals(0, create.exit(), create.err());
        assertTrue(create.err().contains("Writing objects"), "progress goes to stderr: " + create.err());
        Path bundle = dir.resolve("media/thing-2-2.airlock");
        Cli verify = Cli.run("bundle", "verify", bundle.toString(), "--home", home);
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().contains("verdict:   accepted"), verify.out());
        assertTrue(verify.out().contains("refs/tags/v2  (under review)"), verify.out());
        assertTrue(verify.out().contains("vendor:    Acme"), verify.out());

        Cli otherTrust = Cli.run("bundle", "verify", bundle.toString(), "--home", home, "--trust", dir.resolve("media").toString());
        assertEquals(1, otherTrust.exit());
        assertTrue(otherTrust.out().contains("refused [bundle.signature]: no vendor key is pinned"), otherTrust.out());

        byte[] sig = Files.readAllBytes(bundle.resolve("manifest.sig"));
        sig[5] ^= 1;
        Files.write(bundle.resolve("manifest.sig"), sig);
        Cli refused = Cli.run("bundle", "verify", bundle.toString(), "--home", home);
        assertEquals(1, refused.exit());
        assertTrue(refused.out().contains("verdict:   refused [bundle.signature]"), refused.out());
        sig[5] ^= 1;
        Files.write(bundle.resolve("manifest.sig"), sig);

        Cli first = Cli.run("bundle", "import", bundle.toString(), "--home", home);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("imported:  " + dir.resolve("home/store")), first.out());
        Cli second = Cli.run("bundle", "import", bundle.toString(), "--home", home);
        assertEquals(0, second.exit());
        assertTrue(second.out().contains("imported:  already"), second.out());
    }

    @Test
    void fromDirAndUsageErrors() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("x.c"), "int x;\n");
        assertEquals(0, Cli.run("keygen", "--out", dir.resolve("v").toString()).exit());
        Cli create = Cli.run("bundle", "create", "--from-dir", src.toString(), "--review-ref", "main", "--vendor", "Acme",
                "--product", "plain", "--version", "1", "--sequence", "1", "--key", dir.resolve("v.key").toString(),
                "--out", dir.resolve("media").toString());
        assertEquals(0, create.exit(), create.err());
        assertTrue(create.out().contains("refs/heads/main"), create.out());
        Cli both = Cli.run("bundle", "create", "--from-dir", src.toString(), "--repo", src.toString(), "--review-ref", "main",
                "--vendor", "A", "--product", "p", "--version", "1", "--sequence", "1", "--key", "k", "--out", "o");
        assertEquals(2, both.exit());
        Cli missing = Cli.run("bundle", "verify", dir.resolve("nothing").toString(), "--home", dir.resolve("h").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.out().contains("[bundle.files]"), missing.out());
        Cli notRepo = Cli.run("bundle", "create", "--repo", src.toString(), "--review-ref", "main", "--vendor", "A",
                "--product", "p", "--version", "1", "--sequence", "1", "--key", dir.resolve("v.key").toString(), "--out",
                dir.resolve("m2").toString());
        assertEquals(3, notRepo.exit());
        assertTrue(notRepo.err().contains("[bundle.create.repo]"), notRepo.err());
    }
}
