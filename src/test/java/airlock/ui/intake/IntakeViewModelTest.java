package airlock.ui.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.IntakeFixtures;
import airlock.core.bundle.IntakeLimits;
import airlock.core.bundle.MediaLocations;
import airlock.core.home.AirlockHome;
import airlock.ui.Texts;
import airlock.ui.intake.IntakeViewModel.Detail;
import airlock.ui.intake.IntakeViewModel.Stage;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import airlock.ui.task.UserFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake screen's logic without a toolkit. */
class IntakeViewModelTest {
    @TempDir
    Path dir;
    private final Texts texts = Texts.load(Locale.ROOT);
    private final List<UserFailure> failures = new ArrayList<>();
    private MainViewModel main;
    private IntakeViewModel model;
    private Path medium;

    @BeforeEach
    void setUp() throws Exception {
        main = new MainViewModel(texts, new SameThreadTaskExecutor(failures::add, new FailureTranslator(texts)),
                IntakeFixtures.CLOCK, "WS-TEST");
        AirlockHome home = IntakeFixtures.home(dir.resolve("home"));
        medium = IntakeFixtures.medium(dir.resolve("work"));
        Files.createDirectories(dir.resolve("media-parent/EMPTY-STICK"));
        model = new IntakeViewModel(texts, main, new MediaLocations(List.of(dir.resolve("media-parent"))),
                new BundleIntake(home, IntakeFixtures.CLOCK, IntakeLimits.defaults()), new BundleStore(home));
    }

    @Test
    void listsMountedMediaAndSaysWhenAMediumHoldsNoBundle() {
        model.refreshMedia();
        assertEquals(1, model.media().size());
        assertEquals("EMPTY-STICK", model.media().get(0).label());
        assertTrue(model.bundles().isEmpty());
        assertEquals(texts.get("intake.bundles.none"), model.bundlesHintProperty().get());
    }

    @Test
    void verifiesAcceptsAndOpensAGoodBundle() {
        model.openFolderAsMedium(medium);
        assertEquals(2, model.bundles().size());
        assertEquals("widget-2.0-2.airlock", model.selectedBundleProperty().get().name());
        model.verify();
        assertEquals(Stage.ACCEPTED, model.stageProperty().get());
        assertEquals(texts.get("intake.accepted"), model.headlineProperty().get());
        assertTrue(model.details().contains(new Detail(texts.get("intake.field.vendor"), "Example Vendor")));
        assertTrue(model.details().stream().anyMatch(d -> d.label().equals(texts.get("intake.field.key"))));
        model.accept();
        assertEquals(Stage.OPENED, model.stageProperty().get());
        assertEquals("Example Vendor / widget 2.0", main.sourceProperty().get().label());
        assertEquals("refs/tags/v2.0", main.sourceProperty().get().reviewRef());
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void refusesATamperedBundleInPlainWordsAndOffersNoAccept() {
        model.openFolderAsMedium(medium);
        model.selectedBundleProperty().set(model.bundles().get(1));
        model.verify();
        assertEquals(Stage.REFUSED, model.stageProperty().get());
        assertEquals(texts.get("intake.refusal.bundle.hash"), model.explanationProperty().get());
        assertTrue(model.details().stream().anyMatch(d -> d.value().startsWith("[bundle.hash]")));
        model.accept();
        assertEquals(Stage.REFUSED, model.stageProperty().get(), "accept does nothing after a refusal");
        assertEquals(null, main.sourceProperty().get());
    }

    @Test
    void everyRefusalCodeHasSupervisorWords() {
        for (airlock.core.bundle.Check check : airlock.core.bundle.Check.values()) {
            assertTrue(texts.has(IntakeViewModel.refusalKey(check)), check.code());
            assertTrue(IntakeViewModel.refusalKey(check).endsWith(check.code()), check.code());
        }
    }
}
