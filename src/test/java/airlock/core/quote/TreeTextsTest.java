package airlock.core.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.testutil.TestRepository;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seal screen's check reads thousands of files after its tree closed: the bundle is opened again once, not per read. */
class TreeTextsTest {
    @TempDir
    Path tmp;

    @Test
    void reopeningOpensTheTreeOnceForManyReadsAndReadsTheSameTexts() throws Exception {
        IsolatedGit.install();
        Path repo = TestRepository.create(tmp.resolve("repo"));
        AtomicInteger opened = new AtomicInteger();
        TreeTexts.Opener opener = () -> {
            opened.incrementAndGet();
            try {
                return GitSource.ofAllRefs(new FileRepositoryBuilder().setWorkTree(repo.toFile()).setMustExist(true).build(),
                        "test", "refs/heads/main");
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        };
        TreeTexts tree;
        QuoteIndex.FileTexts direct;
        QuoteIndex.FileTexts again;
        try (var source = opener.open()) {
            tree = new TreeTexts(source, "refs/heads/main");
            direct = tree.texts();
            again = tree.reopening(opener);
            assertEquals(0, opened.get() - 1, "nothing opened before the first read");
            int files = tree.paths().size();
            assertTrue(files > 1);
            for (int round = 0; round < 3; round++) {
                for (int id = 0; id < files; id++) {
                    assertEquals(direct.text(id), again.text(id), tree.paths().get(id));
                }
            }
        }
        for (int id = 0; id < tree.paths().size(); id++) { // the first tree is closed: the reopened one still reads
            assertTrue(again.text(id) != null);
        }
        assertEquals(2, opened.get(), "one open for the test's own tree, one for all the reads after");
    }
}
