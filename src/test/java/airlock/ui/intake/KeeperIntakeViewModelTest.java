package airlock.ui.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleSubmission;
import airlock.core.bundle.IntakeFixtures;
import airlock.core.bundle.MediaLocations;
import airlock.ui.Texts;
import airlock.ui.intake.IntakeViewModel.Detail;
import airlock.ui.intake.IntakeViewModel.Stage;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import airlock.ui.task.UserFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake screen in keeper mode (issue 16, kwire), without a toolkit: Verify hands the bundle to the
 * submission (the keeper's upload) and shows only the keeper's verdict; a refusal's reason is the
 * keeper's, escaped; the opened-bundle listener hears the keeper's id.
 */
class KeeperIntakeViewModelTest {
    @TempDir
    Path dir;
    private final Texts texts = Texts.load(Locale.ROOT);
    private final List<UserFailure> failures = new ArrayList<>();
    private MainViewModel main;
    private Path medium;

    @BeforeEach
    void setUp() throws Exception {
        main = new MainViewModel(texts, new SameThreadTaskExecutor(failures::add, new FailureTranslator(texts)),
                IntakeFixtures.CLOCK, "WS-TEST");
        medium = IntakeFixtures.medium(dir.resolve("work"));
    }

    @Test
    void theKeepersImportIsShownWithItsIdAndNoLocalVerdict() {
        List<String> opened = new ArrayList<>();
        IntakeViewModel model = new IntakeViewModel(texts, main, new MediaLocations(List.of()),
                (files, monitor) -> new BundleSubmission.Imported("f".repeat(64), "Example Vendor / widget 2.0", "refs/tags/v2.0", false));
        model.setOnBundleOpened(opened::add);
        assertTrue(model.throughKeeper());
        model.openFolderAsMedium(medium);
        model.verify();
        assertEquals(Stage.OPENED, model.stageProperty().get());
        assertEquals(texts.get("intake.keeper.imported"), model.headlineProperty().get());
        assertTrue(model.details().contains(new Detail(texts.get("intake.field.bundle"), "f".repeat(64))));
        assertEquals(List.of("f".repeat(64)), opened);
        assertTrue(model.result().isEmpty(), "no verdict of this process");
    }

    @Test
    void theKeepersRefusalIsShownWithItsReasonEscaped() {
        IntakeViewModel model = new IntakeViewModel(texts, main, new MediaLocations(List.of()), (files, monitor) -> {
            throw new AirlockException("bundle.refused", "The bundle was refused: signature \u202e bad");
        });
        model.openFolderAsMedium(medium);
        model.verify();
        assertEquals(Stage.REFUSED, model.stageProperty().get());
        assertEquals(texts.get("intake.refused"), model.headlineProperty().get());
        assertEquals(texts.get("intake.keeper.refused"), model.explanationProperty().get());
        Detail reason = model.details().get(0);
        assertTrue(reason.value().startsWith("[bundle.refused] "), reason.value());
        assertTrue(reason.value().contains("\u27e8U+202E\u27e9") && !reason.value().contains("\u202e"), reason.value());
    }
}
