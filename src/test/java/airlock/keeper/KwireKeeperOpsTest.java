package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.Annotation;
import airlock.core.annotate.Bookmark;
import airlock.core.annotate.ReviewMark;
import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleSubmission;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoProject;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.log.SessionHeader;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.SessionState;
import airlock.keeper.client.KeeperBundleUpload;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperException;
import airlock.keeper.client.KeeperFindings;
import airlock.keeper.client.KeeperSession;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import airlock.testutil.TestRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, kwire, through a real socket: intake of a bundle the workstation read from its stick (the
 * keeper verifies its own copy, records the verdict, imports; cancel discards the copy), the findings
 * of a session listed, deleted, unmarked and bookmarked through the keeper, and the activity notice
 * that keeps the keeper's idle lock from closing on a reading inspector. Each checks the keeper's
 * entries in order and that the log verifies.
 */
class KwireKeeperOpsTest {
    private static final String MAIN = "refs/heads/main";
    @TempDir
    Path tmp;
    private KeeperFixture keeper;

    @BeforeEach
    void start() throws Exception {
        keeper = KeeperFixture.start(tmp);
    }

    @AfterEach
    void stop() {
        keeper.close();
    }

    /** A monitor counting what it was told, cancelling once {@code cancelAfter} bytes were reported (never when negative). */
    private static final class Counting implements ProgressMonitor {
        final AtomicLong total = new AtomicLong(-2);
        final AtomicLong done = new AtomicLong();
        final long cancelAfter;

        Counting(long cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void beginTask(String title, long totalWork) {
            total.set(totalWork);
        }

        @Override
        public void update(long completed) {
            done.addAndGet(completed);
        }

        @Override
        public void endTask() {
        }

        @Override
        public boolean isCancelled() {
            return cancelAfter >= 0 && done.get() >= cancelAfter;
        }
    }

    private static long stagedFiles(Path homeDir) throws Exception {
        Path staging = homeDir.resolve("staging");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (var s = Files.walk(staging)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aBundleReadByTheWorkstationIsVerifiedByTheKeeperOnItsOwnCopyRecordedImportedAndListed() throws Exception {
        keeper.stopKeeper();
        Path repo = TestRepository.create(tmp.resolve("repo2"));
        Path homeDir = tmp.resolve("home2").toAbsolutePath();
        AirlockHome home = AirlockHome.open(homeDir);
        DemoRoom.install(home, new java.security.SecureRandom());
        BundleFiles stick = new DemoMedia(new DemoProject(repo, tmp.resolve("stick")), keeper.clock).prepare(home, ProgressMonitor.NONE);
        Path socket = keeper.socket.resolveSibling("second.sock");
        String imported;
        try (Keeper second = Keeper.open(homeDir, KeeperFixture.USER, keeper.clock)) {
            second.listen(socket, PeerPolicy.only(KeeperFixture.USER));
            try (KeeperClient client = KeeperClient.connect(socket, "test-workstation")) {
                KeeperBundleUpload upload = new KeeperBundleUpload(client, "Sending");

                // cancelled after the first chunk: the keeper's copy is discarded, nothing recorded or imported
                Counting cancelling = new Counting(1);
                assertThrows(CancelledException.class, () -> upload.submit(stick, cancelling));
                assertEquals(0, stagedFiles(homeDir), "the keeper discarded the staged copy");
                assertTrue(client.bundles().isEmpty());

                Counting progress = new Counting(-1);
                BundleSubmission.Imported done = upload.submit(stick, progress);
                imported = done.bundle();
                long size = Files.size(stick.manifest()) + Files.size(stick.signature()) + Files.size(stick.gitBundle());
                assertEquals(size, progress.total.get(), "progress counts every byte of the three files");
                assertEquals(size, progress.done.get());
                assertFalse(done.already());
                assertTrue(client.bundles().stream().anyMatch(b -> b.id().equals(imported)), "listed by the keeper");
                assertTrue(Files.isDirectory(homeDir.resolve("store").resolve(imported)));
                assertEquals(0, stagedFiles(homeDir), "the staged copy is gone after the import");
                assertTrue(upload.submit(stick, ProgressMonitor.NONE).already());

                // a tampered copy: the keeper's own verification refuses it, whatever the workstation thinks
                Path bad = tmp.resolve("bad.airlock");
                Files.createDirectories(bad);
                Files.copy(stick.manifest(), bad.resolve(BundleFiles.MANIFEST));
                Files.copy(stick.signature(), bad.resolve(BundleFiles.SIGNATURE));
                byte[] git = Files.readAllBytes(stick.gitBundle());
                git[git.length - 30] ^= 1;
                Files.write(bad.resolve(BundleFiles.GIT_BUNDLE), git);
                KeeperException refused = assertThrows(KeeperException.class, () -> upload.submit(new BundleFiles(bad), ProgressMonitor.NONE));
                assertEquals("bundle.refused", refused.code(), refused.getMessage());
                assertEquals(1, client.bundles().size());

                // a link on the stick is not followed: nothing is sent
                Path linked = tmp.resolve("linked.airlock");
                Files.createDirectories(linked);
                Files.createSymbolicLink(linked.resolve(BundleFiles.MANIFEST), stick.manifest());
                Files.copy(stick.signature(), linked.resolve(BundleFiles.SIGNATURE));
                Files.copy(stick.gitBundle(), linked.resolve(BundleFiles.GIT_BUNDLE));
                assertEquals("bundle.files", assertThrows(KeeperException.class,
                        () -> upload.submit(new BundleFiles(linked), ProgressMonitor.NONE)).code());

                // the keeper's own rules on the upload: order, size, which upload, completeness
                long id = client.call(new Request.UploadBegin("x.airlock", 2, 1, 1), Answer.Upload.class).upload();
                assertEquals("bundle.upload.order", assertThrows(KeeperException.class, () -> client.call(
                        new Request.UploadChunk(id, "manifest", 1, new byte[] {1}), Answer.Upload.class)).code());
                assertEquals("bundle.upload.size", assertThrows(KeeperException.class, () -> client.call(
                        new Request.UploadChunk(id, "signature", 0, new byte[] {1, 2}), Answer.Upload.class)).code());
                assertEquals("bundle.upload.unknown", assertThrows(KeeperException.class, () -> client.call(
                        new Request.UploadChunk(id + 1, "manifest", 0, new byte[] {1}), Answer.Upload.class)).code());
                assertEquals(1, client.call(new Request.UploadChunk(id, "manifest", 0, new byte[] {1}), Answer.Upload.class).received());
                assertEquals("bundle.upload.incomplete", assertThrows(KeeperException.class, () -> client.call(
                        new Request.UploadFinish(id), Answer.BundleImported.class)).code());
                assertEquals(0, client.call(new Request.UploadCancel(id), Answer.Upload.class).received());
                assertEquals("bundle.upload.unknown", assertThrows(KeeperException.class, () -> client.call(
                        new Request.UploadFinish(id), Answer.BundleImported.class)).code());
                assertEquals(0, stagedFiles(homeDir));
            }
        }
        List<JsonNode> ledger = KeeperFixture.entries(homeDir, SessionHeader.LEDGER_SESSION);
        List<String> intake = ledger.stream().map(e -> e.get("type").asText())
                .filter(t -> t.equals("bundle.verified") || t.equals("bundle.imported")).toList();
        assertEquals(List.of("bundle.verified", "bundle.imported", "bundle.verified", "bundle.imported", "bundle.verified"), intake,
                "the verdict before the import, each time; the refused one is recorded too; the cancelled one not at all");
        List<JsonNode> verified = ledger.stream().filter(e -> e.get("type").asText().equals("bundle.verified")).toList();
        assertEquals("refused", verified.get(2).get("data").get("verdict").asText());
        assertEquals(stick.folder().getFileName().toString(), verified.get(0).get("data").get("folder").asText(),
                "the ledger names the folder the workstation read");
        assertTrue(verified.get(0).get("data").get("upload").asBoolean());
        assertTrue(ledger.stream().anyMatch(e -> e.get("type").asText().equals("bundle.imported")
                && e.get("data").get("bundle").asText().equals(imported)));
    }

    @Test
    void aResumedWindowListsTheSessionsFindingsAndDeletesUnmarksAndBookmarksThroughTheKeeper() throws Exception {
        String session;
        try (KeeperClient client = keeper.client()) {
            assertEquals("session.none", assertThrows(KeeperException.class, () -> client.findings("annotations", 0, 8)).code());
            session = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            KeeperFindings first = new KeeperFindings(client, "Ada Inspector", Clock.systemUTC());
            assertEquals("file.not.opened", assertThrows(KeeperException.class,
                    () -> first.addBookmark(MAIN, TestRepository.MAIN, 3, "later")).code());
            client.open(MAIN, TestRepository.MAIN);
            Answer.AnnotationSaved saved = client.annotate(MAIN, TestRepository.MAIN, List.of(new Request.Range(5, 5, 5, 17)),
                    new Request.Content("Unbounded loop", "No bound.", "high", "medium", 835, List.of("loop")));
            Answer.AnnotationSaved second = client.annotate(MAIN, TestRepository.MAIN, List.of(new Request.Range(3, 1, 3, 4)),
                    new Request.Content("Second", "", "low", "low", null, List.of()));
            client.markReviewed(MAIN, TestRepository.MAIN, 1, 4);
            Bookmark mark = first.addBookmark(MAIN, TestRepository.MAIN, 3, "look again");

            // a second window (as after a restart of the workstation) sees what the keeper holds
            KeeperFindings resumed = new KeeperFindings(client, "Ada Inspector", Clock.systemUTC());
            List<Annotation> listed = resumed.list();
            assertEquals(List.of(saved.id(), second.id()), listed.stream().map(Annotation::id).toList());
            Annotation a = listed.get(0);
            assertEquals("Unbounded loop", a.title());
            assertEquals(saved.blob(), a.anchor().blobId());
            assertEquals(5, a.anchor().primary().range().startLine());
            assertNull(a.anchor().primary().originalText(), "no code crosses in a list");
            List<ReviewMark> marks = resumed.reviewMarks();
            assertEquals(1, marks.size());
            assertEquals(List.of(mark.id()), resumed.bookmarks().stream().map(Bookmark::id).toList());

            resumed.delete(second.id());
            resumed.unmarkReviewed(marks.get(0));
            assertEquals(List.of(saved.id()), resumed.list().stream().map(Annotation::id).toList());
            assertTrue(resumed.reviewMarks().isEmpty());
            assertEquals("annotations.unknown", assertThrows(KeeperException.class, () -> resumed.delete(second.id())).code());
            assertEquals("annotations.unknown", assertThrows(KeeperException.class,
                    () -> resumed.unmarkReviewed(marks.get(0))).code());
            client.endSession();
        }
        keeper.stopKeeper();
        List<String> types = keeper.entries(session).stream().map(e -> e.get("type").asText())
                .filter(t -> List.of("file.opened", "annotation.created", "review.marked", "bookmark.added", "annotation.deleted",
                        "review.unmarked").contains(t)).toList();
        assertEquals(List.of("file.opened", "annotation.created", "annotation.created", "review.marked", "bookmark.added",
                "annotation.deleted", "review.unmarked"), types);
        assertTrue(keeper.verify(session).isValid());
    }

    @Test
    void anActivityNoticeKeepsTheKeepersIdleLockFromClosingOnAReadingInspectorAndCarriesNothing() throws Exception {
        String session;
        try (KeeperClient client = keeper.client(); KeeperClient status = keeper.client()) {
            assertEquals("session.none", assertThrows(KeeperException.class, client::activity).code());
            Answer.SessionInfo info = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN);
            session = info.id();
            KeeperSession view = new KeeperSession(client, status, info, SessionState.ACTIVE, client.status().entries(), true);
            long entries = client.status().entries();
            Duration idle = Duration.ofMinutes(info.idleLockMinutes());
            // the inspector reads: scrolls now and then, never asks the keeper for anything
            for (int i = 0; i < 4; i++) {
                keeper.clock.advance(idle.minusMinutes(1));
                long sent = view.activityNoticesSent();
                view.activityEvery(Duration.ZERO); // the test's minutes pass on the keeper's clock, not in real time
                view.touch();
                awaitNotices(view, sent + 1);
                assertEquals("active", client.status().state(), "reading for " + (i + 1) * (idle.toMinutes() - 1) + " minutes");
            }
            assertEquals(entries, client.status().entries(), "activity writes nothing");
            // rate limited: touches within the interval send nothing
            view.activityEvery(KeeperSession.ACTIVITY_INTERVAL);
            long sent = view.activityNoticesSent();
            for (int i = 0; i < 50; i++) {
                view.touch();
            }
            Thread.sleep(200);
            assertEquals(sent, view.activityNoticesSent(), "at most one notice per interval");
            // no input: the keeper locks
            keeper.clock.advance(idle.plusMinutes(1));
            assertEquals("locked", client.status().state());
            assertEquals("session.locked", assertThrows(KeeperException.class, client::activity).code(),
                    "activity does not unlock");
        }
        keeper.stopKeeper();
        assertTrue(keeper.verify(session).isValid());
        assertTrue(keeper.entries(session).stream().anyMatch(e -> e.get("type").asText().equals("session.locked")));
    }

    private static void awaitNotices(KeeperSession view, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (view.activityNoticesSent() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the activity notice was not taken");
            }
            Thread.sleep(10);
        }
    }
}
