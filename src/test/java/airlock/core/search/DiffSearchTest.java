package airlock.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.git.GitSource;
import airlock.core.progress.ProgressMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffSearchTest {
    @TempDir
    Path tmp;

    @Test
    void onlyAddedOrChangedLinesOfChangedFilesCount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        TestRepos repo = TestRepos.init(tmp.resolve("repo"));
        repo.write(Map.of("a.c", TestRepos.utf8("key = 1;\nother\n"), "b.c", TestRepos.utf8("key stays\n"),
                "gone.c", TestRepos.utf8("key\n"))).commit("v1");
        repo.write(Map.of("a.c", TestRepos.utf8("key = 1;\nkey = 2;\nother key\n"),
                "new.c", TestRepos.utf8("x\nkey new\n"))).delete("gone.c").commit("v2");
        try (GitSource source = repo.source()) {
            List<String> found = new ArrayList<>();
            SearchSummary summary = new Searcher(pool).searchDiff(source, "refs/tags/v1",
                    SearchQuery.literal("key", "refs/tags/v2"),
                    f -> f.lines().forEach(l -> found.add(f.path() + ":" + l.number() + ":" + l.text())),
                    ProgressMonitor.NONE);
            assertEquals(List.of("a.c:2:key = 2;", "a.c:3:other key", "new.c:2:key new"), found);
            assertEquals(2, summary.filesInScope());
        } finally {
            pool.shutdownNow();
        }
    }
}
