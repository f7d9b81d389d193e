package airlock.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.IntakeLimits;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoProject;
import airlock.core.demo.DemoRoom;
import airlock.core.history.CommitInfo;
import airlock.core.history.FileChange;
import airlock.core.home.AirlockHome;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.SessionLog;
import airlock.core.policy.PolicyLoader;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.SessionManager;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.core.trust.TrustStore;
import airlock.testutil.MutableClock;
import airlock.testutil.Screenshots;
import airlock.testutil.TestRepository;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.session.SessionViewModel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The versions window in this process (no keeper) inside a real session (issue 16, "code flows only
 * through the log"): history, a commit's diff, a compared file's diff and blame each write the entries
 * the keeper writes for them (KeeperVersionsGuiTest is the twin through the keeper), before anything
 * is shown; outside a session and while it is locked the window shows nothing and says why.
 */
@ExtendWith(ApplicationExtension.class)
class SessionVersionsGuiTest {
    @TempDir
    static Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final Texts texts = Texts.load(Locale.ROOT);
    private WorkstationWindow window;
    private WorkstationLogs logs;
    private SessionViewModel sessions;
    private String bundleId;

    @Start
    void start(Stage stage) throws Exception {
        Path work = dir.resolve("run-" + System.nanoTime());
        Path repo = TestRepository.create(work.resolve("repo"));
        AirlockHome home = AirlockHome.open(work.resolve("home"));
        DemoRoom.install(home, new SecureRandom());
        BundleFiles files = new DemoMedia(new DemoProject(repo, work.resolve("out")), clock).prepare(home, ProgressMonitor.NONE);
        bundleId = new BundleIntake(home, clock, IntakeLimits.defaults()).importBundle(files, Optional.empty(), ProgressMonitor.NONE)
                .verification().manifestSha256().orElseThrow();
        var signer = WorkstationKey.loadOrCreate(home, "WS-TEST-0016");
        logs = WorkstationLogs.open(home, signer, clock);
        TrustStore trust = new TrustStore(home);
        SessionManager manager = new SessionManager(logs, signer, trust, new PolicyLoader(home, trust).load(), clock, 0);
        window = new WorkstationWindow(stage, texts, clock, "WS-TEST-0016");
        airlock.core.bundle.BundleStore store = new airlock.core.bundle.BundleStore(home);
        sessions = new SessionViewModel(texts, window.model(), window.session(), manager, null, store, clock, "WS-TEST-0016");
        stage.show();
        window.model().openSource(store.open(store.get(bundleId)));
        sessions.bundleOpened(bundleId);
    }

    @Stop
    void stop() throws AirlockException {
        window.close();
        logs.close();
    }

    @Test
    void historyDiffsAndBlameAreRecordedBeforeTheyShowAndRefusedWhenLocked(FxRobot robot) throws Exception {
        String id = startSession(robot);
        robot.interact(() -> window.model().openFile("README.md", 1));
        waitUntil(() -> window.view().selectedCodeView() != null
                && window.view().selectedCodeView().text().contains("version 1.1"));
        VersionsFeature versions = window.versions();
        String review = window.model().sourceProperty().get().reviewRef();

        // history: search.run kind history, then the commits
        robot.interact(versions::historyOfCurrent);
        VersionsWindow[] w = new VersionsWindow[1];
        waitUntil(() -> (w[0] = versions.windowForTests()) != null && selectedTab(w[0]).getContent() instanceof HistoryView);
        HistoryView history = (HistoryView) selectedTab(w[0]).getContent();
        assertEquals(List.of("second", "first"), history.list().getItems().stream().map(CommitInfo::summary).toList());

        // a commit's diff against its parent: both versions recorded (view diff)
        CommitInfo second = history.list().getItems().get(0);
        String first = history.list().getItems().get(1).id();
        robot.interact(() -> versions.openCommit("README.md", second));
        waitUntil(() -> selectedTab(w[0]).getContent() instanceof DiffPane && selectedTab(w[0]).getText().startsWith(second.shortId()));

        // compare versions, then one file's diff: both versions recorded
        String earlier = window.model().sourceProperty().get().refs().stream().filter(r -> !r.equals(review)).findFirst()
                .orElseThrow();
        robot.interact(() -> versions.compare(earlier, review));
        waitUntil(() -> w[0].changes().stream().anyMatch(c -> c.path().equals("README.md")));
        FileChange readme = w[0].changes().stream().filter(c -> c.path().equals("README.md")).findFirst().orElseThrow();
        robot.interact(() -> versions.openDiff(readme));
        waitUntil(() -> selectedTab(w[0]).getContent() instanceof DiffPane && selectedTab(w[0]).getText().contains("README"));
        assertTrue(((DiffPane) selectedTab(w[0]).getContent()).right().text().contains("version 1.1"));

        // blame of the open file: recorded as file.opened, view blame
        robot.interact(versions::blameOfCurrent);
        waitUntil(() -> selectedTab(w[0]).getContent() instanceof BlameView);
        robot.interact(() -> Screenshots.shot(w[0].stage().getScene(), "session-versions-blame.png"));

        // the same history again in this session: no second entry (as the keeper names its earlier one)
        robot.interact(versions::historyOfCurrent);
        waitUntil(() -> selectedTab(w[0]).getContent() instanceof HistoryView);

        List<String> expected = List.of("file.opened README.md", "search.run history " + review,
                "file.opened README.md diff " + first, "file.opened README.md diff " + second.id(),
                "file.opened README.md diff " + earlier, "file.opened README.md diff " + review,
                "file.opened README.md blame " + review);
        waitUntil(() -> walk(id).size() == expected.size());
        assertEquals(expected, walk(id));
        // the data the keeper writes for the same read (docs/formats/keeper-protocol.md, "History and diff")
        LogEntry blame = reads(id).get(reads(id).size() - 1);
        assertEquals(java.util.Set.of("path", "blob", "ref", "size", "view"), blame.data().keySet());
        assertEquals(window.model().sourceProperty().get().find(review, "README.md").blobId(), blame.data().get("blob"));
        LogEntry historyEntry = reads(id).get(1);
        assertEquals(java.util.Set.of("query", "kind", "ref", "finished", "linesMatched", "complete"),
                historyEntry.data().keySet());
        assertEquals(2L, ((Number) historyEntry.data().get("linesMatched")).longValue());

        // locked: each read is refused before anything is shown, and the status says why
        robot.interact(() -> w[0].tabs().getTabs().clear());
        robot.interact(sessions::lockNow);
        waitUntil(() -> window.session().current().orElseThrow().state() == airlock.core.session.SessionState.LOCKED);
        robot.interact(versions::blameOfCurrent);
        waitUntil(() -> window.model().statusMessageProperty().get().contains("session.locked"));
        robot.interact(() -> window.model().showStatus(""));
        robot.interact(() -> versions.openDiff(readme));
        waitUntil(() -> window.model().statusMessageProperty().get().contains("session.locked"));
        robot.interact(() -> window.model().showStatus(""));
        robot.interact(() -> versions.openCommit("README.md", second));
        waitUntil(() -> window.model().statusMessageProperty().get().contains("session.locked"));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(selectedTab(w[0]), "a locked session shows no diff, blame or history");
        assertEquals(expected, walk(id), "nothing more recorded while locked");
    }

    @Test
    void outsideASessionADiffShowsNothing(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() > 0);
        VersionsFeature versions = window.versions();
        String review = window.model().sourceProperty().get().reviewRef();
        String earlier = window.model().sourceProperty().get().refs().stream().filter(r -> !r.equals(review)).findFirst()
                .orElseThrow();
        robot.interact(() -> versions.compare(earlier, review));
        VersionsWindow[] w = new VersionsWindow[1];
        // the list of changed files is names and counts, no content (the keeper's compare records nothing either)
        waitUntil(() -> (w[0] = versions.windowForTests()) != null
                && w[0].changes().stream().anyMatch(c -> c.path().equals("README.md")));
        FileChange readme = w[0].changes().stream().filter(c -> c.path().equals("README.md")).findFirst().orElseThrow();
        robot.interact(() -> versions.openDiff(readme));
        waitUntil(() -> window.model().statusMessageProperty().get().contains("session.none"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w[0].tabs().getTabs().stream().noneMatch(t -> t.getContent() instanceof DiffPane),
                "no diff is shown outside a session");
    }

    private String startSession(FxRobot robot) throws Exception {
        List<SessionViewModel.StartOutcome> outcome = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> sessions.start(new SessionViewModel.StartForm("Ada Inspector", "Test Office", "", bundleId,
                DemoRoom.PIN.toCharArray(), null, null), outcome::add));
        waitUntil(() -> !outcome.isEmpty());
        assertNull(outcome.get(0).problem());
        waitUntil(() -> window.session().current().isPresent());
        return window.session().current().orElseThrow().id();
    }

    /** The session's file.opened and search.run entries, in log order. */
    private List<LogEntry> reads(String id) throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        synchronized (logs.store()) {
            SessionLog.readEntries(logs.store(), id, b -> {
                LogEntry e = codec.decode(b);
                if (e.type() == EntryType.FILE_OPENED || e.type() == EntryType.SEARCH_RUN) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    private List<String> walk(String id) throws AirlockException {
        List<String> walk = new ArrayList<>();
        for (LogEntry e : reads(id)) {
            var data = e.data();
            walk.add(e.type() == EntryType.FILE_OPENED
                    ? "file.opened " + data.get("path") + (data.containsKey("view") ? " " + data.get("view") + " " + data.get("ref") : "")
                    // the query itself is kept as a commitment (the room's log sensitivity), as through the keeper
                    : "search.run " + data.get("kind") + " " + data.get("ref"));
        }
        return walk;
    }

    private static Tab selectedTab(VersionsWindow w) {
        return w.tabs().getSelectionModel().getSelectedItem();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
    }
}
