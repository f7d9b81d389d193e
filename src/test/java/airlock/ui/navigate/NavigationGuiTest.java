package airlock.ui.navigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.code.CodeViewPane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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

/** Drives navigation in the real window (headless): definition and back, references, Trojan Source marks. */
@ExtendWith(ApplicationExtension.class)
class NavigationGuiTest {
    static final String LOCK = "kernel/locking/mutex.c";
    static final String DRIVER = "drivers/net/driver.c";
    static final String TROJAN = "drivers/net/trojan.c";

    @TempDir
    static Path dir;
    private WorkstationWindow window;
    private Path work;

    @Start
    void start(Stage stage) throws Exception {
        IsolatedGit.install();
        work = dir.resolve("repo-" + System.nanoTime());
        createRepository(work);
        var repository = new FileRepositoryBuilder().setWorkTree(work.toFile()).setMustExist(true).build();
        GitSource source = GitSource.ofAllRefs(repository, "test-vendor / nav 1.0", "refs/heads/main");
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
        window = new WorkstationWindow(stage, Texts.load(Locale.ROOT), clock, "WS-TEST-0002",
                dir.resolve("db-" + System.nanoTime()));
        stage.show();
        window.model().openSource(source);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void goToDefinitionAndBackThenFindReferences(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        waitUntil(() -> nav.symbols().statusProperty().get().contains("3 files indexed"));
        robot.interact(() -> window.model().openFile(DRIVER, 1));
        waitUntil(() -> selectedText().contains("mutex_lock(&d->lock)")
                && nav.decorator().decorationOf(window.view().selectedCodeView()) != null);
        CodeViewPane driver = window.view().selectedCodeView();
        robot.interact(() -> driver.codeArea().moveTo(3, 6)); // inside "mutex_lock" on line 4
        assertEquals("mutex_lock", nav.wordAtCaret());
        robot.interact(() -> shot(robot.window(0), "nav-1-file-open.png"));

        robot.interact(() -> driver.focusText());
        robot.press(KeyCode.F12).release(KeyCode.F12);
        waitUntil(() -> window.view().selectedCodeView() != null
                && LOCK.equals(window.view().selectedCodeView().documentPath()));
        waitUntil(() -> window.view().selectedCodeView().currentLine() == 3);
        robot.interact(() -> shot(robot.window(0), "nav-2-definition.png"));

        robot.interact(nav::back);
        waitUntil(() -> DRIVER.equals(window.view().selectedCodeView().documentPath()));
        assertEquals(4, window.view().selectedCodeView().currentLine());
        robot.interact(() -> shot(robot.window(0), "nav-3-back.png"));

        robot.interact(() -> driver.codeArea().moveTo(3, 6));
        robot.interact(nav::findReferences);
        waitUntil(() -> nav.results().title().startsWith("2 references to mutex_lock"));
        assertTrue(nav.results().items().get(0).label().startsWith(DRIVER + ":4:"));
        robot.interact(() -> shot(robot.window(0), "nav-4-references.png"));

        robot.interact(nav::findCallers);
        waitUntil(() -> nav.results().title().startsWith("2 calls of mutex_lock"));
        assertTrue(nav.results().items().get(0).label().startsWith("probe"));
        waitUntil(() -> nav.outline().items().size() == 2);
        assertEquals("function probe \u2014 " + DRIVER + ":1", nav.outline().items().get(0).label());
    }

    @Test
    void trojanSourceIsVisibleMarkedAndBannered(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        waitUntil(() -> window.model().fileTree().totalFiles() == 3);
        robot.interact(() -> window.model().openFile(TROJAN, 1));
        waitUntil(() -> selectedText().contains("\u27E8U+202E\u27E9"));
        CodeViewPane pane = window.view().selectedCodeView();
        String shown = pane.text();
        assertFalse(shown.contains("\u202E") || shown.contains("\u2066") || shown.contains("\u2069"));
        assertEquals(4, nav.decorator().decorationOf(pane).display().findings().size());
        assertTrue(robot.lookup(".invisible-banner").tryQuery().isPresent(), "the file has a banner");
        assertTrue(robot.lookup(".invisible-mark").tryQuery().isPresent(), "the line has a gutter mark");
        assertTrue(pane.codeArea().getStyleAtPosition(shown.indexOf("\u27E8U+202E") + 1).contains(
                CodeDecorator.TOKEN_CLASS));
        robot.interact(() -> shot(robot.window(0), "nav-5-trojan-source.png"));
    }

    @Test
    void wordHighlightBracketHoverSplitViewAndTreeMarks(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        waitUntil(() -> nav.symbols().statusProperty().get().contains("3 files indexed"));
        robot.interact(() -> window.model().openFile(DRIVER, 1));
        waitUntil(() -> selectedText().contains("mutex_lock(&d->lock)")
                && nav.decorator().decorationOf(window.view().selectedCodeView()) != null);
        CodeViewPane driver = window.view().selectedCodeView();
        String text = driver.text();

        int first = text.indexOf("mutex_lock(");
        int second = text.indexOf("mutex_lock(", first + 1);
        int unlock = text.indexOf("mutex_unlock");
        // styles are read on the FX thread, in the same step as the refresh (the caret's own timer refreshes too)
        boolean[] word = new boolean[3];
        robot.interact(() -> {
            driver.codeArea().moveTo(3, 6); // inside "mutex_lock" on line 4
            nav.aids().refresh(driver);
            word[0] = driver.codeArea().getStyleAtPosition(first + 1).contains(CodeAids.WORD_CLASS);
            word[1] = driver.codeArea().getStyleAtPosition(second + 1).contains(CodeAids.WORD_CLASS);
            word[2] = driver.codeArea().getStyleAtPosition(unlock + 1).contains(CodeAids.WORD_CLASS);
        });
        assertTrue(word[0] && word[1], "both uses of mutex_lock are marked");
        assertFalse(word[2], "whole words only");
        robot.interact(() -> shot(robot.window(0), "nav-7-word-highlight.png"));

        int open = text.indexOf('{');
        int close = text.indexOf("}\n");
        boolean[] bracket = new boolean[2];
        robot.interact(() -> {
            driver.codeArea().moveTo(open);
            nav.aids().refresh(driver);
            bracket[0] = driver.codeArea().getStyleAtPosition(close + 1).contains(CodeAids.BRACKET_CLASS);
            bracket[1] = driver.codeArea().getStyleAtPosition(first + 1).contains(CodeAids.WORD_CLASS);
        });
        assertTrue(bracket[0], "the matching bracket is marked");
        assertFalse(bracket[1], "the previous word marks are gone");

        robot.interact(() -> nav.hover().hoverAt(driver, first + 2, new javafx.geometry.Point2D(300, 300)));
        waitUntil(() -> nav.hover().isShowing());
        assertEquals("function mutex_lock \u2014 " + LOCK + ":3\n    void mutex_lock(struct mutex *lock)",
                nav.hover().lastText());
        robot.interact(() -> shot(robot.listWindows().stream().filter(w -> w instanceof javafx.stage.Popup)
                .findFirst().orElseThrow(), "nav-8-hover.png"));
        robot.interact(nav.hover()::hide);

        robot.interact(() -> driver.goToLine(10));
        robot.interact(() -> nav.split().toggle());
        waitUntil(() -> nav.split().pane() != null && nav.split().pane().text().equals(driver.text())
                && nav.isDecorated(nav.split().pane()));
        assertEquals(10, nav.split().pane().currentLine(), "the split opens at the same line");
        robot.interact(() -> window.model().openFile(LOCK, 1));
        waitUntil(() -> selectedText().contains("might_sleep"));
        assertEquals(DRIVER, nav.split().pane().documentPath(), "the split stays on its file while the tabs move on");
        robot.interact(() -> shot(robot.window(0), "nav-9-split-view.png"));
        robot.interact(() -> nav.split().toggle());
        assertTrue(nav.split().pane() == null);

        waitUntil(() -> window.model().fileTree().contentMarksProperty().get().containsKey(TROJAN));
        robot.interact(() -> window.view().fileTree().reveal(TROJAN));
        waitUntil(() -> robot.lookup(".tree-mark-invisible").tryQuery().isPresent());
        assertEquals(java.util.Set.of(airlock.core.symbols.FileMark.INVISIBLE), window.model().fileTree().marksOf(
                window.model().sourceProperty().get().find("refs/heads/main", TROJAN)));
        robot.interact(() -> shot(robot.window(0), "nav-10-tree-marks.png"));
    }

    @Test
    void goToFileFindsByFuzzyName(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        waitUntil(() -> !nav.symbols().files().find("mutex", 5).isEmpty());
        robot.interact(nav::goToFile);
        robot.interact(() -> nav.lastQuickOpen().queryField().setText("drvdriver"));
        robot.interact(() -> shot(nav.lastQuickOpen().stage(), "nav-6-go-to-file.png"));
        robot.interact(() -> nav.lastQuickOpen().queryField().fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false)));
        waitUntil(() -> window.view().selectedCodeView() != null
                && DRIVER.equals(window.view().selectedCodeView().documentPath()));

        // go to symbol answers from the index in the background
        waitUntil(() -> nav.symbols().statusProperty().get().contains("3 files indexed"));
        robot.interact(nav::goToSymbol);
        robot.interact(() -> nav.lastQuickOpen().queryField().setText("mtxlck"));
        waitUntil(() -> !nav.lastQuickOpen().items().isEmpty());
        assertEquals("function mutex_lock \u2014 " + LOCK + ":3", nav.lastQuickOpen().items().get(0).label());
        robot.interact(() -> nav.lastQuickOpen().stage().close());
    }

    /**
     * Issue 16: through the keeper the file list arrives a moment after the session starts, and the
     * xvfb demo typed Ctrl+P, a name and Return before it had: the window showed nothing, Return
     * picked nothing and no file opened. The open window now asks again when the list arrives.
     */
    @Test
    void goToFileTypedBeforeTheFileListArrivesFindsTheFileOnceItDoes(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        java.util.concurrent.CountDownLatch listed = new java.util.concurrent.CountDownLatch(1);
        // its own repository: opening a source closes the one before
        var repository = new FileRepositoryBuilder().setWorkTree(work.toFile()).setMustExist(true).build();
        SlowList slow = new SlowList(GitSource.ofAllRefs(repository, "test-vendor / nav 1.0", "refs/heads/main"), listed);
        robot.interact(() -> window.model().openSource(slow));
        waitUntil(() -> slow.asked);
        robot.interact(nav::goToFile);
        robot.interact(() -> nav.lastQuickOpen().queryField().setText("drvdriver"));
        assertTrue(nav.lastQuickOpen().items().isEmpty(), "nothing is listed yet");
        listed.countDown();
        waitUntil(() -> !nav.lastQuickOpen().items().isEmpty());
        assertEquals(DRIVER, nav.lastQuickOpen().items().get(0).target().path());
        robot.interact(() -> nav.lastQuickOpen().queryField().fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false)));
        waitUntil(() -> window.view().selectedCodeView() != null
                && DRIVER.equals(window.view().selectedCodeView().documentPath()));
    }

    /** A source whose file list comes only once {@code listed} is counted down (as the keeper's comes later). */
    private static final class SlowList implements airlock.core.source.SourceTree {
        private final GitSource source;
        private final java.util.concurrent.CountDownLatch listed;
        volatile boolean asked;

        SlowList(GitSource source, java.util.concurrent.CountDownLatch listed) {
            this.source = source;
            this.listed = listed;
        }

        @Override
        public String label() {
            return source.label();
        }

        @Override
        public java.util.List<String> refs() {
            return source.refs();
        }

        @Override
        public String reviewRef() {
            return source.reviewRef();
        }

        @Override
        public String commitOf(String ref) throws airlock.core.AirlockException {
            return source.commitOf(ref);
        }

        @Override
        public java.util.List<airlock.core.source.SourceEntry> list(String ref) throws airlock.core.AirlockException {
            asked = true;
            try {
                if (!listed.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new airlock.core.AirlockException("test.timeout", "the test never released the list");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new airlock.core.AirlockException("test.interrupted", "interrupted");
            }
            return source.list(ref);
        }

        @Override
        public airlock.core.source.SourceEntry find(String ref, String path) throws airlock.core.AirlockException {
            return source.find(ref, path);
        }

        @Override
        public byte[] read(airlock.core.source.SourceEntry entry, long maxBytes) throws airlock.core.AirlockException {
            return source.read(entry, maxBytes);
        }

        @Override
        public void close() {
            source.close();
        }
    }

    private static void createRepository(Path work) throws Exception {
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

    private String selectedText() {
        CodeViewPane pane = window.view().selectedCodeView();
        return pane == null ? "" : pane.text();
    }

    private static void shot(Window w, String name) {
        try {
            Screenshots.save(w.getScene(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        // generous: the machine is shared; this waits for an outcome, it does not measure time
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
