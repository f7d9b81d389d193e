package airlock.ui.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.policy.SupervisorAction;
import airlock.core.seal.SealFixture;
import airlock.ui.Texts;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import airlock.ui.task.UserFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's screen state without a toolkit: blocked until decided, seal, failed write, retry. */
class SealViewModelTest {
    @TempDir
    Path dir;
    SealFixture fx;
    final List<UserFailure> reported = new ArrayList<>();
    SealViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SealFixture(dir);
        fx.endedSession();
        Texts texts = Texts.load(Locale.ROOT);
        SealServices services = new SealServices(fx.logs, fx.annotations, fx.trust, fx.policy, fx.exportService(),
                Clock.systemUTC(), "test", null);
        assertEquals(List.of(SealFixture.SESSION), services.awaitingSupervisor());
        model = new SealViewModel(texts, new SameThreadTaskExecutor(reported::add, new FailureTranslator(texts)), services,
                SealFixture.SESSION);
        model.load();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    @Test
    void theSealStaysDisabledUntilTheOpenCheckIsDecidedThenARetryAfterAFailedWriteCompletesTheExport() throws Exception {
        assertEquals(SealViewModel.Stage.REVIEW, model.stageProperty().get());
        assertEquals(6, model.files().size());
        assertEquals("report-" + SealFixture.SESSION + ".md", model.selectedProperty().get().name(), "the readable report is shown first");
        assertTrue(model.previewProperty().get().contains("Unbounded copy into a stack buffer"));
        assertEquals(1, model.checks().size());
        assertTrue(model.blockedProperty().get());
        model.keyFileProperty().set(fx.supervisorKeyFile);
        model.folderProperty().set(dir.resolve("stick-that-was-pulled"));
        assertTrue(model.actionDisabled().get(), "blocked by the open check");

        SealViewModel.CheckRow open = model.checks().get(0);
        model.decide(open, SupervisorAction.REDACT, "");
        assertFalse(model.errorProperty().get().isEmpty(), "a decision needs the supervisor's name");
        model.supervisorProperty().set("Sam");
        model.decide(open, SupervisorAction.OVERRIDE, " ");
        assertEquals(Texts.load(Locale.ROOT).get("seal.override.reason"), model.errorProperty().get());
        model.decide(open, SupervisorAction.REDACT, "quotes too much");
        assertFalse(model.blockedProperty().get());
        assertTrue(model.checks().get(0).decided());
        assertFalse(model.actionDisabled().get());

        char[] passphrase = SealFixture.PASSPHRASE.toCharArray();
        model.sealAndWrite(passphrase);
        assertTrue(Arrays.equals(new char[passphrase.length], passphrase), "the passphrase is cleared");
        assertEquals(SealViewModel.Stage.SEALED_NOT_EXPORTED, model.stageProperty().get());
        assertTrue(model.errorProperty().get().contains("does not exist"), model.errorProperty().get());
        assertEquals("sealed", fx.logs.status(SealFixture.SESSION));

        Path good = Files.createDirectories(dir.resolve("good-stick"));
        model.folderProperty().set(good);
        model.sealAndWrite(null);
        assertEquals(SealViewModel.Stage.EXPORTED, model.stageProperty().get(), model.errorProperty().get());
        assertEquals(6, Files.list(good).count());
        assertEquals("exported", fx.logs.status(SealFixture.SESSION));
    }

    @Test
    void aWrongPassphraseSealsNothingAndSaysWhy() throws Exception {
        model.supervisorProperty().set("Sam");
        model.decide(model.checks().get(0), SupervisorAction.REFUSE, "");
        model.keyFileProperty().set(fx.supervisorKeyFile);
        model.folderProperty().set(Files.createDirectories(dir.resolve("stick")));
        model.sealAndWrite("not the passphrase".toCharArray());
        assertEquals(SealViewModel.Stage.REVIEW, model.stageProperty().get());
        assertFalse(model.errorProperty().get().isEmpty());
        assertEquals("ended", fx.logs.status(SealFixture.SESSION));
        assertEquals(0, Files.list(dir.resolve("stick")).count());
    }
}
