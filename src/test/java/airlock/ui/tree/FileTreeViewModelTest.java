package airlock.ui.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileTreeViewModelTest {

    @Test
    void filteringRebuildsTheIndexAndOpeningAFileCallsBack() {
        FileTreeViewModel model = new FileTreeViewModel();
        model.setEntries(List.of(new SourceEntry("a/x.c", EntryKind.FILE, 1, "1"),
                new SourceEntry("b/y.c", EntryKind.FILE, 1, "2")));
        assertEquals(2, model.indexProperty().get().fileCount());
        model.filterProperty().set("  y.c ");
        assertTrue(model.isFiltering());
        assertEquals(1, model.indexProperty().get().fileCount());
        List<SourceEntry> opened = new ArrayList<>();
        model.onOpenProperty().set(opened::add);
        PathNode folder = model.indexProperty().get().children("").get(0);
        model.open(folder);
        assertEquals(List.of(), opened, "folders do not open");
        model.open(model.indexProperty().get().children("b").get(0));
        assertEquals("b/y.c", opened.get(0).path());
        model.filterProperty().set("");
        assertFalse(model.isFiltering());
        assertEquals(2, model.indexProperty().get().fileCount());
    }
}
