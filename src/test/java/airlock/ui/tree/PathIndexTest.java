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

    /**
     * The nodes a folder shows are those of the plain construction (every entry's folders made, every node
     * made up front, each list sorted): for listings in git order, shuffled, with duplicates and with
     * folders that share a prefix with files ("a.c", "a/b", "a-b"), whatever order a folder is first opened in.
     */
    @Test
    void childrenAreThoseOfThePlainConstructionInAnyInputOrder() {
        java.util.Random random = new java.util.Random(20);
        String[] parts = {"a", "A", "a.c", "a-b", "b", "\u00e9", "Kconfig", "x\u202ey"};
        List<SourceEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder path = new StringBuilder();
            int depth = 1 + random.nextInt(4);
            for (int d = 0; d < depth; d++) {
                path.append(d == 0 ? "" : "/").append(parts[random.nextInt(parts.length)]).append(d + 1 < depth ? "" : "." + i % 7);
            }
            entries.add(file(path.toString()));
        }
        entries.add(entries.get(5)); // a duplicate path
        List<SourceEntry> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparing(SourceEntry::path));
        List<SourceEntry> shuffled = new ArrayList<>(entries);
        java.util.Collections.shuffle(shuffled, random);
        for (List<SourceEntry> input : List.of(sorted, shuffled, entries)) {
            java.util.Map<String, List<PathNode>> plain = new java.util.HashMap<>();
            plain.put("", new ArrayList<>());
            for (SourceEntry e : input) {
                String parent = PathIndex.parentOf(e.path());
                String folder = parent;
                java.util.Deque<String> missing = new java.util.ArrayDeque<>();
                while (!plain.containsKey(folder)) {
                    missing.push(folder);
                    folder = PathIndex.parentOf(folder);
                }
                for (String f : missing) {
                    plain.put(f, new ArrayList<>());
                    plain.get(PathIndex.parentOf(f)).add(new PathNode(f, f.substring(f.lastIndexOf('/') + 1), null));
                }
                plain.get(parent).add(new PathNode(e.path(), e.name(), e));
            }
            PathIndex index = PathIndex.of(input);
            List<String> folders = new ArrayList<>(plain.keySet());
            java.util.Collections.shuffle(folders, random);
            for (String folder : folders) {
                List<PathNode> expected = new ArrayList<>(plain.get(folder));
                expected.sort(PathIndex.ORDER);
                assertEquals(expected, index.children(folder), "folder '" + folder + "'");
                assertEquals(expected, index.children(folder), "asked again");
                assertTrue(index.isFolder(folder));
            }
            assertEquals(plain.size() - 1, index.folderCount());
            assertEquals(input.size(), index.fileCount());
        }
    }
}
