package airlock.core.history;

/**
 * One changed file between two refs. Paths and blob ids are null on the side where the file does
 * not exist. Line counts are -1 when the content was not compared (binary or too large).
 */
public record FileChange(ChangeKind kind, String oldPath, String newPath, String oldBlob, String newBlob,
                         int linesAdded, int linesRemoved, DiffVerdict verdict) {

    /** The path to show: the new one, or the old one for a deleted file. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}
