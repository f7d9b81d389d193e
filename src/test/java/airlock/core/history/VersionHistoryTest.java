package airlock.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.progress.ProgressMonitor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionHistoryTest {
    @TempDir
    Path dir;
    private GitSource source;
    private VersionHistory history;

    @BeforeEach
    void setUp() throws Exception {
        source = HistoryRepo.create(dir.resolve("repo"));
        history = new VersionHistory(source);
    }

    @AfterEach
    void tearDown() {
        source.close();
    }

    private Map<String, FileChange> changes() throws AirlockException {
        return history.changes("refs/tags/v1", "refs/tags/v2", ProgressMonitor.NONE).stream()
                .collect(Collectors.toMap(FileChange::path, Function.identity()));
    }

    @Test
    void listsAddedDeletedModifiedRenamedAndBinaryWithCounts() throws Exception {
        Map<String, FileChange> changes = changes();
        assertEquals(5, changes.size(), changes.keySet().toString());
        FileChange main = changes.get("src/main.c");
        assertEquals(ChangeKind.MODIFIED, main.kind());
        assertEquals(4, main.linesAdded());
        assertEquals(3, main.linesRemoved());
        assertEquals(ChangeKind.DELETED, changes.get("gone.txt").kind());
        assertEquals(null, changes.get("gone.txt").newBlob());
        assertEquals(ChangeKind.ADDED, changes.get("added.txt").kind());
        assertEquals(1, changes.get("added.txt").linesAdded());
        FileChange renamed = changes.get("new/name.c");
        assertEquals(ChangeKind.RENAMED, renamed.kind());
        assertEquals("old/name.c", renamed.oldPath());
        assertEquals(0, renamed.linesAdded());
        FileChange binary = changes.get("blob.bin");
        assertEquals(DiffVerdict.BINARY, binary.verdict());
        assertEquals(-1, binary.linesAdded());
    }

    @Test
    void sameRefHasNoChanges() throws Exception {
        assertTrue(history.changes("refs/tags/v2", "refs/tags/v2", ProgressMonitor.NONE).isEmpty());
    }

    @Test
    void unknownRefIsNamed() {
        AirlockException e = assertThrows(AirlockException.class,
                () -> history.changes("refs/tags/nope", "refs/tags/v2", ProgressMonitor.NONE));
        assertEquals("source.ref.missing", e.code());
        assertTrue(e.getMessage().contains("refs/tags/nope"));
    }

    @Test
    void diffAlignsRowsWithIntralineSpansAndSkipsUnchangedRuns() throws Exception {
        FileDiff diff = history.diff(changes().get("src/main.c"), 3);
        assertEquals(DiffVerdict.TEXT, diff.verdict());
        List<DiffRow> rows = diff.rows();
        DiffRow changed = rows.stream().filter(r -> r.kind() == RowKind.CHANGED).findFirst().orElseThrow();
        assertEquals(3, changed.leftLine());
        assertEquals("\tint count = 1;", changed.leftText());
        assertEquals("\tint total = 1;", changed.rightText());
        assertEquals(List.of(new Span(5, 10)), changed.leftSpans());
        assertEquals(List.of(new Span(5, 10)), changed.rightSpans());
        DiffRow skipped = rows.stream().filter(r -> r.kind() == RowKind.SKIPPED).findFirst().orElseThrow();
        assertTrue(skipped.skipped() > 0);
        DiffRow last = rows.get(rows.size() - 1);
        assertEquals(RowKind.CHANGED, last.kind());
        assertTrue(last.rightText().contains("\u202E"), "raw text is kept; the view masks it");
        for (DiffRow row : rows) {
            if (row.kind() == RowKind.SAME) {
                assertEquals(row.leftText(), row.rightText());
            }
        }
    }

    @Test
    void wholeFileContextHasNoSkippedRowAndEveryLineOnce() throws Exception {
        FileDiff diff = history.diff(changes().get("src/main.c"), Integer.MAX_VALUE);
        assertTrue(diff.rows().stream().noneMatch(r -> r.kind() == RowKind.SKIPPED));
        assertEquals(17, diff.rows().stream().filter(r -> r.rightLine() > 0).count());
        assertEquals(16, diff.rows().stream().filter(r -> r.leftLine() > 0).count());
    }

    @Test
    void binaryIsSaidNotDiffed() throws Exception {
        FileDiff diff = history.diff(changes().get("blob.bin"), 3);
        assertEquals(DiffVerdict.BINARY, diff.verdict());
        assertTrue(diff.rows().isEmpty());
        assertEquals(5, diff.newSize());
    }

    @Test
    void addedFileIsAllAddedRows() throws Exception {
        FileDiff diff = history.diff(changes().get("added.txt"), 3);
        assertEquals(List.of(RowKind.ADDED), diff.rows().stream().map(DiffRow::kind).toList());
        assertEquals("fresh", diff.rows().get(0).rightText());
    }

    @Test
    void refSwitchSharesTheRepositoryUntilTheLastClose() throws Exception {
        GitSource atV1 = RefSwitch.reviewAt(source, "refs/tags/v1");
        assertEquals("refs/tags/v1", atV1.reviewRef());
        source.close();
        assertTrue(atV1.find("refs/tags/v1", "gone.txt") != null, "still readable after the first close");
        source = atV1;
        assertThrows(AirlockException.class, () -> RefSwitch.reviewAt(atV1, "refs/heads/nope"));
    }
}
