package airlock.ui.navigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.IntakeLimits;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoProject;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.SessionLog;
import airlock.core.policy.PolicyLoader;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.SessionManager;
import airlock.core.session.SessionState;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.core.trust.TrustStore;
import airlock.testutil.MutableClock;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.code.CodeViewPane;
import airlock.ui.session.SessionViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Navigation in this process (no keeper) inside a real session (issue 16, "code flows only through the
 * log": hover and definition lines are reads too): find references, callers, go to definition (F12),
 * the hover card and go to symbol each write the {@code search.run} entry the keeper writes for the same
 * question before anything is shown; while the session is locked, and outside a session, nothing is
 * shown and the status line says why.
 */
@ExtendWith(ApplicationExtension.class)
class SessionNavigationGuiTest {
    static final String LOCK = "kernel/locking/mutex.c";
    static final String DRIVER = "drivers/net/driver.c";

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
        Path repo = createRepository(work.resolve("repo"));
        AirlockHome home = AirlockHome.open(work.resolve("home"));
        DemoRoom.install(home, new SecureRandom());
        BundleFiles files = new DemoMedia(new DemoProject(repo, work.resolve("out")), clock).prepare(home, ProgressMonitor.NONE);
        bundleId = new BundleIntake(home, clock, IntakeLimits.defaults()).importBundle(files, Optional.empty(), ProgressMonitor.NONE)
                .verification().manifestSha256().orElseThrow();
        var signer = WorkstationKey.loadOrCreate(home, "WS-TEST-0016");
        logs = WorkstationLogs.open(home, signer, clock);
        TrustStore trust = new TrustStore(home);
        SessionManager manager = new SessionManager(logs, signer, trust, new PolicyLoader(home, trust).load(), clock, 0);
        // the symbol index is built and read in this process (no keeper socket)
        window = new WorkstationWindow(stage, texts, clock, "WS-TEST-0016", work.resolve("db"));
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
    void eachLookupIsRecordedBeforeItShowsAndRefusedWhenLocked(FxRobot robot) throws Exception {
        String id = startSession(robot);
        NavigationFeature nav = window.navigation();
        waitUntil(() -> nav.symbols().statusProperty().get().contains("2 files indexed"));
        robot.interact(() -> window.model().openFile(DRIVER, 1));
        waitUntil(() -> selectedText().contains("mutex_lock(&d->lock)"));
        CodeViewPane driver = window.view().selectedCodeView();
        String review = window.model().sourceProperty().get().reviewRef();
        List<String> expected = new ArrayList<>(List.of("file.opened " + DRIVER));
        assertEquals(expected, walk(id));

        // references: their code lines show only with the entry already in the log (no wait for it here)
        robot.interact(() -> driver.codeArea().moveTo(3, 6)); // inside "mutex_lock" on line 4
        robot.interact(nav::findReferences);
        waitUntil(() -> nav.results().title().startsWith("2 references to mutex_lock"));
        assertTrue(nav.results().items().get(0).label().contains("mutex_lock(&d->lock);"), "the reference's code line");
        expected.add("search.run references 2 " + review);
        assertEquals(expected, walk(id));

        // callers, with their code lines grouped by file
        robot.interact(nav::findCallers);
        waitUntil(() -> nav.results().title().startsWith("2 calls of mutex_lock"));
        assertTrue(nav.results().items().get(0).label().contains("mutex_lock(&d->lock);"), "the call's code line");
        expected.add("search.run callers 2 " + review);
        assertEquals(expected, walk(id));

        // the hover card's definition line
        int first = driver.text().indexOf("mutex_lock(");
        robot.interact(() -> nav.hover().hoverAt(driver, first + 2, new Point2D(300, 300)));
        waitUntil(() -> nav.hover().isShowing());
        assertTrue(nav.hover().lastText().contains("void mutex_lock(struct mutex *lock)"));
        expected.add("search.run definitions 1 " + review);
        assertEquals(expected, walk(id));
        robot.interact(() -> Screenshots.shot(robot.listWindows().stream().filter(w -> w instanceof javafx.stage.Popup)
                .findFirst().orElseThrow().getScene(), "session-nav-hover.png"));
        robot.interact(nav.hover()::hide);

        // go to definition (F12): the lookup, then the definition's file opened
        robot.interact(driver::focusText);
        robot.press(KeyCode.F12).release(KeyCode.F12);
        waitUntil(() -> window.view().selectedCodeView() != null
                && LOCK.equals(window.view().selectedCodeView().documentPath()));
        expected.add("search.run definitions 1 " + review);
        expected.add("file.opened " + LOCK);
        waitUntil(() -> walk(id).size() == expected.size());
        assertEquals(expected, walk(id));

        // go to symbol: one entry for the rows listed
        robot.interact(nav::goToSymbol);
        robot.interact(() -> nav.lastQuickOpen().queryField().setText("mtxlck"));
        waitUntil(() -> !nav.lastQuickOpen().items().isEmpty());
        assertEquals("function mutex_lock \u2014 " + LOCK + ":3", nav.lastQuickOpen().items().get(0).label());
        expected.add("search.run symbols 1 " + review);
        assertEquals(expected, walk(id));
        robot.interact(() -> nav.lastQuickOpen().stage().close());

        // the data the keeper writes for the same question (docs/formats/keeper-protocol.md)
        for (LogEntry e : reads(id)) {
            if (e.type() == EntryType.SEARCH_RUN) {
                assertEquals(java.util.Set.of("query", "kind", "ref", "finished", "linesMatched", "complete"),
                        e.data().keySet());
                assertEquals(Boolean.TRUE, e.data().get("finished"));
                assertEquals(Boolean.TRUE, e.data().get("complete"));
            }
        }

        // locked: each lookup is refused before anything is shown, and the status says why
        robot.interact(nav::back);
        waitUntil(() -> DRIVER.equals(window.view().selectedCodeView().documentPath()));
        robot.interact(nav::clearResults);
        robot.interact(sessions::lockNow);
        waitUntil(() -> window.session().current().orElseThrow().state() == SessionState.LOCKED);
        List<String> beforeLock = walk(id);
        robot.interact(() -> driver.codeArea().moveTo(3, 6));
        robot.interact(() -> window.model().showStatus(""));
        robot.interact(nav::findReferences);
        waitUntil(() -> window.model().statusMessageProperty().get().contains("session.locked"));
        robot.interact(() -> window.model().showStatus(""));
        robot.interact(nav::findCallers);
        waitUntil(() -> window.model().statusMessageProperty().get().contains("session.locked"));
        robot.interact(() -> window.model().showStatus(""));
        robot.interact(nav::goToDefinition);
        waitUntil(() -> window.model().statusMessageProperty().get().contains("session.locked"));
        robot.interact(() -> window.model().showStatus(""));
        robot.interact(() -> nav.hover().hoverAt(driver, first + 2, new Point2D(300, 300)));
        waitUntil(() -> window.model().statusMessageProperty().get().startsWith("No hover card: The session is locked"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(nav.results().items().isEmpty(), "no reference or call line is shown while locked");
        assertFalse(nav.hover().isShowing(), "no hover card while locked");
        assertEquals(DRIVER, window.view().selectedCodeView().documentPath(), "no definition opened while locked");
        assertEquals(beforeLock, walk(id), "nothing recorded while locked");
    }

    @Test
    void outsideASessionGoToSymbolShowsNothing(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        waitUntil(() -> nav.symbols().statusProperty().get().contains("2 files indexed"));
        assertTrue(window.session().current().isEmpty());
        robot.interact(nav::goToSymbol);
        robot.interact(() -> nav.lastQuickOpen().queryField().setText("mtxlck"));
        waitUntil(() -> window.model().statusMessageProperty().get().contains("session.none"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(nav.lastQuickOpen().items().isEmpty(), "no symbol is listed outside a session");
        robot.interact(() -> nav.lastQuickOpen().stage().close());
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
            walk.add(e.type() == EntryType.FILE_OPENED ? "file.opened " + data.get("path")
                    // the query itself may be kept as a commitment (the room's log sensitivity), as through the keeper
                    : "search.run " + data.get("kind") + " " + data.get("linesMatched") + " " + data.get("ref"));
        }
        return walk;
    }

    private String selectedText() {
        CodeViewPane pane = window.view().selectedCodeView();
        return pane == null ? "" : pane.text();
    }

    private static Path createRepository(Path work) throws Exception {
        Files.createDirectories(work);
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Map<String, String> files = Map.of(
                    LOCK, "#include <linux/mutex.h>\n\nvoid mutex_lock(struct mutex *lock)\n{\n"
                            + "\tmight_sleep();\n\t__mutex_lock_fast(lock);\n}\n",
                    DRIVER, "static int probe(struct device *d)\n{\n\tint err;\n\tmutex_lock(&d->lock);\n"
                            + "\terr = setup(d);\n\tmutex_unlock(&d->lock);\n\treturn err;\n}\n\n"
                            + "static void remove(struct device *d)\n{\n\tmutex_lock(&d->lock);\n}\n");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = work.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Vendor", "vendor@example.org", Instant.parse("2026-01-01T00:00:00Z"),
                    ZoneOffset.UTC);
            git.commit().setMessage("initial").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        return work;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        // generous: the machine is shared; this waits for an outcome, it does not measure time
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
