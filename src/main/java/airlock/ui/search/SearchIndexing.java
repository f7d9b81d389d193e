package airlock.ui.search;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.search.IndexBuilder;
import airlock.core.search.SearchIndex;
import airlock.core.source.SourceTree;
import airlock.ui.Texts;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.BackgroundTask;
import airlock.ui.task.TaskHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Builds (or resumes) the search index of each source the window opens, off the FX thread with its
 * progress in the status bar and cancellable from there, under {@code <databases>/search/<key>}
 * where the key names the bundle's refs and commits. Searches get the index only once the build
 * has stopped: complete, or partial after a cancel (they then scan what it lacks and say so).
 * While it builds, searches scan. Holds no nodes; used on the FX thread.
 */
public final class SearchIndexing {
    private final MainViewModel main;
    private final Texts texts;
    private final Path folder;
    private final ExecutorService workers;
    private final int shards;
    private final ReadOnlyObjectWrapper<SearchIndex> index = new ReadOnlyObjectWrapper<>(this, "index");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private TaskHandle building;
    private SourceTree current;

    /**
     * @param databases the home's database folder, or null when the window has none (searches scan)
     * @param workers   one thread per core, used only for building
     */
    public SearchIndexing(MainViewModel main, Texts texts, Path databases, ExecutorService workers, int shards) {
        this.main = main;
        this.texts = texts;
        this.folder = databases == null ? null : databases.resolve("search");
        this.workers = workers;
        this.shards = shards;
        main.sourceProperty().addListener((obs, old, now) -> sourceChanged(now));
    }

    private void sourceChanged(SourceTree source) {
        current = source;
        if (building != null) {
            building.cancel();
            building = null;
        }
        SearchIndex old = index.get();
        index.set(null);
        if (old != null) {
            old.close();
        }
        if (source == null || folder == null) {
            state.set(source == null ? "" : texts.get("search.index.none"));
            return;
        }
        state.set(texts.get("search.index.building"));
        AtomicReference<SearchIndex> opened = new AtomicReference<>();
        AtomicReference<Boolean> complete = new AtomicReference<>(false);
        building = main.background(BackgroundTask.of(texts.get("search.index.task"), monitor -> {
            SearchIndex built = SearchIndex.open(folder.resolve(SearchIndex.keyOf(source)), shards);
            opened.set(built);
            try {
                new IndexBuilder(workers).build(source, List.of(source.reviewRef()), built, monitor);
                complete.set(true);
            } catch (CancelledException e) {
                // what was committed stays: the index is adopted as partial, and the next opening resumes
                return built;
            } catch (AirlockException | RuntimeException e) {
                opened.set(null);
                built.close();
                throw e;
            }
            return built;
        }).onSuccess(built -> adopt(source, opened.get(), complete.get()))
                .onCancelled(() -> adopt(source, opened.get(), false))
                .onFailure(failure -> {
                    if (current == source) {
                        state.set(texts.format("search.index.failed", failure.message()));
                    }
                }));
    }

    private void adopt(SourceTree source, SearchIndex built, boolean complete) {
        if (built == null) {
            return;
        }
        if (current != source) {
            built.close();
            return;
        }
        building = null;
        index.set(built);
        state.set(complete ? texts.format("search.index.complete", built.size())
                : texts.format("search.index.partial", built.size()));
    }

    /** The index searches may use now (null: none yet, searches scan). */
    public ReadOnlyObjectProperty<SearchIndex> indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** What the index is doing, for the panel. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Stops a build and closes the index (window closing). */
    public void close() {
        current = null;
        if (building != null) {
            building.cancel();
        }
        if (index.get() != null) {
            index.get().close();
            index.set(null);
        }
    }
}
