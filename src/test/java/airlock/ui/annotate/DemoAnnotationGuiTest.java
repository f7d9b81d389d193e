package airlock.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.AnchorState;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.demo.DemoProject;
import airlock.core.export.ExportFormat;
import airlock.core.git.GitSource;
import airlock.testutil.DemoWorkspace;
import airlock.testutil.Screenshots;
import airlock.testutil.TestSessions;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.code.CodeViewPane;
import airlock.ui.intake.IntakeViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
 * The annotation issue's flow on the real demo: this project's own history, packed and signed by the
 * demo vendor key and accepted through the intake, in a session: annotate a range, reply, change
 * status, mark the file reviewed, switch to the demo's earlier version and see the finding placed
 * there, export every format; the session log verifies (demo-annot-*.png).
 */
@ExtendWith(ApplicationExtension.class)
class DemoAnnotationGuiTest {
    /** A file of the first sessions: present in the demo's current and earlier version alike. */
    static final String FILE = "src/main/java/airlock/core/git/IsolatedGit.java";
    static final String CODE = "public final class IsolatedGit";

    @TempDir
    static Path dir;
    private WorkstationWindow window;
    private IntakeViewModel intake;
    private DemoProject demo;
    private TestSessions session;

    @Start
    void start(Stage stage) throws Exception {
        DemoWorkspace workspace = DemoWorkspace.prepare(dir);
        demo = workspace.demo();
        session = TestSessions.start(demo.home(), "s-demo-annotations", "Ada Inspector", workspace.clock(), 0);
        DemoWorkspace.Opened opened = workspace.open(stage, Texts.load(Locale.ROOT), "WS-TEST-DEMO");
        window = opened.window();
        window.session().open(session.session());
        intake = opened.intake();
    }

    @Stop
    void stop() throws Exception {
        window.close();
        session.close();
    }

    @Test
    void annotateReplyTriageReviewSwitchVersionAndExportOnTheDemo(FxRobot robot) throws Exception {
        robot.interact(() -> intake.openFolderAsMedium(demo.media()));
        waitUntil(() -> intake.bundles().size() == 1 && intake.selectedBundleProperty().get() != null);
        robot.interact(intake::verify);
        waitUntil(() -> intake.stageProperty().get() == IntakeViewModel.Stage.ACCEPTED);
        robot.interact(intake::accept);
        waitUntil(() -> window.model().sourceProperty().get() != null);
        GitSource source = (GitSource) window.model().sourceProperty().get();
        String current = source.reviewRef();
        String earlier = source.refs().stream().filter(r -> !r.equals(current)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo carries an earlier version: " + source.refs()));

        AnnotationsFeature feature = window.annotations();
        AnnotationsModel model = feature.model();
        robot.interact(() -> window.model().openFile(FILE, 1));
        waitUntil(() -> model.bindingProperty().get() != null && view() != null && FILE.equals(view().documentPath())
                && view().text().contains(CODE));
        CodeViewPane pane = view();
        waitUntil(() -> feature.codeMarks().of(pane).map(m -> m.map != null).orElse(false));

        // 1. annotate the class declaration
        int at = pane.text().indexOf(CODE);
        robot.interact(() -> pane.codeArea().selectRange(at, at + CODE.length()));
        robot.interact(feature::annotateSelection);
        waitUntil(() -> feature.lastEditor() != null && feature.lastEditor().stage().isShowing());
        AnnotationEditor editor = feature.lastEditor();
        robot.interact(() -> {
            editor.titleField().setText("Git is isolated from the user's configuration only by a system property");
            editor.bodyArea().setText("A **second** JGit user in the same JVM could reset it; see `install()`.");
            editor.severityBox().setValue(Severity.MEDIUM);
            editor.cwePicker().queryField().setText("15");
        });
        waitUntil(() -> !editor.cwePicker().resultList().getItems().isEmpty());
        robot.interact(() -> editor.cwePicker().resultList().getSelectionModel().select(0));
        assertEquals(15, editor.cwePicker().chosenProperty().get().id());
        robot.interact(() -> Screenshots.shot(editor.stage().getScene(), "demo-annot-1-editor.png"));
        robot.interact(editor::trySave);
        waitUntil(() -> model.annotations().size() == 1);
        Annotation finding = model.annotations().get(0);
        assertEquals(current, finding.anchor().ref());
        assertEquals(CODE, finding.anchor().primary().originalText());

        // 2. reply and change status
        robot.interact(() -> model.reply(model.annotations().get(0), "Checked: no other JGit user runs in the workstation."));
        waitUntil(() -> model.annotations().get(0).replies().size() == 1);
        robot.interact(() -> model.setStatus(model.annotations().get(0), Status.CONFIRMED));
        waitUntil(() -> model.annotations().get(0).status() == Status.CONFIRMED);

        // 3. mark the file reviewed: gutter, tree and coverage show it
        robot.interact(feature::toggleFileReviewed);
        waitUntil(() -> model.marks().size() == 1);
        waitUntil(() -> feature.coverage().of("src") != null && feature.coverage().of("src").reviewedFiles() == 1);
        robot.interact(() -> {
            window.view().fileTree().reveal(FILE);
            Screenshots.shot(window.stage().getScene(), "demo-annot-2-reviewed.png");
        });

        // 4. switch to the earlier version: the finding is placed there, its stored anchor unchanged
        robot.interact(() -> window.versions().switchTo(earlier));
        waitUntil(() -> earlier.equals(window.model().sourceProperty().get().reviewRef()));
        waitUntil(() -> model.visible().size() == 1 && model.visible().get(0).placement() != null);
        // the switch re-opens the file in a new view whose text arrives from a background read
        waitUntil(() -> view() != null && FILE.equals(view().documentPath()) && view().content() != null);
        AnnotationsModel.PanelRow row = model.visible().get(0);
        assertEquals(current, row.annotation().anchor().ref(), "the stored anchor stays on the version annotated");
        if (row.state() != AnchorState.OUTDATED) {
            assertEquals(earlier, row.shownAnchor().ref());
            assertEquals(CODE, textAt(row), "the finding sits on the same code in the earlier version");
        }
        robot.interact(() -> {
            feature.showPanel();
            model.selectedProperty().set(row);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "demo-annot-3-earlier-version.png"));

        // 5. export every format; each write is recorded
        Path media = Files.createDirectories(dir.resolve("media-" + System.nanoTime()));
        robot.interact(() -> feature.exportTo(media, EnumSet.allOf(ExportFormat.class)));
        waitUntil(() -> feature.dialogs().lastWritten() != null && feature.dialogs().lastWritten().isShowing());
        robot.interact(() -> Screenshots.shot(feature.dialogs().lastWritten().getDialogPane().getScene(), "demo-annot-4-export.png"));
        for (ExportFormat f : ExportFormat.values()) {
            assertTrue(Files.size(media.resolve(f.fileName("s-demo-annotations"))) > 0, f.fileName("s-demo-annotations"));
        }
        assertTrue(Files.readString(media.resolve("annotations-s-demo-annotations.sarif")).contains("CWE-15"), "the SARIF names the CWE");
        var verdict = session.verify();
        assertTrue(verdict.isValid(), verdict.describe());
    }

    /** The text the shown anchor covers in the open view (the earlier version's file). */
    private String textAt(AnnotationsModel.PanelRow row) {
        var range = row.shownAnchor().primary().range();
        String[] lines = view().text().split("\n", -1);
        String line = lines[range.startLine() - 1];
        return line.substring(Math.min(line.length(), range.startColumn() - 1),
                Math.min(line.length(), range.startColumn() - 1 + CODE.length()));
    }

    private CodeViewPane view() {
        return window.view().selectedCodeView();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }
}
