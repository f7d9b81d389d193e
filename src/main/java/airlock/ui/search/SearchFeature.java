package airlock.ui.search;

import airlock.core.search.Searcher;
import airlock.ui.Texts;
import airlock.ui.main.MainView;
import airlock.ui.main.MainViewModel;
import airlock.ui.main.MenuId;
import airlock.ui.main.Shortcut;
import airlock.ui.session.SessionContext;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyEvent;

/**
 * Plugs search into the workstation window: a side panel, Ctrl+Shift+F to search, F4 / Shift+F4
 * to walk the results. Owns the verification threads (one per core).
 */
public final class SearchFeature {
    public static final Shortcut FIND = new Shortcut("Shortcut+Shift+F", "shortcut.search");
    public static final Shortcut NEXT = new Shortcut("F4", "shortcut.search.next");
    public static final Shortcut PREVIOUS = new Shortcut("Shift+F4", "shortcut.search.previous");
    private final ExecutorService workers;
    private final ExecutorService indexWorkers;
    private final SearchIndexing indexing;
    private final FxTaskExecutor indexExecutor;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SearchFeature.class);
    private final SearchViewModel model;
    private final SearchPane pane;
    private Tab tab;

    public SearchFeature(MainViewModel main, MainView view, Texts texts) {
        this(main, view, texts, null, new SessionContext());
    }

    /**
     * @param databases the home's database folder, where each opened bundle's search index is built
     *                  and kept (null: no index, searches scan)
     * @param session   the window's session, in whose log every search is recorded
     */
    public SearchFeature(MainViewModel main, MainView view, Texts texts, Path databases, SessionContext session) {
        this(main, view, texts, databases, session, null);
    }

    /** @param search the search to run (the keeper's, which records each run itself), or null for this process's */
    public SearchFeature(MainViewModel main, MainView view, Texts texts, Path databases, SessionContext session,
                         airlock.core.search.CodeSearch search) {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.workers = pool("search", cores);
        this.indexWorkers = pool("search-index", cores);
        this.model = new SearchViewModel(main, texts, search != null ? search : new Searcher(workers), Platform::runLater, session);
        this.indexExecutor = new FxTaskExecutor(1, Platform::runLater,
                failure -> LOG.warn("search index: {} ({})", failure.message(), failure.code()), new FailureTranslator(texts));
        this.indexing = new SearchIndexing(main, texts, databases, indexExecutor, indexWorkers, cores, search != null);
        model.indexProperty().bind(indexing.indexProperty());
        // a search typed while the index was building runs again on the index once it is there
        indexing.indexProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.search();
            }
        });
        this.pane = new SearchPane(model, texts);
        pane.indexStateProperty().bind(indexing.stateProperty());
        pane.showIndexing(indexing, texts);
        main.sourceProperty().addListener((obs, old, source) -> pane.setRefs(
                source == null ? List.of() : source.refs(), texts.get("search.option.diff.none")));
        Tab tab = view.addSidePanel(texts.get("search.panel"), pane.root());
        view.shortcuts().add(FIND);
        view.shortcuts().add(NEXT);
        view.shortcuts().add(PREVIOUS);
        MenuItem find = new MenuItem(texts.get("menu.go.search"));
        find.setAccelerator(FIND.combination());
        this.tab = tab;
        find.setOnAction(e -> focusQuery());
        view.addMenuItem(MenuId.GO, find);
    }

    /** Shows the search panel and puts the caret in its query field (Go ▸ Search). */
    public void focusQuery() {
        tab.getTabPane().getSelectionModel().select(tab);
        pane.focusQuery();
    }

    /** F4 / Shift+F4 anywhere in the window. */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (NEXT.combination().match(event)) {
                model.next();
                event.consume();
            } else if (PREVIOUS.combination().match(event)) {
                model.previous();
                event.consume();
            }
        });
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public SearchIndexing indexing() {
        return indexing;
    }

    /** Takes every search result off the screen (the session ended). */
    public void clearResults() {
        model.clearResults();
    }

    public SearchViewModel model() {
        return model;
    }

    public void close() {
        indexing.close();
        indexExecutor.shutdown();
        indexWorkers.shutdownNow();
        workers.shutdownNow();
    }
}
