package airlock.ui.search;

import airlock.core.search.FileMatches;
import airlock.core.search.LineMatch;
import airlock.core.search.SearchQuery;
import airlock.core.search.SearchSummary;
import airlock.core.search.Searcher;
import airlock.core.source.SourceTree;
import airlock.ui.Texts;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.BackgroundTask;
import airlock.ui.task.TaskHandle;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search panel's state: query and options, results streamed in as core finds them, counts,
 * the current result (F4 / Shift+F4) and the history. A new query cancels the running search;
 * results of a superseded search are dropped. Holds no nodes.
 */
public final class SearchViewModel {
    private static final int HISTORY = 20;
    private final MainViewModel main;
    private final Texts texts;
    private final Searcher searcher;
    private final Executor uiThread;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty();
    private final BooleanProperty ignoreCase = new SimpleBooleanProperty();
    private final BooleanProperty wholeWord = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private TaskHandle running;
    private long generation;
    private int files;
    private String lastKey;

    /** @param uiThread runs result batches on the UI thread (Platform::runLater; direct in tests) */
    public SearchViewModel(MainViewModel main, Texts texts, Searcher searcher, Executor uiThread) {
        this.main = main;
        this.texts = texts;
        this.searcher = searcher;
        this.uiThread = uiThread;
    }

    /** Starts a search for the current query, cancelling the previous one. */
    public void search() {
        String key = query.get() + "\0" + regex.get() + ignoreCase.get() + wholeWord.get()
                + main.sourceProperty().get();
        if (key.equals(lastKey)) {
            return;
        }
        lastKey = key;
        if (running != null) {
            running.cancel();
            running = null;
        }
        long gen = ++generation;
        hits.clear();
        files = 0;
        current.set(-1);
        String text = query.get();
        SourceTree source = main.sourceProperty().get();
        if (text == null || text.isEmpty() || source == null) {
            summary.set("");
            return;
        }
        SearchQuery q = new SearchQuery(text, regex.get(), ignoreCase.get(), wholeWord.get(), List.of(), List.of(),
                Set.of(), source.reviewRef());
        summary.set(texts.get("search.running"));
        running = main.background(BackgroundTask.of(texts.get("search.task"), monitor ->
                        searcher.search(source, null, q, file -> uiThread.execute(() -> add(gen, file)), monitor))
                .onSuccess(result -> finished(gen, result)));
    }

    private void add(long gen, FileMatches file) {
        if (gen != generation) {
            return;
        }
        files++;
        for (LineMatch line : file.lines()) {
            hits.add(new SearchHit(file.path(), line.number(), line.text(), line.ranges()));
        }
        summary.set(texts.format("search.progress", hits.size(), files));
    }

    private void finished(long gen, SearchSummary result) {
        if (gen != generation) {
            return;
        }
        // results may still be queued behind this callback on the UI thread: count from the summary
        summary.set(result.linesMatched() == 0 ? texts.get("search.none")
                : texts.format("search.done", result.linesMatched(), result.filesMatched())
                + (result.complete() ? "" : " " + texts.format("search.incomplete", result.incomplete().size())));
    }

    /**
     * Keeps the current query in the history (on Enter, or when a result is opened): searches run
     * on every keystroke, so finishing one does not make it worth remembering.
     */
    public void remember() {
        String text = query.get();
        if (text == null || text.isEmpty()) {
            return;
        }
        history.remove(text);
        history.add(0, text);
        if (history.size() > HISTORY) {
            history.remove(HISTORY, history.size());
        }
    }

    /** Moves to the next result (wrapping) and opens it at the match. */
    public void next() {
        move(+1);
    }

    public void previous() {
        move(-1);
    }

    private void move(int step) {
        if (hits.isEmpty()) {
            return;
        }
        int n = hits.size();
        int at = current.get() < 0 ? (step > 0 ? 0 : n - 1) : Math.floorMod(current.get() + step, n);
        open(at);
    }

    /** Opens result {@code index} at its line. */
    public void open(int index) {
        if (index < 0 || index >= hits.size()) {
            return;
        }
        SearchHit hit = hits.get(index);
        current.set(index);
        remember();
        main.openFile(hit.path(), hit.line());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty ignoreCaseProperty() {
        return ignoreCase;
    }

    public BooleanProperty wholeWordProperty() {
        return wholeWord;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public IntegerProperty currentProperty() {
        return current;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public ObservableList<String> history() {
        return history;
    }
}
