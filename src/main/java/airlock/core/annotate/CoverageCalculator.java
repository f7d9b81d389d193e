package airlock.core.annotate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Review coverage per folder, by lines: a file marked reviewed counts all its lines, range marks
 * count the distinct lines they cover (overlaps once). Marks made on another blob of the same path
 * do not count: the file changed since it was read.
 */
public final class CoverageCalculator {

    /** A file of the ref being reviewed, with its line count. */
    public record FileLines(String path, String blobId, int lines) {
    }

    /** Coverage of every folder (and the root {@code ""}), sorted by path. */
    public List<FolderCoverage> compute(List<FileLines> files, List<ReviewMark> marks) {
        Map<String, List<ReviewMark>> byPath = new HashMap<>();
        for (ReviewMark mark : marks) {
            byPath.computeIfAbsent(mark.path(), p -> new ArrayList<>()).add(mark);
        }
        Map<String, long[]> folders = new TreeMap<>();
        for (FileLines file : files) {
            long reviewed = reviewedLines(file, byPath.getOrDefault(file.path(), List.of()));
            int whole = reviewed == file.lines() && isWholeFile(file, byPath.getOrDefault(file.path(), List.of())) ? 1 : 0;
            for (String folder : ancestors(file.path())) {
                long[] acc = folders.computeIfAbsent(folder, f -> new long[4]);
                acc[0]++;
                acc[1] += whole;
                acc[2] += file.lines();
                acc[3] += reviewed;
            }
        }
        List<FolderCoverage> out = new ArrayList<>();
        folders.forEach((path, acc) -> out.add(new FolderCoverage(path, (int) acc[0], (int) acc[1], acc[2], acc[3])));
        return out;
    }

    /** Coverage of one file. */
    public FolderCoverage file(FileLines file, List<ReviewMark> marks) {
        List<ReviewMark> own = marks.stream().filter(m -> m.path().equals(file.path())).toList();
        long reviewed = reviewedLines(file, own);
        return new FolderCoverage(file.path(), 1, isWholeFile(file, own) ? 1 : 0, file.lines(), reviewed);
    }

    private static boolean isWholeFile(FileLines file, List<ReviewMark> marks) {
        return marks.stream().anyMatch(m -> m.blobId().equals(file.blobId()) && m.wholeFile());
    }

    private static long reviewedLines(FileLines file, List<ReviewMark> marks) {
        BitSet lines = new BitSet();
        for (ReviewMark mark : marks) {
            if (!mark.blobId().equals(file.blobId())) {
                continue;
            }
            if (mark.wholeFile()) {
                return file.lines();
            }
            int from = Math.min(mark.firstLine(), file.lines() + 1);
            int to = Math.min(mark.lastLine(), file.lines());
            if (from <= to) {
                lines.set(from, to + 1);
            }
        }
        return lines.cardinality();
    }

    /** {@code a/b/c.txt} → {@code "", "a", "a/b"}. */
    static List<String> ancestors(String path) {
        List<String> out = new ArrayList<>();
        out.add("");
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            out.add(path.substring(0, i));
        }
        return out;
    }
}
