package airlock.core.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import airlock.core.source.SourceEntry;
import airlock.core.text.TextPage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a byte range of a blob straight from the object store, as the code view's pages do. */
class GitSourceRangeTest {

    @Test
    void rangesAreSlicesOfTheBlobAndPagesCoverItExactly(@TempDir Path dir) throws Exception {
        IsolatedGit.install();
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        for (int i = 0; big.size() < 5 * 1024 * 1024; i++) {
            big.writeBytes(("/* line " + i + " \u00e9\u20ac */ int v" + (i * 7919 % 100_003) + ";\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] file = big.toByteArray();
        Files.write(dir.resolve("big.c"), file);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Test", "test@example.org", 0L, 0);
            git.commit().setMessage("big").setAuthor(who).setCommitter(who).setSign(false).call();
            // closed with the repository, by git.close()
            GitSource source = GitSource.ofAllRefs(git.getRepository(), "test", "refs/heads/main");
            SourceEntry entry = source.find("refs/heads/main", "big.c");
            assertEquals(file.length, entry.size());
            assertArrayEquals(Arrays.copyOfRange(file, 3_000_000, 3_000_100), source.readRange(entry, 3_000_000, 100));
            assertArrayEquals(Arrays.copyOfRange(file, file.length - 10, file.length),
                    source.readRange(entry, file.length - 10, 1000), "cut at the blob's end");
            assertEquals(0, source.readRange(entry, file.length, 10).length);
            assertEquals(0, source.readRange(entry, Long.MAX_VALUE / 2, 10).length);
            assertThrows(IllegalArgumentException.class, () -> source.readRange(entry, -1, 10));
            assertThrows(IllegalArgumentException.class, () -> source.readRange(entry, 0, -1));

            int pageBytes = TextPage.PAGE_BYTES;
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            int pages = 0;
            int lastLine = 0;
            TextPage page = TextPage.first(source.readRange(entry, 0, pageBytes + TextPage.LOOKAHEAD), entry.size(),
                    pageBytes);
            while (page != null) {
                pages++;
                assertEquals(lastLine + 1, page.firstLine(), "pages cut at line ends number on: " + page);
                lastLine = page.lastLine();
                again.writeBytes(source.readRange(entry, page.startByte(), (int) (page.endByte() - page.startByte())));
                page = page.next(source.readRange(entry, page.endByte(), pageBytes + TextPage.LOOKAHEAD), pageBytes);
            }
            assertEquals(3, pages);
            assertArrayEquals(file, again.toByteArray());
            long lineEnds = new String(file, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
            assertEquals(lineEnds + 1, lastLine, "the empty line after the final line end is the last");
        }
    }
}
