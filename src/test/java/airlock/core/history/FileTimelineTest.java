package airlock.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.progress.ProgressMonitor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTimelineTest {
    @TempDir
    Path dir;
    private GitSource source;
    private FileTimeline timeline;

    @BeforeEach
    void setUp() throws Exception {
        source = HistoryRepo.create(dir.resolve("repo"));
        timeline = new FileTimeline(source);
    }

    @AfterEach
    void tearDown() {
        source.close();
    }

    @Test
    void historyIsNewestFirstAndStopsAtTheRef() throws Exception {
        FileHistory v2 = timeline.history("refs/tags/v2", "src/main.c", 100, ProgressMonitor.NONE);
        assertEquals(List.of("v2 changes", "v1 files", "initial main"),
                v2.commits().stream().map(CommitInfo::summary).toList());
        assertEquals("Bob", v2.commits().get(0).author());
        FileHistory v1 = timeline.history("refs/tags/v1", "src/main.c", 100, ProgressMonitor.NONE);
        assertEquals(2, v1.commits().size());
    }

    @Test
    void historyFollowsRenames() throws Exception {
        FileHistory renamed = timeline.history("refs/tags/v2", "new/name.c", 100, ProgressMonitor.NONE);
        assertEquals(List.of("v2 changes", "v1 files"), renamed.commits().stream().map(CommitInfo::summary).toList());
    }

    @Test
    void historyIsCutAtTheLimit() throws Exception {
        FileHistory cut = timeline.history("refs/tags/v2", "src/main.c", 1, ProgressMonitor.NONE);
        assertEquals(1, cut.commits().size());
        assertTrue(cut.truncated());
    }

    @Test
    void blameNamesTheCommitOfEachLine() throws Exception {
        Blame blame = timeline.blame("refs/tags/v2", "src/main.c", ProgressMonitor.NONE);
        assertEquals(DiffVerdict.TEXT, blame.verdict());
        assertEquals(17, blame.lines().size());
        assertEquals("initial main", blame.lines().get(0).commit().summary());
        assertEquals("v2 changes", blame.lines().get(2).commit().summary());
        assertEquals("v1 files", blame.lines().get(6).commit().summary());
        assertEquals("\tint total = 1;", blame.lines().get(2).text());
    }

    @Test
    void blameFollowsRenames() throws Exception {
        Blame blame = timeline.blame("refs/tags/v2", "new/name.c", ProgressMonitor.NONE);
        assertEquals("v1 files", blame.lines().get(0).commit().summary());
        assertEquals("old/name.c", blame.lines().get(0).sourcePath());
    }

    @Test
    void binaryBlameIsRefused() throws Exception {
        assertEquals(DiffVerdict.BINARY, timeline.blame("refs/tags/v2", "blob.bin", ProgressMonitor.NONE).verdict());
    }

    @Test
    void missingPathIsNamed() {
        AirlockException e = assertThrows(AirlockException.class,
                () -> timeline.blame("refs/tags/v1", "added.txt", ProgressMonitor.NONE));
        assertEquals("history.path.missing", e.code());
    }
}
