package airlock.ui.search;

import airlock.core.search.Searcher;
import airlock.ui.Texts;
import airlock.ui.main.MainView;
import airlock.ui.main.MainViewModel;
import airlock.ui.main.MenuId;
import airlock.ui.main.Shortcut;
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
    private final SearchViewModel model;
    private final SearchPane pane;

    public SearchFeature(MainViewModel main, MainView view, Texts texts) {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.model = new SearchViewModel(main, texts, new Searcher(workers), Platform::runLater);
        this.pane = new SearchPane(model, texts);
        Tab tab = view.addSidePanel(texts.get("search.panel"), pane.root());
        view.shortcuts().add(FIND);
        view.shortcuts().add(NEXT);
        view.shortcuts().add(PREVIOUS);
        MenuItem find = new MenuItem(texts.get("menu.go.search"));
        find.setAccelerator(FIND.combination());
        find.setOnAction(e -> {
            tab.getTabPane().getSelectionModel().select(tab);
            pane.focusQuery();
        });
        view.addMenuItem(MenuId.GO, find);
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

    public SearchViewModel model() {
        return model;
    }

    public void close() {
        workers.shutdownNow();
    }
}
