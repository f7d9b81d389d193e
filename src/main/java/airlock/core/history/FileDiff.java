package airlock.core.history;

import java.util.List;

/**
 * A file's side-by-side diff: aligned rows when both sides are text, otherwise no rows and a
 * verdict saying why (binary, too large, symlink or submodule).
 */
public record FileDiff(FileChange change, DiffVerdict verdict, List<DiffRow> rows, long oldSize, long newSize) {
    public FileDiff {
        rows = List.copyOf(rows);
    }
}
