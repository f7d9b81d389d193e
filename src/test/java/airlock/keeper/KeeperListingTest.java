package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.bundle.BundleStore;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.source.SourceEntry;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperSourceTree;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 (four kernels' tree): the workstation lists a ref through the keeper page by page; the list is
 * the store's own (read from its kept listing), in its order, with nothing lost or repeated at page boundaries.
 */
class KeeperListingTest {
    private static final int FILES = 2 * Limits.MAX_LIST + 345;
    @TempDir
    Path tmp;
    private KeeperFixture keeper;

    static void manyFiles(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            for (int i = 0; i < FILES; i++) {
                Path file = repo.resolve("many/d" + (i % 37) + "/f" + i + (i % 5 == 0 ? "\u00e9" : "") + ".c");
                Files.createDirectories(file.getParent());
                Files.writeString(file, "int f" + i + ";\n".repeat(1 + i % 3));
            }
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Vendor Dev", "dev@vendor.example", java.time.Instant.ofEpochSecond(1_700_000_300L),
                    java.time.ZoneOffset.UTC);
            git.commit().setMessage("many files").setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }

    @BeforeEach
    void start() throws Exception {
        keeper = KeeperFixture.start(tmp, KeeperListingTest::manyFiles);
    }

    @AfterEach
    void stop() {
        keeper.close();
    }

    @Test
    void theListingThroughTheKeeperIsTheStoresOwnAcrossPages() throws Exception {
        List<SourceEntry> own;
        String commit;
        BundleStore store = new BundleStore(AirlockHome.open(keeper.homeDir));
        try (var source = store.open(store.get(keeper.bundle))) {
            own = source.list(source.reviewRef());
            commit = source.commitOf(source.reviewRef());
        }
        assertTrue(own.size() > FILES, "the test repository's files and the many: " + own.size());
        try (KeeperClient client = keeper.client()) {
            Answer.SessionInfo session = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN);
            long entries = client.status().entries();
            // the ref's commit is known before any file is opened (findings are placed with it at session start)
            assertEquals(commit, new KeeperSourceTree(client, session).commitOf(session.reviewRef()));
            List<SourceEntry> listed = new KeeperSourceTree(client, session).list(session.reviewRef());
            assertEquals(own.size(), listed.size());
            for (int i = 0; i < own.size(); i++) {
                SourceEntry a = own.get(i);
                SourceEntry b = listed.get(i);
                assertEquals(List.of(a.path(), a.kind(), a.size()), List.of(b.path(), b.kind(), b.size()), "entry " + i);
                assertEquals("", b.blobId(), "the keeper sends no blob ids in lists");
            }
            // small pages, each continuing at the previous page's next, give the same listing
            int offset = 0;
            int i = 0;
            while (true) {
                Answer.Files page = client.files(session.reviewRef(), offset, 997);
                assertEquals(commit, page.commit());
                assertEquals(own.size(), page.total());
                for (Answer.FileInfo f : page.files()) {
                    assertEquals(own.get(i++).path(), f.path());
                }
                if (page.next() >= page.total()) {
                    break;
                }
                assertEquals(offset + 997, page.next());
                offset = page.next();
            }
            assertEquals(own.size(), i);
            Answer.Files past = client.files(session.reviewRef(), own.size() + 5, 10);
            assertEquals(List.of(own.size() + 5, 0), List.of(past.next(), past.files().size()));
            assertEquals(entries, client.status().entries(), "listing and the ref's commit are not logged reads");
            client.endSession();
        }
    }
}
