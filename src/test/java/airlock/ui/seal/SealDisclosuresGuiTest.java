package airlock.ui.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.policy.SupervisorAction;
import airlock.core.seal.SealFixture;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The seal screen of a session with committed log fields (headless, Monocle): the table of
 * committed fields shows each as disclosed or kept in the room, and a supervisor's redaction of a
 * finding keeps that finding's logged text in the room. Saves seal-disclosures.png.
 */
@ExtendWith(ApplicationExtension.class)
class SealDisclosuresGuiTest {
    @TempDir
    static Path dir;
    private SealFixture fx;
    private SealViewModel model;
    private Stage stage;
    private SealView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /**
     * A fresh workstation per test (decisions are final), made on the test thread: under load the
     * fixture takes longer than TestFX allows a start method.
     */
    private void open(FxRobot robot) throws Exception {
        fx = new SealFixture(dir.resolve("ws-" + System.nanoTime()));
        fx.committedSession(SealFixture.SESSION);
        Texts texts = Texts.load(Locale.ROOT);
        SealServices services = new SealServices(fx.logs, fx.annotations, fx.trust, fx.policy, fx.exportService(),
                Clock.systemUTC(), "test", null);
        model = new SealViewModel(texts, new SameThreadTaskExecutor(f -> { }, new FailureTranslator(texts)), services,
                SealFixture.SESSION);
        robot.interact(() -> {
            view = new SealView(model, texts); // before loading, as SealFeature does
            model.load();
            stage.setScene(new Scene(view.root(), 1280, 800));
            stage.getScene().getStylesheets().add(SealView.class.getResource("/airlock/ui/base.css").toExternalForm());
            stage.show();
        });
    }

    @Stop
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void eachCommittedFieldShowsWhetherItLeaves(FxRobot robot) throws Exception {
        open(robot);
        LogDisclosuresModel disclosures = model.logDisclosures();
        assertEquals(5, disclosures.rows().size());
        assertEquals(2, disclosures.rows().stream().filter(LogDisclosuresModel.Row::disclosed).count(),
                "both findings leave as written until the supervisor decides");
        robot.interact(() -> {
            model.supervisorProperty().set("Sam");
            model.decide(model.checks().get(0), SupervisorAction.REDACT, "search strings stay in the room");
        });
        assertEquals(1, disclosures.rows().stream().filter(LogDisclosuresModel.Row::disclosed).count(),
                "the redacted finding's logged text stays in the room");
        assertTrue(disclosures.summaryProperty().get().startsWith("1 of 5"), disclosures.summaryProperty().get());
        javafx.scene.control.TitledPane pane = robot.lookup("#seal-disclosures-pane").queryAs(javafx.scene.control.TitledPane.class);
        assertTrue(pane.getText().contains("1 of 5"), pane.getText());
        robot.interact(() -> pane.setExpanded(true));
        TableView<?> table = robot.lookup("#seal-disclosures").queryTableView();
        assertEquals(5, table.getItems().size());
        // the supervisor reads the stick's disclosures file as it will be written: only finding f-1's text
        robot.interact(() -> model.selectedProperty().set(model.files().stream()
                .filter(f -> f.name().endsWith(".disclosures")).findFirst().orElseThrow()));
        String preview = model.previewProperty().get();
        assertTrue(preview.contains("Unbounded copy into a stack buffer") && !preview.contains("hunter2-token"), preview);
        robot.interact(() -> Screenshots.shot(stage.getScene(), "seal-disclosures.png"));
    }

    @Test
    void theSupervisorKeepsAFieldInTheRoomAndLetsAHeldPathOut(FxRobot robot) throws Exception {
        open(robot);
        LogDisclosuresModel disclosures = model.logDisclosures();
        robot.interact(() -> {
            model.supervisorProperty().set("Sam");
            model.decide(model.checks().get(0), SupervisorAction.REDACT, "search strings stay in the room");
        });
        javafx.scene.control.TitledPane pane = robot.lookup("#seal-disclosures-pane").queryAs(javafx.scene.control.TitledPane.class);
        robot.interact(() -> pane.setExpanded(true));
        @SuppressWarnings("unchecked")
        TableView<LogDisclosuresModel.Row> table = robot.lookup("#seal-disclosures").queryAs(TableView.class);
        javafx.scene.control.Button keep = robot.lookup("#seal-disclosure-keep").queryButton();
        javafx.scene.control.Button override = robot.lookup("#seal-disclosure-override").queryButton();
        assertTrue(keep.isDisabled() && override.isDisabled(), "nothing selected, nothing to decide");

        // finding f-1's logged text would leave: keep it in the room
        int finding = indexOf(disclosures, r -> r.disclosed() && "annotation".equals(r.field()));
        robot.interact(() -> table.getSelectionModel().select(finding));
        assertTrue(!keep.isDisabled() && override.isDisabled(), "a field that leaves can only be kept in the room");
        robot.interact(keep::fire);
        assertEquals(0, disclosures.rows().stream().filter(LogDisclosuresModel.Row::disclosed).count());
        assertTrue(disclosures.rows().get(finding).reason().contains("Sam"), disclosures.rows().get(finding).reason());

        // the forbidden path: an override needs a reason
        int path = indexOf(disclosures, r -> "path".equals(r.field()));
        robot.interact(() -> table.getSelectionModel().select(path));
        assertTrue(keep.isDisabled() && !override.isDisabled());
        robot.interact(override::fire);
        assertTrue(model.errorProperty().get().length() > 0, "refused without a reason");
        assertEquals(0, disclosures.rows().stream().filter(LogDisclosuresModel.Row::disclosed).count());
        robot.interact(() -> {
            robot.lookup("#seal-disclosure-reason").queryAs(javafx.scene.control.TextField.class).setText("the vendor agreed");
            override.fire();
        });
        assertEquals("", model.errorProperty().get());
        LogDisclosuresModel.Row released = disclosures.rows().get(path);
        assertTrue(released.disclosed() && released.reason().contains("overrode"), released.reason());
        robot.interact(() -> model.selectedProperty().set(model.files().stream()
                .filter(f -> f.name().endsWith(".disclosures")).findFirst().orElseThrow()));
        String preview = model.previewProperty().get();
        assertTrue(preview.contains(SealFixture.FORBIDDEN_PATH) && !preview.contains("Unbounded copy"), preview);
        robot.interact(() -> {
            table.getSelectionModel().select(path);
            ((javafx.scene.control.ScrollPane) view.root()).setVvalue(1);
        });
        robot.interact(() -> Screenshots.shot(stage.getScene(), "seal-disclosure-decisions.png"));
    }

    private static int indexOf(LogDisclosuresModel m, java.util.function.Predicate<LogDisclosuresModel.Row> p) {
        for (int i = 0; i < m.rows().size(); i++) {
            if (p.test(m.rows().get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such row in " + m.rows());
    }
}
