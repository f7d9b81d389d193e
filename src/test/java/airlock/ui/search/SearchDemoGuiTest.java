package airlock.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.ImportResult;
import airlock.core.bundle.IntakeLimits;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoProject;
import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.core.home.AirlockHome;
import airlock.core.progress.ProgressMonitor;
import airlock.core.search.SearchSummary;
import airlock.testutil.Screenshots;
import airlock.testutil.TestRepository;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.code.CodeViewPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
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
 * The demo as the workstation gets it: the project packed as a signed bundle on the demo media,
 * verified and imported by the real intake, opened from the store. The window builds the bundle's
 * search index in the home; a query typed in the panel is answered from it, results stream in,
 * one opens at the match and F4 / Shift+F4 walk on.
 */
@ExtendWith(ApplicationExtension.class)
class SearchDemoGuiTest {
    @TempDir
    static Path dir;
    private WorkstationWindow window;
    private Path databases;

    @Start
    void start(Stage stage) throws Exception {
        IsolatedGit.install();
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
        Path project = dir.resolve("project-" + System.nanoTime());
        TestRepository.create(project);
        DemoProject demo = new DemoProject(project);
        AirlockHome home = AirlockHome.open(demo.home());
        BundleFiles bundle = new DemoMedia(demo, clock).prepare(home, ProgressMonitor.NONE);
        ImportResult imported = new BundleIntake(home, clock, IntakeLimits.defaults())
                .importBundle(bundle, Optional.empty(), ProgressMonitor.NONE);
        BundleStore store = new BundleStore(home);
        GitSource source = store.open(store.get(imported.storeFolder().orElseThrow().getFileName().toString()));
        databases = home.databases();
        window = new WorkstationWindow(stage, Texts.load(Locale.ROOT), clock, "WS-TEST-0006", databases);
        stage.show();
        window.model().openSource(source);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void theImportedDemoIsIndexedThenSearchedFromTheIndexOpenedAtTheMatchAndWalked(FxRobot robot) throws Exception {
        SearchIndexing indexing = window.search().indexing();
        waitUntil(() -> indexing.stateProperty().get().startsWith("Search index: complete"));
        try (var folders = Files.list(databases.resolve("search"))) {
            assertEquals(1, folders.filter(f -> f.getFileName().toString().startsWith("bundle-")).count(),
                    "the index is kept in the home, keyed by the bundle");
        }
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("VALUE_1");
        SearchViewModel model = window.search().model();
        waitUntil(() -> model.summaryProperty().get().startsWith("11 lines"));
        assertEquals(SearchSummary.Coverage.INDEXED, model.lastResultProperty().get().coverage());
        assertEquals(11, model.hits().size());
        assertEquals("src/main/Hello.java", model.hits().get(0).path());
        robot.interact(() -> save("search-demo-results.png"));

        robot.press(KeyCode.F4).release(KeyCode.F4);
        waitUntil(() -> selected() != null && selected().currentLine() == model.hits().get(0).line());
        assertTrue(selected().text().contains("VALUE_1"));
        robot.interact(() -> save("search-demo-opened.png"));
        robot.press(KeyCode.F4).release(KeyCode.F4);
        waitUntil(() -> model.currentProperty().get() == 1 && selected().currentLine() == model.hits().get(1).line());
        robot.press(KeyCode.SHIFT, KeyCode.F4).release(KeyCode.F4, KeyCode.SHIFT);
        waitUntil(() -> model.currentProperty().get() == 0 && selected().currentLine() == model.hits().get(0).line());
        robot.interact(() -> save("search-demo-walked.png"));
    }

    private CodeViewPane selected() {
        return window.view().selectedCodeView();
    }

    private void save(String name) {
        try {
            Screenshots.save(window.stage().getScene(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
