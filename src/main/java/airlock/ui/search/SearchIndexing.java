package airlock.ui.search;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.search.IndexBuilder;
import airlock.core.search.SearchIndex;
import airlock.core.source.SourceTree;
import airlock.ui.Texts;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.BackgroundTask;
import airlock.ui.task.ProgressState;
import airlock.ui.task.TaskExecutor;
import airlock.ui.task.TaskHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Builds (or resumes) the search index of each source the window opens, off the FX thread with its
 * progress and a cancel button in the search panel, under {@code <databases>/search/<key>}
 * where the key names the bundle's refs and commits. Searches get the index only once the build
 * has stopped: complete, or partial after a cancel (they then scan what it lacks and say so).
 * While it builds, searches scan. The build runs on its own task executor, not the window's: a
 * long build must not hold back opening files or other features' short tasks. Holds no nodes;
 * used on the FX thread.
 */
public final class SearchIndexing {
    private final MainViewModel main;
    private final Texts texts;
    private final Path folder;
    private final ExecutorService workers;
    private final int shards;
    private final ReadOnlyObjectWrapper<SearchIndex> index = new ReadOnlyObjectWrapper<>(this, "index");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final TaskExecutor executor;
    private TaskHandle building;
    private SourceTree current;
    private final boolean keeperSearches;

    /**
     * @param databases the home's database folder, or null when the window has none (searches scan)
     * @param workers   one thread per core, used only for building
     */
    public SearchIndexing(MainViewModel main, Texts texts, Path databases, TaskExecutor executor,
                          ExecutorService workers, int shards) {
        this(main, texts, databases, executor, workers, shards, false);
    }

    /**
     * @param keeperSearches the keeper runs the searches on the index it keeps: this window builds none
     *                       (and must not say that searches scan every file)
     */
    public SearchIndexing(MainViewModel main, Texts texts, Path databases, TaskExecutor executor,
                          ExecutorService workers, int shards, boolean keeperSearches) {
        this.keeperSearches = keeperSearches;
        this.main = main;
        this.executor = executor;
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
        busy.set(false);
        SearchIndex old = index.get();
        index.set(null);
        if (old != null) {
            old.close();
        }
        if (source == null || folder == null) {
            state.set(source == null ? "" : texts.get(keeperSearches ? "search.index.keeper" : "search.index.none"));
            return;
        }
        state.set(texts.get("search.index.building"));
        progress.set(-1);
        busy.set(true);
        AtomicReference<SearchIndex> opened = new AtomicReference<>();
        AtomicReference<Boolean> complete = new AtomicReference<>(false);
        building = executor.submit(BackgroundTask.of(texts.get("search.index.task"), monitor -> {
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
                .onProgress(p -> showProgress(source, p))
                .onFailure(failure -> {
                    if (current == source) {
                        busy.set(false);
                        state.set(texts.format("search.index.failed", failure.message()));
                    }
                }));
    }

    private void showProgress(SourceTree source, ProgressState p) {
        if (current == source && busy.get()) {
            progress.set(p.fraction());
            state.set(p.total() > 0 ? texts.format("search.index.progress", p.done(), p.total())
                    : texts.get("search.index.building"));
        }
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
        busy.set(false);
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

    /** Stops the running build; what it committed is kept and used as a partial index. */
    public void cancel() {
        if (building != null) {
            building.cancel();
        }
    }

    /** Build progress between 0 and 1, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether a build is running (the panel then offers to cancel it). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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
