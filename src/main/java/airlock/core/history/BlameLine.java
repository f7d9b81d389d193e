package airlock.core.history;

/** One line of a blamed file: its text and the commit that last changed it (null if unknown). */
public record BlameLine(int line, String text, CommitInfo commit, String sourcePath) {
}
