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
 * Reading aids in the real window (issue 19): references and search results grouped by file with their code
 * line, the opened hit marked in the code view (also behind bidi tokens); find in file with regex, case, word,
 * next/previous (F3 / Shift+F3), the count and one line for an invalid pattern.
 */
@ExtendWith(ApplicationExtension.class)
class ReadingAidsGuiTest {
    static final String LOCK = "kernel/locking/mutex.c";
    static final String DRIVER = "drivers/net/driver.c";
    static final String TROJAN = "drivers/net/trojan.c";

    @TempDir
    static Path dir;
    private WorkstationWindow window;

    @Start
    void start(Stage stage) throws Exception {
        IsolatedGit.install();
        Path work = dir.resolve("repo-" + System.nanoTime());
        createRepository(work);
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
    void referencesAreGroupedByFileWithTheirLineAndTheOpenedOneIsMarked(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        waitUntil(() -> nav.symbols().statusProperty().get().contains("3 files indexed"));
        robot.interact(() -> window.model().openFile(LOCK, 1));
        waitUntil(() -> selectedText().contains("void mutex_lock") && decorated());
        robot.interact(() -> window.view().selectedCodeView().codeArea().moveTo(2, 7)); // in "mutex_lock", line 3
        robot.interact(nav::findReferences);
        waitUntil(() -> nav.results().title().startsWith("2 references to mutex_lock"));
        List<ResultItem> items = nav.results().items();
        assertEquals(DRIVER, items.get(0).target().path());
        assertEquals("\tmutex_lock(&d->lock);", items.get(0).code().text(), "each reference carries its code line");
        assertEquals("mutex_lock", items.get(0).code().text().substring(items.get(0).code().from(),
                items.get(0).code().to()), "the name is the marked part");
        assertEquals(DRIVER + "  (2)", nav.results().headerAt(0), "the first row of a file starts its group");
        assertEquals(null, nav.results().headerAt(1), "the second row of the same file is in the same group");
        assertTrue(robot.lookup(".hit-file").tryQuery().isPresent(), "the header is drawn");
        assertTrue(robot.lookup(".nav-results .search-match").tryQuery().isPresent(), "the name is highlighted");
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "read-1-references-grouped.png"));

        robot.interact(() -> nav.results().listView().getSelectionModel().select(1));
        robot.interact(() -> nav.results().listView().requestFocus());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> window.view().selectedCodeView() != null
                && DRIVER.equals(window.view().selectedCodeView().documentPath())
                && window.view().selectedCodeView().markedRange() != null && decorated());
        CodeViewPane driver = window.view().selectedCodeView();
        assertEquals(12, driver.currentLine(), "the opened reference's line");
        assertEquals("mutex_lock", marked(driver), "the opened reference is marked in the code view");
        assertEquals(11, driver.codeArea().offsetToPosition(driver.markedRange().getStart(),
                org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor());
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "read-2-reference-opened.png"));
    }

    @Test
    void searchResultsAreGroupedAndTheOpenedHitIsMarkedEvenBehindBidiTokens(FxRobot robot) throws Exception {
        SearchViewModel search = window.search().model();
        waitUntil(() -> window.model().fileTree().totalFiles() == 3);
        robot.interact(() -> {
            window.search().focusQuery();
            search.queryProperty().set("mutex");
            search.search();
        });
        waitUntil(() -> search.hits().size() == 6);
        List<SearchHit> hits = search.hits();
        assertEquals(DRIVER, hits.get(0).path());
        assertEquals(LOCK, hits.get(5).path());
        waitUntil(() -> robot.lookup(".search-results .hit-file").queryAll().size() == 2);
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "read-3-search-grouped.png"));
        robot.interact(() -> search.open(5));
        waitUntil(() -> window.view().selectedCodeView() != null
                && LOCK.equals(window.view().selectedCodeView().documentPath())
                && window.view().selectedCodeView().markedRange() != null && decorated());
        assertEquals("mutex", marked(window.view().selectedCodeView()));
        assertEquals(6, window.view().selectedCodeView().currentLine());

        // the Trojan Source line: the view shows ⟨U+…⟩ tokens before the match, the mark moves with them
        robot.interact(() -> {
            search.queryProperty().set("admin");
            search.search();
        });
        waitUntil(() -> search.hits().size() == 1);
        robot.interact(() -> search.open(0));
        waitUntil(() -> window.view().selectedCodeView() != null
                && TROJAN.equals(window.view().selectedCodeView().documentPath())
                && selectedText().contains("\u27E8U+202E\u27E9") && window.view().selectedCodeView().markedRange() != null);
        waitUntil(() -> "admin".equals(marked(window.view().selectedCodeView())));
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "read-4-search-hit-behind-tokens.png"));
    }

    @Test
    void findInFileWithRegexCaseWordNextPreviousAndInvalidPattern(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        FindBar bar = nav.findBar();
        waitUntil(() -> window.model().fileTree().totalFiles() == 3);
        robot.interact(() -> window.model().openFile(DRIVER, 1));
        waitUntil(() -> selectedText().contains("mutex_lock(&d->lock)") && decorated());
        CodeViewPane driver = window.view().selectedCodeView();
        robot.interact(driver::focusText);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(bar::isVisible);
        assertTrue(bar.queryField().isFocused(), "Ctrl+F puts the cursor in the find field");

        robot.interact(() -> {
            bar.queryField().setText("");
            bar.regexBox().setSelected(true);
            bar.queryField().setText("mutex_(lock|unlock)");
        });
        waitUntil(() -> "1 of 3".equals(bar.countText()));
        assertEquals("mutex_lock", marked(driver));
        robot.press(KeyCode.F3).release(KeyCode.F3);
        waitUntil(() -> "2 of 3".equals(bar.countText()));
        assertEquals("mutex_unlock", marked(driver));
        assertEquals(6, driver.currentLine());
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "read-5-find-in-file.png"));
        robot.press(KeyCode.F3).release(KeyCode.F3);
        robot.press(KeyCode.F3).release(KeyCode.F3);
        waitUntil(() -> "1 of 3".equals(bar.countText()));
        robot.press(KeyCode.SHIFT, KeyCode.F3).release(KeyCode.F3, KeyCode.SHIFT);
        waitUntil(() -> "3 of 3".equals(bar.countText()));
        assertEquals(12, driver.currentLine(), "Shift+F3 wraps back to the last match");

        robot.interact(() -> {
            bar.regexBox().setSelected(false);
            bar.caseBox().setSelected(true);
            bar.queryField().setText("MUTEX");
        });
        waitUntil(() -> "No matches".equals(bar.countText()));
        robot.interact(() -> bar.caseBox().setSelected(false));
        waitUntil(() -> bar.countText().endsWith(" of 3"));
        robot.interact(() -> {
            bar.wordBox().setSelected(true);
            bar.queryField().setText("lock");
        });
        waitUntil(() -> bar.countText().endsWith(" of 3"));
        assertEquals("lock", marked(driver));
        robot.interact(() -> {
            bar.wordBox().setSelected(false);
            bar.regexBox().setSelected(true);
            bar.queryField().setText("mutex_(lock");
        });
        waitUntil(() -> !bar.errorText().isEmpty());
        assertTrue(bar.errorText().startsWith("Invalid regular expression: Unclosed group"), bar.errorText());
        assertFalse(bar.errorText().contains("\n") || bar.errorText().contains("--regex"), "one line, no CLI advice");
        assertEquals("No matches", bar.countText());
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "read-6-find-invalid.png"));
        robot.interact(() -> bar.queryField().requestFocus());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> !bar.isVisible());
        assertEquals(null, driver.markedRange(), "closing the bar takes the mark away");
    }

    @Test
    void breadcrumbsShowThePathAndTheDefinitionAroundTheCaretAndLeadThere(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        Breadcrumbs crumbs = nav.breadcrumbs();
        waitUntil(() -> window.model().fileTree().totalFiles() == 3);
        robot.interact(() -> window.model().openFile(DRIVER, 12));
        waitUntil(() -> selectedText().contains("mutex_lock(&d->lock)") && decorated()
                && crumbs.texts().contains("function remove"));
        assertEquals(List.of("drivers", "\u203A", "net", "\u203A", "driver.c", "\u203A", "function remove"), crumbs.texts());
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "read-7-breadcrumbs.png"));
        CodeViewPane driver = window.view().selectedCodeView();
        robot.interact(() -> driver.codeArea().moveTo(3, 0));
        waitUntil(() -> crumbs.texts().contains("function probe"));
        robot.interact(() -> driver.codeArea().moveTo(8, 0)); // the blank line between the functions
        waitUntil(() -> crumbs.texts().contains("(top level)"));
        robot.interact(() -> driver.goToLine(13));
        waitUntil(() -> crumbs.texts().contains("function remove"));
        robot.interact(() -> crumbs.fire(3)); // the symbol: its first line
        assertEquals(10, driver.currentLine());
        robot.interact(() -> crumbs.fire(1)); // "net": the folder in the file tree
        var selected = window.view().fileTree().treeView().getSelectionModel().getSelectedItem();
        assertEquals("net", selected.getValue().name());
        assertTrue(window.view().fileTree().treeView().isFocused());
    }

    @Test
    void goToFileAndGoToSymbolTakeTheirKeys(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        waitUntil(() -> nav.symbols().statusProperty().get().contains("3 files indexed"));
        for (Runnable open : List.<Runnable>of(nav::goToFile, nav::goToSymbol)) {
            robot.interact(open);
            assertTrue(nav.lastQuickOpen().queryField().isFocused(), "the dialog takes the focus");
            robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
            waitUntil(() -> !nav.lastQuickOpen().stage().isShowing());
            robot.interact(open);
            robot.interact(() -> nav.lastQuickOpen().stage().getScene().getRoot().lookup(".list-view").requestFocus());
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            waitUntil(() -> !nav.lastQuickOpen().stage().isShowing());
        }
        robot.interact(nav::goToFile);
        robot.write("driver.c");
        waitUntil(() -> !nav.lastQuickOpen().items().isEmpty() && nav.lastQuickOpen().items().get(0).label().equals(DRIVER));
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN).press(KeyCode.UP).release(KeyCode.UP);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> window.view().selectedCodeView() != null && DRIVER.equals(window.view().selectedCodeView().documentPath()));
        assertFalse(nav.lastQuickOpen().stage().isShowing(), "Enter opens the pick and closes the dialog");
    }

    private boolean decorated() {
        CodeViewPane pane = window.view().selectedCodeView();
        return pane != null && window.navigation().isDecorated(pane);
    }

    private static String marked(CodeViewPane pane) {
        IndexRange r = pane.markedRange();
        assertNotNull(r, "a mark");
        return pane.codeArea().getText(r.getStart(), r.getEnd());
    }

    private String selectedText() {
        CodeViewPane pane = window.view().selectedCodeView();
        return pane == null ? "" : pane.text();
    }

    static void createRepository(Path work) throws Exception {
        Files.createDirectories(work);
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Map<String, String> files = Map.of(
                    LOCK, "#include <linux/mutex.h>\n\nvoid mutex_lock(struct mutex *lock)\n{\n"
                            + "\tmight_sleep();\n\t__mutex_lock_fast(lock);\n}\n",
                    DRIVER, "static int probe(struct device *d)\n{\n\tint err;\n\tmutex_lock(&d->lock);\n"
                            + "\terr = setup(d);\n\tmutex_unlock(&d->lock);\n\treturn err;\n}\n\n"
                            + "static void remove(struct device *d)\n{\n\tmutex_lock(&d->lock);\n}\n",
                    TROJAN, "int check(const char *level)\n{\n"
                            + "\tif (strcmp(level, \"user\u202E \u2066// Check if admin\u2069 \u2066\")) {\n"
                            + "\t\treturn 1;\n\t}\n\treturn 0;\n}\n");
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
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
