package airlock.core.history;

import java.util.List;

/** The commits that touched a file, newest first, following renames; {@code truncated} when cut at the limit. */
public record FileHistory(String ref, String path, List<CommitInfo> commits, boolean truncated) {
    public FileHistory {
        commits = List.copyOf(commits);
    }
}
