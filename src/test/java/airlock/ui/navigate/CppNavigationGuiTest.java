package airlock.ui.navigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.core.syntax.Language;
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
import java.util.List;
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

/**
 * C++ in the real window (headless): an extension-less header is recognised by its content, so its outline,
 * go to symbol and the highlighting are C++'s, with qualified names, kinds and paths (issue 21).
 */
@ExtendWith(ApplicationExtension.class)
class CppNavigationGuiTest {
    static final String HEADER = "include/widget";
    static final String SOURCE = "src/widget.cc";
    /** A vendor's file name with a right-to-left override: shown as a token, never applied. */
    static final String BIDI = "src/paint\u202Ecc.cc";
    /** One function in both branches of an #ifdef whose condition hides a right-to-left override. */
    static final String BRANCHES = "src/render.cc";

    @TempDir
    static Path dir;
    private WorkstationWindow window;

    @Start
    void start(Stage stage) throws Exception {
        IsolatedGit.install();
        Path work = dir.resolve("repo-" + System.nanoTime());
        createRepository(work);
        var repository = new FileRepositoryBuilder().setWorkTree(work.toFile()).setMustExist(true).build();
        GitSource source = GitSource.ofAllRefs(repository, "test-vendor / widgets 1.0", "refs/heads/main");
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
        window = new WorkstationWindow(stage, Texts.load(Locale.ROOT), clock, "WS-TEST-0021",
                dir.resolve("db-" + System.nanoTime()));
        stage.show();
        window.model().openSource(source);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void extensionlessHeaderIsCppInOutlineGoToSymbolAndHighlighting(FxRobot robot) throws Exception {
        NavigationFeature nav = window.navigation();
        waitUntil(() -> nav.symbols().statusProperty().get().contains("4 files indexed"));
        robot.interact(() -> window.model().openFile(HEADER, 1));
        waitUntil(() -> selectedText().contains("class Widget")
                && nav.decorator().decorationOf(window.view().selectedCodeView()) != null);
        CodeViewPane header = window.view().selectedCodeView();
        assertEquals(Language.CPP, nav.decorator().decorationOf(header).language());

        // highlighting: C++ keywords, which C's lexer (the path alone says nothing) would leave plain
        String text = header.text();
        for (String keyword : List.of("namespace", "class")) {
            int at = text.indexOf(keyword + " ");
            waitUntil(() -> header.codeArea().getStyleAtPosition(at + 1).contains("syntax-keyword"));
        }
        assertFalse(header.codeArea().getStyleAtPosition(text.indexOf("Widget") + 1).contains("syntax-keyword"));

        // the outline: kind, qualified name, path and line
        waitUntil(() -> nav.outline().items().stream().anyMatch(i -> i.label().contains("ns::Widget::size")));
        List<String> outline = nav.outline().items().stream().map(ResultItem::label).toList();
        assertEquals(List.of("namespace ns \u2014 " + HEADER + ":4", "    class ns::Widget \u2014 " + HEADER + ":5",
                "    prototype ns::Widget::draw \u2014 " + HEADER + ":7",
                "    method ns::Widget::size \u2014 " + HEADER + ":8"), outline.subList(0, 4));
        robot.interact(() -> nav.outlineTab().getTabPane().getSelectionModel().select(nav.outlineTab()));
        robot.interact(() -> shot(robot.window(0), "nav-cpp-1-header-outline.png"));

        // the word marks know "namespace" is a keyword in this file: the caret on it marks nothing
        int ns = text.indexOf("namespace");
        robot.interact(() -> {
            header.codeArea().moveTo(ns + 2);
            nav.aids().refresh(header);
        });
        assertFalse(header.codeArea().getStyleAtPosition(ns + 1).contains(CodeAids.WORD_CLASS));
        int widget = text.indexOf("Widget");
        robot.interact(() -> {
            header.codeArea().moveTo(widget + 2);
            nav.aids().refresh(header);
        });
        assertTrue(header.codeArea().getStyleAtPosition(widget + 1).contains(CodeAids.WORD_CLASS));

        // go to symbol: one row per definition with kind, qualified name and path
        robot.interact(nav::goToSymbol);
        robot.interact(() -> nav.lastQuickOpen().queryField().setText("draw"));
        waitUntil(() -> !nav.lastQuickOpen().items().isEmpty());
        List<String> rows = nav.lastQuickOpen().items().stream().map(ResultItem::label).toList();
        // the definition first, the in-class declaration after it
        assertEquals(List.of("method ns::Widget::draw \u2014 " + SOURCE + ":3",
                "prototype ns::Widget::draw \u2014 " + HEADER + ":7"), rows);
        robot.interact(() -> shot(nav.lastQuickOpen().stage(), "nav-cpp-2-go-to-symbol.png"));
        robot.interact(() -> nav.lastQuickOpen().queryField().fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false)));
        waitUntil(() -> window.view().selectedCodeView() != null
                && SOURCE.equals(window.view().selectedCodeView().documentPath()));
        waitUntil(() -> window.view().selectedCodeView().currentLine() == 3);
        robot.interact(() -> shot(robot.window(0), "nav-cpp-3-picked.png"));

        // a hostile path in a go to symbol row is escaped
        robot.interact(nav::goToSymbol);
        robot.interact(() -> nav.lastQuickOpen().queryField().setText("paint"));
        waitUntil(() -> !nav.lastQuickOpen().items().isEmpty());
        assertEquals(List.of("method ns::Widget::paint \u2014 src/paint\u27E8U+202E\u27E9cc.cc:2"),
                nav.lastQuickOpen().items().stream().map(ResultItem::label).toList());
        robot.interact(() -> nav.lastQuickOpen().stage().close());

        // one name defined in both branches of an #ifdef: each row says which branch, the vendor's text escaped
        robot.interact(nav::goToSymbol);
        robot.interact(() -> nav.lastQuickOpen().queryField().setText("render"));
        waitUntil(() -> nav.lastQuickOpen().items().size() == 2);
        assertEquals(List.of("function render \u2014 " + BRANCHES + ":2 [#ifdef HAVE_GL\u27E8U+202E\u27E9]",
                "function render \u2014 " + BRANCHES + ":4 [#else of HAVE_GL\u27E8U+202E\u27E9]"),
                nav.lastQuickOpen().items().stream().map(ResultItem::label).toList());
        robot.interact(() -> shot(nav.lastQuickOpen().stage(), "nav-cpp-4-branches.png"));
        robot.interact(() -> nav.lastQuickOpen().stage().close());
    }

    private static void createRepository(Path work) throws Exception {
        Files.createDirectories(work);
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Map<String, String> files = Map.of(
                    // no extension: only the mode line and the file-scope namespace say it is C++
                    HEADER, "// -*- C++ -*-\n#pragma once\n\nnamespace ns {\nclass Widget {\npublic:\n"
                            + "    void draw();\n    int size() const { return count; }\nprivate:\n    int count;\n};\n}\n",
                    SOURCE, "#include \"widget\"\n\nvoid ns::Widget::draw() {}\n",
                    BIDI, "#include \"widget\"\nvoid ns::Widget::paint() {}\n",
                    BRANCHES, "#ifdef HAVE_GL\u202E\nint render(void) { return 1; }\n#else\nint render(void) { return 0; }\n"
                            + "#endif\n");
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
