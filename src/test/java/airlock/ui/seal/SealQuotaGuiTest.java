package airlock.ui.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.policy.ViolationKind;
import airlock.core.progress.ProgressMonitor;
import airlock.core.quote.QuoteCheck;
import airlock.core.quote.QuoteIndex;
import airlock.core.seal.SealFixture;
import airlock.core.seal.SealReview;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18 on the seal screen: findings that quote a file of the reviewed tree in their bodies
 * (plain and as Base64) show up as checks naming the file, and the quota table shows used/allowed
 * with the broken limits marked. Saves {@code seal-quotas.png}.
 */
@ExtendWith(ApplicationExtension.class)
class SealQuotaGuiTest {
    static final String RING = "drivers/net/fixture/rx_ring.c";
    @TempDir
    Path dir;
    private Stage stage;
    private SealFixture fx;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private static String ring() {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            s.append("\tstats_").append(i).append(" = read_reg(dev, 0x").append(Integer.toHexString(i * 7)).append(") + q[")
                    .append(i).append("];\n");
        }
        return s.toString();
    }

    @Test
    void theQuotaTableShowsUsedAndAllowedAndTheBrokenLimitsAreChecks(FxRobot robot) throws Exception {
        String ring = ring();
        List<String> lines = ring.lines().toList();
        List<String[]> findings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            findings.add(new String[] {"Unchecked register value " + (i + 1), "The value is used as an index without a bound:\n"
                    + String.join("\n", lines.subList(i * 15, i * 15 + 15)) + "\nSee " + RING + "."});
        }
        String b64 = Base64.getMimeEncoder(40, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(String.join("\n", lines.subList(100, 130)).getBytes(StandardCharsets.UTF_8));
        findings.add(new String[] {"Encoded for later", "Attachment:\n" + b64});
        fx = new SealFixture(dir);
        fx.endedSession(SealFixture.SESSION, findings);

        List<String> paths = List.of("src/f.c", RING);
        List<String> texts = List.of(SealFixture.CODE, ring);
        QuoteIndex index = QuoteIndex.build(new QuoteIndex.Source() {
            @Override
            public List<String> paths() {
                return paths;
            }

            @Override
            public QuoteIndex.FileTexts texts() {
                return texts::get;
            }
        }, fx.policy.quotes(), 1, ProgressMonitor.NONE);
        QuoteCheck check = new QuoteCheck(index, fx.policy.quotes());
        Texts t = Texts.load(Locale.ROOT);
        SealServices services = new SealServices(fx.logs, fx.annotations, fx.trust, fx.policy, fx.exportService(),
                Clock.systemUTC(), "test", null);
        List<airlock.ui.task.UserFailure> failures = new ArrayList<>();
        SealViewModel model = new SealViewModel(t, new SameThreadTaskExecutor(failures::add, new FailureTranslator(t)), services,
                SealFixture.SESSION, id -> SealReview.open(fx.logs, fx.annotations, null, id, fx.policy, fx.exportService(),
                        fx.clock, "test", check));
        robot.interact(() -> {
            SealView view = new SealView(model, t); // before loading, as SealFeature does, so the check cards are filled
            stage.setScene(new Scene(view.root(), 1280, 860)); // the view scrolls itself
            stage.getScene().getStylesheets().add(SealView.class.getResource("/airlock/ui/base.css").toExternalForm());
            stage.show();
            model.load();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), failures);

        assertTrue(model.checks().stream().anyMatch(c -> c.violation().kind() == ViolationKind.QUOTE_PER_FILE
                && RING.equals(c.violation().path())), () -> model.checks().toString());
        SealViewModel.CheckRow encoded = model.checks().stream().filter(c -> c.violation().kind() == ViolationKind.QUOTED_CODE
                && c.reason().contains("decoded from Base64")).findFirst().orElseThrow(() -> new AssertionError(model.checks()));
        assertTrue(encoded.reason().contains(RING + " lines 101–130"), encoded.reason());
        SealViewModel.QuotaRow perFile = model.quotas().stream().filter(q -> q.limit().contains(RING)).findFirst().orElseThrow();
        assertEquals(90, perFile.used()); // 4 x 15 plain + 30 decoded
        assertEquals(40, perFile.allowed());
        assertTrue(perFile.over());
        assertTrue(model.quotas().get(1).used() > 0, "encoded bytes are counted");

        TableView<?> table = robot.lookup("#seal-quota-table").queryAs(TableView.class);
        assertNotNull(table);
        assertEquals(model.quotas().size(), table.getItems().size());
        robot.interact(() -> Screenshots.shot(stage.getScene(), "seal-quotas.png"));
    }
}
