package airlock.core.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.home.AirlockHome;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.EntryKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFolderAndFilesTest {
    @TempDir
    Path temp;

    private BundleFiles packFolder(Path folder, String reviewRef) throws Exception {
        CreateRequest request = new CreateRequest(Optional.empty(), Optional.of(folder), List.of(), reviewRef, "Plain Vendor",
                "plain", "1.0", 1, Optional.empty(), TestKeys.VENDOR_A.getPrivate(), temp.resolve("media"));
        return new BundleCreator(Clock.fixed(BundleVectors.CREATED, ZoneOffset.UTC)).create(request, ProgressMonitor.NONE).files();
    }

    @Test
    void aPlainFolderIsPackedAsOneCommitWithLinksInertAndGitFoldersSkipped() throws Exception {
        Path src = Files.createDirectories(temp.resolve("src"));
        Files.writeString(src.resolve("a.c"), "int a;\n");
        Files.createDirectories(src.resolve("lib/.git"));
        Files.writeString(src.resolve("lib/.git/config"), "[core]\n");
        Files.writeString(src.resolve("lib/b.h"), "#define B 1\n");
        Files.writeString(src.resolve("build.sh"), "#!/bin/sh\n");
        src.resolve("build.sh").toFile().setExecutable(true);
        Files.createSymbolicLink(src.resolve("passwd"), Path.of("/etc/passwd"));
        BundleFiles files = packFolder(src, "refs/tags/1.0");
        AirlockHome home = VectorHarness.homeWithPinnedKeys(temp.resolve("home"));
        ImportResult imported = VectorHarness.intake(home).importBundle(files, Optional.of("plain"), ProgressMonitor.NONE);
        assertTrue(imported.verification().accepted(), imported.verification().summary());
        assertEquals(1, imported.verification().flags().size());
        assertEquals(BundleFlag.Kind.SYMLINK, imported.verification().flags().get(0).kind());
        BundleStore store = new BundleStore(home);
        try (GitSource source = store.open(store.list().get(0))) {
            assertEquals(List.of("a.c", "build.sh", "lib/b.h", "passwd"),
                    source.list("refs/tags/1.0").stream().map(e -> e.path()).toList());
            assertEquals(EntryKind.SYMLINK, source.find("refs/tags/1.0", "passwd").kind());
            assertEquals("/etc/passwd", new String(source.read(source.find("refs/tags/1.0", "passwd"), 100)));
            assertEquals(EntryKind.EXECUTABLE, source.find("refs/tags/1.0", "build.sh").kind());
        }
    }

    @Test
    void aFifoInTheSourceFolderIsRefusedWithItsName() throws Exception {
        Path src = Files.createDirectories(temp.resolve("src"));
        Files.writeString(src.resolve("a.c"), "int a;\n");
        assumeTrue(mkfifo(src.resolve("pipe")), "mkfifo not available");
        AirlockException e = assertThrows(AirlockException.class, () -> packFolder(src, "main"));
        assertTrue(e.getMessage().contains("'pipe' is a special file"), e.getMessage());
    }

    @Test
    void aFifoWhereTheBundleShouldBeIsRefusedWithoutHanging() throws Exception {
        BundleVectors vectors = new BundleVectors(temp.resolve("v"));
        Path dir = temp.resolve("fifo-case");
        BundleVectors.copy(vectors.good(), dir);
        Files.delete(dir.resolve(BundleFiles.GIT_BUNDLE));
        assumeTrue(mkfifo(dir.resolve(BundleFiles.GIT_BUNDLE)), "mkfifo not available");
        AirlockHome home = VectorHarness.homeWithPinnedKeys(temp.resolve("home"));
        VerificationResult result = VectorHarness.intake(home).verify(new BundleFiles(dir), Optional.empty(), ProgressMonitor.NONE);
        assertEquals(Optional.of(Check.FILES), result.failedCheck());
        assertTrue(result.reason().contains("special file"), result.reason());
    }

    @Test
    void bundlesAreFoundOnMediaUpToTwoLevelsDown() throws Exception {
        BundleVectors vectors = new BundleVectors(temp.resolve("v"));
        Path media = temp.resolve("stick");
        BundleVectors.copy(vectors.good(), media.resolve("release/widget-2.0-2.airlock"));
        BundleVectors.copy(vectors.goodV1(), media.resolve("widget-1.airlock"));
        Files.createDirectories(media.resolve("a/b/c/deep.airlock"));
        assertEquals(2, BundleFiles.find(media).size());
        assertEquals(1, BundleFiles.find(media.resolve("widget-1.airlock")).size());
    }

    /** Test code only: src/main never starts a process. */
    private static boolean mkfifo(Path path) throws Exception {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
