package airlock.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.annotate.CoverageCalculator.FileLines;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageCalculatorTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static ReviewMark mark(String path, String blob, int first, int last) {
        return new ReviewMark("m", "v1", path, blob, first, last, "alice", T);
    }

    @Test
    void foldersAggregateLinesAndOverlapsCountOnce() {
        List<FileLines> files = List.of(new FileLines("src/a.c", "b1", 100), new FileLines("src/net/b.c", "b2", 50),
                new FileLines("README", "b3", 50));
        List<ReviewMark> marks = List.of(mark("src/a.c", "b1", 0, 0), mark("src/net/b.c", "b2", 1, 10),
                mark("src/net/b.c", "b2", 5, 20), mark("README", "old-blob", 0, 0));
        List<FolderCoverage> cov = new CoverageCalculator().compute(files, marks);
        assertEquals(List.of("", "src", "src/net"), cov.stream().map(FolderCoverage::path).toList());
        assertEquals(new FolderCoverage("", 3, 1, 200, 120), cov.get(0));
        assertEquals(60.0, cov.get(0).percent(), 1e-9);
        assertEquals(new FolderCoverage("src/net", 1, 0, 50, 20), cov.get(2));
    }

    @Test
    void rangesPastTheEndAreClippedAndEmptyFilesCountByFile() {
        CoverageCalculator calc = new CoverageCalculator();
        FolderCoverage f = calc.file(new FileLines("x", "b", 10), List.of(mark("x", "b", 8, 400)));
        assertEquals(3, f.reviewedLines());
        FolderCoverage empty = calc.compute(List.of(new FileLines("e", "b", 0)), List.of(mark("e", "b", 0, 0))).get(0);
        assertEquals(100.0, empty.percent(), 1e-9);
    }
}
