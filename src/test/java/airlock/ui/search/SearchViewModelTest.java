package airlock.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.search.Searcher;
import airlock.testutil.MemorySource;
import airlock.ui.Texts;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import airlock.ui.task.UserFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The search panel's logic without a toolkit. */
class SearchViewModelTest {
    private final Texts texts = Texts.load(Locale.ROOT);
    private final List<UserFailure> failures = new ArrayList<>();
    private final MainViewModel main = new MainViewModel(texts,
            new SameThreadTaskExecutor(failures::add, new FailureTranslator(texts)),
            Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC), "WS-TEST-0001");
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final SearchViewModel model = new SearchViewModel(main, texts, new Searcher(pool), Runnable::run);

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private void openDemo() {
        main.openSource(new MemorySource()
                .put("a.c", "int key;\nint other;\nkey = 2;\n")
                .put("b.c", "no\nKEY here\n")
                .put("bin", new byte[] {'k', 'e', 'y', 0}));
    }

    @Test
    void streamsGroupedResultsCountsAndWalksThemWithWrapping() {
        openDemo();
        model.queryProperty().set("key");
        model.search();
        assertEquals(2, model.hits().size());
        assertEquals(texts.format("search.done", 2, 1), model.summaryProperty().get());
        model.next();
        assertEquals(0, model.currentProperty().get());
        assertEquals("a.c", main.selectedProperty().get().path());
        model.next();
        model.next();
        assertEquals(0, model.currentProperty().get(), "wraps around");
        model.previous();
        assertEquals(1, model.currentProperty().get());
        assertEquals(List.of("key"), model.history());
        model.ignoreCaseProperty().set(true);
        model.search();
        assertEquals(3, model.hits().size());
        assertEquals(-1, model.currentProperty().get());
    }

    @Test
    void aBadRegexIsReportedAndNothingElseHappens() {
        openDemo();
        model.regexProperty().set(true);
        model.queryProperty().set("key(");
        model.search();
        assertTrue(model.hits().isEmpty());
        assertEquals(1, failures.size(), "the failure reaches the user once");
    }

    @Test
    void anEmptyQueryClearsAndNoMatchSaysSo() {
        openDemo();
        model.queryProperty().set("zzz");
        model.search();
        assertEquals(texts.get("search.none"), model.summaryProperty().get());
        model.queryProperty().set("");
        model.search();
        assertEquals("", model.summaryProperty().get());
        assertTrue(model.hits().isEmpty());
    }
}
