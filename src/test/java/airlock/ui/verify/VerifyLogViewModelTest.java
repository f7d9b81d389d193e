package airlock.ui.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.ui.Texts;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import airlock.ui.task.UserFailure;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class VerifyLogViewModelTest {
    private final Texts texts = Texts.load(Locale.ROOT);
    private final List<UserFailure> reported = new ArrayList<>();

    static Path vectors() throws URISyntaxException {
        return Path.of(VerifyLogViewModelTest.class.getResource("/vectors/log").toURI());
    }

    private VerifyLogViewModel model() throws URISyntaxException {
        return new VerifyLogViewModel(texts, new SameThreadTaskExecutor(reported::add, new FailureTranslator(texts)),
                vectors().resolve("trust"));
    }

    @Test
    void validLogShowsVerdictAndSummary() throws Exception {
        VerifyLogViewModel model = model();
        model.logFileProperty().set(vectors().resolve("valid-sealed/session.log"));
        model.verify();
        assertEquals(VerifyLogViewModel.Outcome.VALID, model.outcomeProperty().get());
        assertTrue(model.details().stream().anyMatch(row -> row[1].contains("Sam Supervisor")));
        assertEquals(false, model.runningProperty().get());
    }

    @Test
    void tamperedLogNamesTheEntry() throws Exception {
        VerifyLogViewModel model = model();
        model.logFileProperty().set(vectors().resolve("entry-deleted/session.log"));
        model.verify();
        assertEquals(VerifyLogViewModel.Outcome.INVALID, model.outcomeProperty().get());
        assertEquals("NOT VALID \u2014 sequence gap at entry 5", model.headlineProperty().get());
    }

    @Test
    void missingFileIsReportedNotThrown() throws Exception {
        VerifyLogViewModel model = model();
        model.logFileProperty().set(vectors().resolve("no-such.log"));
        model.verify();
        assertEquals(VerifyLogViewModel.Outcome.NONE, model.outcomeProperty().get());
        assertEquals(1, reported.size());
        assertEquals("log.file.missing", reported.get(0).code());
    }
}
