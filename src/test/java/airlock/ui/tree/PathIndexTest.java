package airlock.ui.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathIndexTest {

    private static SourceEntry file(String path) {
        return new SourceEntry(path, EntryKind.FILE, 1, "id");
    }

    private static List<String> names(List<PathNode> nodes) {
        return nodes.stream().map(n -> n.isFolder() ? n.name() + "/" : n.name()).toList();
    }

    @Test
    void foldersComeFirstThenNamesIgnoringCase() {
        PathIndex index = PathIndex.of(List.of(file("Makefile"), file("README.md"), file("a.txt"),
                file("lib/x.c"), file("src/b/c.c"), file("src/a.c"), file("Zeta/z")));
        assertEquals(List.of("lib/", "src/", "Zeta/", "a.txt", "Makefile", "README.md"), names(index.children("")));
        assertEquals(List.of("b/", "a.c"), names(index.children("src")));
        assertEquals(List.of("c.c"), names(index.children("src/b")));
        assertEquals(7, index.fileCount());
        assertEquals(4, index.folderCount());
    }

    @Test
    void unknownFoldersHaveNoChildren() {
        assertEquals(List.of(), PathIndex.of(List.of(file("a"))).children("nope"));
    }

    @Test
    void copesWithEightyThousandEntries() {
        List<SourceEntry> entries = new ArrayList<>();
        for (int d = 0; d < 400; d++) {
            for (int f = 0; f < 200; f++) {
                entries.add(file("drivers/dir" + d + "/sub" + (f % 4) + "/file" + f + ".c"));
            }
        }
        PathIndex index = PathIndex.of(entries);
        assertEquals(80_000, index.fileCount());
        assertEquals(List.of("drivers/"), names(index.children("")));
        assertEquals(400, index.children("drivers").size());
        assertEquals(50, index.children("drivers/dir7/sub3").size());
        PathIndex filtered = PathIndex.filtered(entries, "DIR399/SUB1/FILE1");
        assertTrue(filtered.fileCount() > 0 && filtered.fileCount() < 60, "filtered " + filtered.fileCount());
        assertEquals(List.of("dir399/"), names(filtered.children("drivers")));
    }

    @Test
    void filterMatchesAnyPartOfThePathIgnoringCase() {
        List<SourceEntry> entries = List.of(file("src/Main.java"), file("src/util/Strings.java"), file("docs/main.md"));
        PathIndex index = PathIndex.filtered(entries, "main");
        assertEquals(2, index.fileCount());
        assertEquals(List.of("docs/", "src/"), names(index.children("")));
    }
}
