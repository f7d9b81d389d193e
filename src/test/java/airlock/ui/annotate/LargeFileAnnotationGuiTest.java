package airlock.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.Annotation;
import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.testutil.Screenshots;
import airlock.testutil.TestSessions;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
 * An annotation made on a later page of a large file anchors to the file's line and text there, and
 * its mark shows on that page: the page's text is aligned with the file from where the page begins.
 */
@ExtendWith(ApplicationExtension.class)
class LargeFileAnnotationGuiTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    /** ~6 MB in three pages; "é" makes characters and bytes differ, so a byte/character mix-up would show. */
    private static final int LINES = 200_000;
    @TempDir
    static Path dir;
    private WorkstationWindow window;
    private TestSessions session;

    @Start
    void start(Stage stage) throws Exception {
        IsolatedGit.install();
        Path work = dir.resolve("repo-" + System.nanoTime());
        Files.createDirectories(work);
        StringBuilder big = new StringBuilder(LINES * 32);
        for (int i = 1; i <= LINES; i++) {
            big.append("/* caf\u00e9 */ int v").append(i).append(" = ").append(i % 977).append(";\n");
        }
        Files.writeString(work.resolve("big.c"), big, StandardCharsets.UTF_8);
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Vendor", "dev@example.invalid");
            git.commit().setMessage("big").setAuthor(who).setCommitter(who).setSign(false).call();
            git.tag().setName("v1.0").setAnnotated(false).call();
        }
        var repository = new FileRepositoryBuilder().setWorkTree(work.toFile()).setMustExist(true).build();
        GitSource source = GitSource.ofAllRefs(repository, "vendor / big", "refs/tags/v1.0");
        session = TestSessions.start(dir.resolve("home-" + System.nanoTime()), "s-2026-11-29-a", "Alice Inspector", CLOCK, 0);
        window = new WorkstationWindow(stage, Texts.load(Locale.ROOT), CLOCK, "WS-TEST-0008", session.home().databases());
        window.session().open(session.session());
        stage.show();
        window.model().openSource(source);
    }

    @Stop
    void stop() throws Exception {
        window.close();
        session.close();
    }

    @Test
    void anAnnotationOnTheThirdPageAnchorsToTheFilesLine(FxRobot robot) throws Exception {
        AnnotationsFeature feature = window.annotations();
        waitUntil(() -> feature.model().bindingProperty().get() != null && window.model().fileTree().totalFiles() == 1);
        int line = LINES - 100;
        robot.interact(() -> window.model().openFile("big.c", line));
        waitUntil(() -> view() != null && view().page() != null && view().page().isLast() && view().currentLine() == line);
        CodeViewPane pane = view();
        assertTrue(pane.page().index() >= 2, "on the third page: " + pane.page());
        waitUntil(() -> feature.codeMarks().of(pane).map(m -> m.map != null).orElse(false));

        String target = "int v" + line + " = " + (line % 977) + ";";
        robot.interact(() -> {
            int paragraph = pane.codeArea().getCurrentParagraph();
            int start = pane.codeArea().getAbsolutePosition(paragraph, pane.codeArea().getParagraph(paragraph).getText()
                    .indexOf("int v"));
            pane.codeArea().selectRange(start, start + target.length());
        });
        robot.interact(feature::annotateSelection);
        waitUntil(() -> feature.lastEditor() != null && feature.lastEditor().stage().isShowing());
        robot.interact(() -> {
            feature.lastEditor().titleField().setText("Magic number on a late page");
            feature.lastEditor().trySave();
        });
        waitUntil(() -> feature.model().annotations().size() == 1);
        Annotation a = feature.model().annotations().get(0);
        assertEquals(target, a.anchor().primary().originalText());
        assertEquals(line, a.anchor().primary().range().startLine(), "the file's line, not the page's");
        // the mark is on the caret's line of this page
        int viewLine = line - 1 - pane.lineOffset();
        waitUntil(() -> feature.codeMarks().of(pane).map(m -> m.byLine.containsKey(viewLine)).orElse(false));
        robot.interact(() -> Screenshots.shot(robot.window(0).getScene(), "large-file-annotation.png"));
    }

    private CodeViewPane view() {
        return window.view().selectedCodeView();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        // generous: the machine is shared; this waits for an outcome, it does not measure time
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
