package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.MediaLocations;
import airlock.core.demo.DemoRoom;
import airlock.core.log.SessionHeader;
import airlock.keeper.KeeperFixture;
import airlock.testutil.Screenshots;
import airlock.testutil.TestRepository;
import airlock.ui.code.CodeViewPane;
import airlock.ui.intake.IntakeViewModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16, kwire, in the keeper-mode window: the intake screen sends a bundle read from a "stick"
 * folder to the keeper, which verifies its own copy and records the verdict in its ledger before the
 * screen says it is imported; then a finding made in a session is deleted through the keeper, which
 * logs the deletion, and a second list of the session's findings (as a resumed window sees them)
 * comes from the keeper.
 */
@ExtendWith(ApplicationExtension.class)
class KeeperIntakeFindingsGuiTest {
    @TempDir
    static Path dir;
    private static Path run;
    private final Texts texts = Texts.load(Locale.ROOT);
    private static KeeperFixture keeper;
    private KeeperWorkstation workstation;
    private WorkstationWindow window;
    private IntakeViewModel intake;

    @BeforeAll
    static void startKeeper() throws Exception {
        run = dir.resolve("run-" + System.nanoTime());
        keeper = KeeperFixture.start(run);
    }

    @AfterAll
    static void stopKeeper() {
        keeper.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
        workstation = KeeperWorkstation.open(stage, texts, keeper.socket, clock);
        window = workstation.window();
        intake = workstation.installIntake(texts, stage, new MediaLocations(List.of()));
        stage.show();
    }

    @Stop
    void stop() {
        workstation.close();
    }

    @Test
    void intakeIsTheKeepersVerdictAndAFindingIsDeletedThroughTheKeeper(FxRobot robot) throws Exception {
        // the vendor's stick: the folder the fixture's bundle was made in (this account reads it, the keeper does not)
        Path stick = BundleFiles.find(run.resolve("out")).get(0).folder().getParent();
        robot.interact(() -> {
            workstation.intakeView().orElseThrow().show();
            intake.openFolderAsMedium(stick);
        });
        waitUntil(() -> !intake.bundles().isEmpty());
        robot.interact(intake::verify);
        waitUntil(() -> intake.stageProperty().get() == IntakeViewModel.Stage.OPENED
                || intake.stageProperty().get() == IntakeViewModel.Stage.REFUSED);
        assertEquals(IntakeViewModel.Stage.OPENED, intake.stageProperty().get(), intake.details().toString());
        assertEquals(texts.get("intake.keeper.already"), intake.headlineProperty().get(),
                "the keeper holds this bundle already, and says so after verifying the copy it was sent");
        Stage intakeWindow = workstation.intakeView().orElseThrow().stage();
        assertTrue(intakeWindow.isShowing(), "the screen stays with the keeper's verdict");
        robot.interact(() -> Screenshots.shot(intakeWindow.getScene(), "keeper-intake-imported.png"));
        robot.interact(intakeWindow::close);

        // a session: start, open a file, two findings
        robot.interact(workstation::begin);
        waitUntil(() -> workstation.sessions().startDialog().isPresent());
        waitUntil(() -> robot.lookup("#session-bundle").queryComboBox().getValue() != null);
        robot.clickOn("#session-inspector").write("Ada Inspector");
        robot.clickOn("#session-organisation").write("Test Office");
        robot.clickOn("#session-pin").write(DemoRoom.PIN);
        robot.interact(() -> Screenshots.shot(workstation.sessions().startDialog().orElseThrow().getDialogPane().getScene(),
                "keeper-intake-start.png"));
        robot.clickOn("#session-start-button");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.session().current().isPresent()
                    && workstation.sessions().startDialog().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            robot.interact(() -> workstation.sessions().startDialog().ifPresent(d -> Screenshots.shot(d.getDialogPane().getScene(),
                    "keeper-intake-start-failed.png")));
            robot.interact(() -> Screenshots.shot(window.stage().getScene(), "keeper-intake-start-failed-window.png"));
            throw e;
        }
        String id = window.session().current().orElseThrow().id();
        waitUntil(() -> window.model().fileTree().totalFiles() > 0);
        robot.interact(() -> window.model().openFile(TestRepository.MAIN, 4));
        waitUntil(() -> pane() != null && pane().text().contains("public class Hello"));
        CodeViewPane code = pane();
        for (String[] finding : new String[][] {{"VALUE_5 = 5;", "Kept finding"}, {"VALUE_6 = 6;", "Finding to delete"}}) {
            int at = code.text().indexOf(finding[0]);
            int before = window.annotations().model().annotations().size();
            robot.interact(() -> code.codeArea().selectRange(at, at + finding[0].length()));
            robot.interact(window.annotations()::annotateSelection);
            waitUntil(() -> robot.lookup("#annot-title").tryQuery().isPresent());
            robot.interact(() -> {
                robot.lookup("#annot-title").queryAs(TextField.class).setText(finding[1]);
                robot.lookup("#annot-save").queryAs(Button.class).fire();
            });
            waitUntil(() -> window.annotations().model().annotations().size() == before + 1);
        }
        var doomed = window.annotations().model().annotations().stream().filter(a -> a.title().equals("Finding to delete"))
                .findFirst().orElseThrow();
        robot.interact(() -> window.annotations().model().delete(doomed));
        waitUntil(() -> window.annotations().model().annotations().size() == 1);
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "keeper-finding-deleted.png"));
        // what a resumed window would list: the keeper's list, without the deleted one
        try (var c = keeper.client()) {
            var page = c.findings("annotations", 0, 8);
            assertEquals(List.of("Kept finding"), page.annotations().stream().map(a -> a.title()).toList());
        }
        // findings export/import through the keeper (issue 16, kexport): the keeper renders, this window writes the stick
        Path out = java.nio.file.Files.createDirectories(dir.resolve("export-stick-" + System.nanoTime()));
        robot.interact(() -> window.annotations().exportTo(out, java.util.EnumSet.of(airlock.core.export.ExportFormat.JSON,
                airlock.core.export.ExportFormat.MD)));
        waitUntil(() -> robot.lookup("#annot-export-done").tryQuery().isPresent());
        robot.interact(() -> Screenshots.shot(robot.lookup("#annot-export-done").query().getScene(), "keeper-findings-exported.png"));
        Path json;
        try (var files = java.nio.file.Files.list(out)) {
            List<Path> written = files.sorted().toList();
            assertEquals(2, written.size(), written.toString());
            json = written.stream().filter(p -> p.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
        }
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#annot-export-done").query().getScene().getWindow()).close());
        // and back in: the keeper parses the file and writes the finding before the panel lists it
        robot.interact(() -> window.annotations().importFrom(json, null, null));
        waitUntil(() -> window.annotations().model().annotations().size() == 2);
        robot.interact(() -> window.annotations().showPanel());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "keeper-findings-imported.png"));
        robot.interact(() -> workstation.sessions().endNow());
        waitUntil(() -> workstation.sessions().summaryDialog().isPresent());

        keeper.stopKeeper();
        List<String> types = keeper.entries(id).stream().map(e -> e.get("type").asText())
                .filter(t -> t.startsWith("annotation.") || t.equals("file.opened")).toList();
        assertEquals(List.of("file.opened", "annotation.created", "annotation.created", "annotation.deleted", "annotation.created"),
                types, "the import's finding last");
        assertEquals(2, keeper.entries(id).stream().filter(e -> e.get("type").asText().equals("export.written")).count());
        assertTrue(keeper.verify(id).isValid(), keeper.verify(id).describe());
        List<JsonNode> ledger = KeeperFixture.entries(keeper.homeDir, SessionHeader.LEDGER_SESSION);
        JsonNode verified = ledger.stream().filter(e -> e.get("type").asText().equals("bundle.verified")
                && e.get("data").path("upload").asBoolean()).findFirst().orElseThrow();
        assertEquals("accepted", verified.get("data").get("verdict").asText(), "the keeper's own verdict on the copy sent");
    }

    private CodeViewPane pane() {
        Node n = window.view().selectedCodeView();
        return n instanceof CodeViewPane p ? p : null;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
