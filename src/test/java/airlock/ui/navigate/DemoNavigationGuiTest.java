package airlock.ui.navigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.demo.DemoProject;
import airlock.core.git.GitSource;
import airlock.core.history.FileChange;
import airlock.core.history.VersionHistory;
import airlock.core.progress.ProgressMonitor;
import airlock.testutil.DemoWorkspace;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.code.CodeViewPane;
import airlock.ui.intake.IntakeView;
import airlock.ui.intake.IntakeViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "done when" flow on the real demo: this project's own history packed and signed by
 * the demo vendor key, verified and accepted through the intake screen, then navigated in the
 * workstation — tree, open a file, definition and back, references, switch versions, a diff —
 * with a screenshot of each step (demo-nav-*.png).
 */
@ExtendWith(ApplicationExtension.class)
class DemoNavigationGuiTest {
    static final String FILE = "src/main/java/airlock/core/demo/DemoProject.java";
    static final String DEFINITION = "src/main/java/airlock/core/git/IsolatedGit.java";

    @TempDir
    static Path dir;
    private WorkstationWindow window;
    private IntakeViewModel intake;
    private IntakeView intakeView;
    private DemoProject demo;

    @Start
    void start(Stage stage) throws Exception {
        DemoWorkspace workspace = DemoWorkspace.prepare(dir);
        demo = workspace.demo();
        DemoWorkspace.Opened opened = workspace.open(stage, Texts.load(Locale.ROOT), "WS-TEST-DEMO");
        window = opened.window();
        intake = opened.intake();
        intakeView = opened.intakeView();
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void navigatesTheDemoBundleFromIntakeToADiff(FxRobot robot) throws Exception {
        Texts texts = Texts.load(Locale.ROOT);
        robot.interact(() -> intake.openFolderAsMedium(demo.media()));
        waitUntil(() -> intake.bundles().size() == 1);
        robot.interact(() -> intake.selectedBundleProperty().set(intake.bundles().get(0)));
        robot.clickOn(texts.get("intake.verify"));
        waitUntil(() -> intake.stageProperty().get() == IntakeViewModel.Stage.ACCEPTED);
        robot.interact(() -> shot(intakeView.stage(), "demo-nav-1-intake.png"));
        robot.clickOn(texts.get("intake.accept"));
        waitUntil(() -> window.model().sourceProperty().get() != null);
        GitSource source = (GitSource) window.model().sourceProperty().get();
        List<String> refs = source.refs();
        assertTrue(refs.size() >= 2, "the demo carries an earlier version: " + refs);
        String reviewRef = source.reviewRef();
        NavigationFeature nav = window.navigation();

        // the tree: reveal the file, open it with Enter
        waitUntil(() -> window.model().fileTree().totalFiles() > 100);
        robot.interact(() -> assertTrue(window.view().fileTree().reveal(FILE)));
        robot.interact(() -> shot(window.stage(), "demo-nav-2-tree.png"));
        robot.interact(() -> window.view().fileTree().focusTree());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> selected() != null && FILE.equals(selected().documentPath())
                && selected().text().contains("IsolatedGit.install();") && nav.isDecorated(selected()));
        robot.interact(() -> shot(window.stage(), "demo-nav-3-file.png"));

        // go to the definition of IsolatedGit (F12) once the index has it, and back
        waitUntil(() -> nav.symbols().statusProperty().get().matches("Symbols: [0-9,]+ files indexed"));
        CodeViewPane file = selected();
        int at = file.text().indexOf("IsolatedGit.install();") + 3;
        robot.interact(() -> {
            window.stage().requestFocus();
            file.codeArea().moveTo(at);
            file.focusText();
        });
        int line = file.currentLine();
        assertEquals("IsolatedGit", nav.wordAtCaret());
        robot.press(KeyCode.F12).release(KeyCode.F12);
        // the class and its private constructor are both definitions: the chooser lists them, the class first
        waitUntil(() -> nav.results().title().matches("\\d+ definitions of IsolatedGit.*"));
        robot.interact(() -> shot(window.stage(), "demo-nav-4-definition-chooser.png"));
        assertTrue(nav.results().items().get(0).label().startsWith("class IsolatedGit"), nav.results().items().toString());
        // issue 19: the chooser takes the focus itself, and Enter opens the selected definition
        waitUntil(() -> nav.results().listView().isFocused());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> DEFINITION.equals(selected().documentPath()) && selected().text().contains("class IsolatedGit"));
        waitUntil(() -> selected().text().split("\n", -1)[selected().currentLine() - 1].contains("class IsolatedGit"));
        robot.interact(() -> shot(window.stage(), "demo-nav-5-definition.png"));
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        waitUntil(() -> FILE.equals(selected().documentPath()) && selected().currentLine() == line);
        robot.interact(() -> shot(window.stage(), "demo-nav-6-back.png"));

        // references to IsolatedGit: the panel lists every use, this file's among them
        robot.interact(() -> file.codeArea().moveTo(at));
        robot.interact(nav::findReferences);
        waitUntil(() -> nav.results().title().contains("references to IsolatedGit"));
        assertTrue(nav.results().items().stream().anyMatch(i -> i.label().startsWith(FILE + ":" + line + ":")),
                "the use under the caret is among the references");
        robot.interact(() -> shot(window.stage(), "demo-nav-7-references.png"));

        // switch to the earlier version, then diff a file that changed between the two
        String earlier = refs.stream().filter(r -> !r.equals(reviewRef)).findFirst().orElseThrow();
        robot.interact(() -> window.versions().switchTo(earlier));
        waitUntil(() -> earlier.equals(window.model().sourceProperty().get().reviewRef())
                && window.model().fileTree().totalFiles() > 0);
        robot.interact(() -> shot(window.stage(), "demo-nav-8-earlier-version.png"));
        GitSource now = (GitSource) window.model().sourceProperty().get();
        List<FileChange> changes = new VersionHistory(now).changes(earlier, reviewRef, ProgressMonitor.NONE);
        FileChange change = changes.stream().filter(c -> c.newPath() != null && c.oldPath() != null
                && c.newPath().endsWith(".java")).findFirst().orElse(changes.get(0));
        robot.interact(() -> window.versions().compare(earlier, reviewRef));
        robot.interact(() -> window.versions().openDiff(change));
        waitUntil(() -> versionsWindow(robot) != null
                && robot.from(versionsWindow(robot).getScene().getRoot()).lookup(".airlock-diff").tryQuery().isPresent());
        Node diff = robot.from(versionsWindow(robot).getScene().getRoot()).lookup(".airlock-diff").query();
        assertTrue(diff.isVisible());
        assertFalse(changes.isEmpty());
        robot.interact(() -> shot(versionsWindow(robot), "demo-nav-9-diff.png"));
    }

    private Window versionsWindow(FxRobot robot) {
        return robot.listWindows().stream()
                .filter(w -> w != window.stage() && w != intakeView.stage() && w instanceof Stage && w.isShowing())
                .findFirst().orElse(null);
    }

    private CodeViewPane selected() {
        return window.view().selectedCodeView();
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
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
