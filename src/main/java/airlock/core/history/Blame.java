package airlock.core.history;

import java.util.List;

/** A file's blame at a ref, or why there is none (binary, too large). */
public record Blame(String ref, String path, DiffVerdict verdict, List<BlameLine> lines) {
    public Blame {
        lines = List.copyOf(lines);
    }
}
