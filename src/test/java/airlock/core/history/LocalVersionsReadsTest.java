package airlock.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.progress.ProgressMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LocalVersions} hands each read to {@link VersionReads} before it returns it (issue 16): the
 * keeper's entries for the same read, in order; a refusing gate means nothing is returned.
 */
class LocalVersionsReadsTest {
    static final String V1 = "refs/tags/v1";
    static final String V2 = "refs/tags/v2";

    @TempDir
    Path dir;

    @Test
    void eachReadIsHandedToTheGateWithTheKeepersEntries() throws Exception {
        try (GitSource git = HistoryRepo.create(dir.resolve("repo"))) {
            List<String> keys = new ArrayList<>();
            List<VersionReads.Read> reads = new ArrayList<>();
            LocalVersions versions = new LocalVersions(git, (key, r) -> {
                keys.add(key);
                reads.addAll(r);
            });
            FileChange main = versions.changes(V1, V2, ProgressMonitor.NONE).stream()
                    .filter(c -> "src/main.c".equals(c.path())).findFirst().orElseThrow();
            assertTrue(reads.isEmpty(), "the list of changes is names and counts, not recorded");
            FileDiff diff = versions.diff(V1, V2, main);
            assertEquals(List.of(new VersionReads.FileOpened(V1, "src/main.c", main.oldBlob(), diff.oldSize(), "diff"),
                    new VersionReads.FileOpened(V2, "src/main.c", main.newBlob(), diff.newSize(), "diff")), reads);

            // an added file has one side to record
            reads.clear();
            FileChange added = versions.changes(V1, V2, ProgressMonitor.NONE).stream()
                    .filter(c -> "added.txt".equals(c.path())).findFirst().orElseThrow();
            versions.diff(V1, V2, added);
            assertEquals(1, reads.size());
            assertEquals(V2, ((VersionReads.FileOpened) reads.get(0)).ref());

            reads.clear();
            FileHistory history = versions.history(V2, "src/main.c", 100, ProgressMonitor.NONE);
            assertEquals(List.of(new VersionReads.Lookup("history", "src/main.c", V2, history.commits().size())), reads);

            reads.clear();
            String commit = history.commits().get(0).id();
            Versions.CommitDiff commitDiff = versions.commitDiff(commit, "src/main.c");
            assertEquals(List.of(commitDiff.parent(), commit),
                    reads.stream().map(r -> ((VersionReads.FileOpened) r).ref()).toList());

            reads.clear();
            versions.blame(V2, "src/main.c", ProgressMonitor.NONE);
            assertEquals(List.of(new VersionReads.FileOpened(V2, "src/main.c", git.find(V2, "src/main.c").blobId(),
                    git.find(V2, "src/main.c").size(), "blame")), reads);

            // a binary file has no blame lines to show and no entry, as through the keeper
            reads.clear();
            versions.blame(V2, "blob.bin", ProgressMonitor.NONE);
            assertTrue(reads.isEmpty());
            assertEquals(5, keys.size());
            assertTrue(keys.stream().distinct().count() == keys.size(), "each read has its own key: " + keys);
        }
    }

    @Test
    void aRefusingGateMeansNothingIsReturned() throws Exception {
        try (GitSource git = HistoryRepo.create(dir.resolve("repo"))) {
            LocalVersions versions = new LocalVersions(git, (key, r) -> {
                throw new AirlockException("session.locked", "locked");
            });
            FileChange main = versions.changes(V1, V2, ProgressMonitor.NONE).stream()
                    .filter(c -> "src/main.c".equals(c.path())).findFirst().orElseThrow();
            assertEquals("session.locked", assertThrows(AirlockException.class, () -> versions.diff(V1, V2, main)).code());
            assertThrows(AirlockException.class, () -> versions.history(V2, "src/main.c", 100, ProgressMonitor.NONE));
            assertThrows(AirlockException.class, () -> versions.blame(V2, "src/main.c", ProgressMonitor.NONE));
            String commit = git.commitOf(V2);
            assertThrows(AirlockException.class, () -> versions.commitDiff(commit, "src/main.c"));
        }
    }
}
