package airlock.ui.navigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.code.CodeViewPane;
import airlock.ui.search.SearchHit;
import airlock.ui.search.SearchViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.IndexRange;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19: callers (Ctrl+Alt+H) are shown as references are — grouped under their file's header, each
 * with its code line and the called name highlighted, the calling function kept in the row's label.
 */
@ExtendWith(ApplicationExtension.class)
class CallersGroupedGuiTest {
    @TempDir
    static Path dir;
    private WorkstationWindow window;

    @Start
    void start(Stage stage) throws Exception {
        IsolatedGit.install();
        Path work = dir.resolve("repo-" + System.nanoTime());
        ReadingAidsGuiTest.createRepository(work);
        var repository = new FileRepositoryBuilder().setWorkTree(work.toFile()).setMustExist(true).build();
        GitSource source = GitSource.ofAllRefs(repository, "test-vendor / nav 1.0", "refs/heads/main");
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
        window = new WorkstationWindow(stage, Texts.load(Locale.ROOT), clock, "WS-TEST-0019",
                dir.resolve("db-" + System.nanoTime()));
        stage.show();
        window.model().openSource(source);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void callersAreGroupedByFileWithTheirLineAndTheNameMarked(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        waitUntil(() -> nav.symbols().statusProperty().get().contains("3 files indexed"));
        robot.interact(() -> window.model().openFile(ReadingAidsGuiTest.LOCK, 1));
        waitUntil(() -> window.view().selectedCodeView() != null
                && window.view().selectedCodeView().text().contains("void mutex_lock"));
        robot.interact(() -> window.view().selectedCodeView().codeArea().moveTo(2, 7)); // in "mutex_lock", line 3
        robot.interact(nav::findCallers);
        waitUntil(() -> nav.results().items().size() == 2);
        List<ResultItem> items = nav.results().items();
        String driver = ReadingAidsGuiTest.DRIVER;
        assertEquals(driver, items.get(0).target().path());
        assertEquals(driver, items.get(1).target().path());
        assertEquals("\tmutex_lock(&d->lock);", items.get(0).code().text(), "each call carries its code line");
        assertEquals("mutex_lock", items.get(0).code().text().substring(items.get(0).code().from(), items.get(0).code().to()),
                "the called name is the marked part");
        assertTrue(items.get(0).label().startsWith("probe"), "the label keeps the caller: " + items.get(0).label());
        assertTrue(items.get(1).label().startsWith("remove"), "the label keeps the caller: " + items.get(1).label());
        assertEquals(driver + "  (2)", nav.results().headerAt(0), "the first call of a file starts its group");
        assertEquals(null, nav.results().headerAt(1), "the second call of the same file is in its group");
        assertTrue(robot.lookup(".nav-results .hit-file").tryQuery().isPresent(), "the header is drawn");
        assertTrue(robot.lookup(".nav-results .search-match").tryQuery().isPresent(), "the name is highlighted");
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "read-callers-grouped.png"));
    }

    @Test
    void callsOfOneFileComeTogetherInTheIndexOrder() {
        airlock.core.symbols.Definition a = caller("a");
        airlock.core.symbols.Definition b = caller("b");
        List<airlock.core.symbols.CallSite> sites = List.of(
                new airlock.core.symbols.CallSite(a, new airlock.core.symbols.Reference("x.c", 3, 2, true)),
                new airlock.core.symbols.CallSite(b, new airlock.core.symbols.Reference("y.c", 1, 1, true)),
                new airlock.core.symbols.CallSite(b, new airlock.core.symbols.Reference("x.c", 9, 6, true)));
        List<ResultItem> items = NavigationFeature.callerItems(sites, List.of(" f();", "f();", "\u202Ex = f();"), "f");
        assertEquals(List.of("x.c", "x.c", "y.c"), items.stream().map(i -> i.target().path()).toList());
        assertEquals(List.of(3, 9, 1), items.stream().map(i -> i.target().line()).toList());
        assertEquals("f", items.get(1).code().text().substring(items.get(1).code().from(), items.get(1).code().to()));
        assertTrue(items.get(1).label().contains("\u27E8U+202E\u27E9"), "a bidi control in the label is shown as a token: "
                + items.get(1).label());
    }

    private static airlock.core.symbols.Definition caller(String name) {
        return new airlock.core.symbols.Definition("x.c", name, airlock.core.symbols.SymbolKind.FUNCTION, 1, 1, 2, "", "");
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
