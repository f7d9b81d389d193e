package airlock.ui.search;

import airlock.core.AirlockException;
import airlock.core.log.EntryType;
import airlock.core.log.SqlAction;
import airlock.core.search.FileMatches;
import airlock.core.search.SearchIndex;
import airlock.core.session.ActiveSession;
import airlock.core.session.ReviewSession;
import airlock.core.search.CodeSearch;
import airlock.core.session.SessionState;
import airlock.ui.session.SessionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    private final CodeSearch searcher;
    private final Executor uiThread;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty();
    private final BooleanProperty ignoreCase = new SimpleBooleanProperty();
    private final BooleanProperty wholeWord = new SimpleBooleanProperty();
    private final StringProperty paths = new SimpleStringProperty("");
    private final StringProperty languages = new SimpleStringProperty("");
    private final StringProperty diffBase = new SimpleStringProperty("");
    private final ObjectProperty<SearchIndex> index = new SimpleObjectProperty<>();
    private final SessionContext session;
    private SearchQuery runningQuery;
    private String runningBase;
    private final ObjectProperty<SearchSummary> lastResult = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private TaskHandle running;
    private long generation;
    private int files;
    private String lastKey;

    /** @param uiThread runs result batches on the UI thread (Platform::runLater; direct in tests) */
    public SearchViewModel(MainViewModel main, Texts texts, CodeSearch searcher, Executor uiThread) {
        this(main, texts, searcher, uiThread, new SessionContext());
    }

    /**
     * @param session the window's session: once one is open, every search is recorded in its log,
     *                and a search whose entry cannot be written is refused
     */
    public SearchViewModel(MainViewModel main, Texts texts, CodeSearch searcher, Executor uiThread,
                           SessionContext session) {
        this.session = session;
        this.main = main;
        this.texts = texts;
        this.searcher = searcher;
        this.uiThread = uiThread;
    }

    /** How many searches have been started (each one that shows results is logged). */
    long searchesStarted() {
        return generation;
    }

    /**
     * Withdraws every result from the screen and stops a running search (the session ended, issue 19):
     * the query is emptied, so no hit, preview or count of the code stays shown.
     */
    public void clearResults() {
        query.set("");
        search();
        hits.clear();
        current.set(-1);
        summary.set("");
    }

    /** Starts a search for the current query, cancelling the previous one. */
    public void search() {
        String key = String.join("\0", query.get(), String.valueOf(regex.get()), String.valueOf(ignoreCase.get()),
                String.valueOf(wholeWord.get()), paths.get(), languages.get(), diffBase.get(),
                String.valueOf(main.sourceProperty().get()), String.valueOf(index.get()));
        if (key.equals(lastKey)) {
            return;
        }
        lastKey = key;
        Optional<String> unlogged = Optional.empty();
        if (running != null) {
            running.cancel();
            running = null;
            // the superseded search put results on screen: that is recorded too
            if (!hits.isEmpty() && runningQuery != null) {
                unlogged = record(runningQuery, runningBase, supersededData(hits.size(), files));
            }
        }
        runningQuery = null;
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
        List<String> globs = words(paths.get());
        Set<String> langs = new TreeSet<>(words(languages.get()));
        SearchQuery q = new SearchQuery(text, regex.get(), ignoreCase.get(), wholeWord.get(), globs, List.of(),
                langs, source.reviewRef());
        String base = diffBase.get() == null || diffBase.get().isBlank() ? null : diffBase.get();
        Optional<String> refused = unlogged.isPresent() ? unlogged : sessionRefusal();
        if (refused.isPresent()) {
            summary.set(texts.format("search.refused", refused.get()));
            return;
        }
        SearchIndex usable = base == null ? index.get() : null;
        runningQuery = q;
        runningBase = base;
        summary.set(texts.get("search.running"));
        running = main.background(BackgroundTask.of(texts.get("search.task"), monitor -> base == null
                        ? searcher.search(source, usable, q, file -> uiThread.execute(() -> add(gen, file)), monitor)
                        : searcher.searchDiff(source, base, q, file -> uiThread.execute(() -> add(gen, file)), monitor))
                .onSuccess(result -> finished(gen, q, base, result))
                .onFailure(failure -> {
                    if (gen == generation) {
                        summary.set(failure.message());
                    }
                }));
    }

    /** Whitespace- or comma-separated words of a filter field. */
    private static List<String> words(String field) {
        List<String> out = new ArrayList<>();
        if (field != null) {
            for (String word : field.trim().split("[\\s,]+")) {
                if (!word.isEmpty()) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    /** Why no search may run now (a session is open but not active), or empty. */
    private Optional<String> sessionRefusal() {
        Optional<ReviewSession> open = session.current();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        try {
            SessionState state = open.get().state();
            return state == SessionState.ACTIVE ? Optional.empty()
                    : Optional.of(texts.format("search.refused.state", state.name().toLowerCase(java.util.Locale.ROOT)));
        } catch (AirlockException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Writes the session-log entry of a finished search. Fails closed: when the entry cannot be
     * written, the results are withdrawn and the reason shown.
     */
    private boolean logged(SearchQuery q, String base, SearchSummary result) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("finished", true);
        counts.put("coverage", result.coverage().name().toLowerCase(java.util.Locale.ROOT));
        counts.put("filesInScope", result.filesInScope());
        counts.put("filesMatched", result.filesMatched());
        counts.put("linesMatched", result.linesMatched());
        counts.put("complete", result.complete());
        Optional<String> failed = record(q, base, counts);
        if (failed.isPresent()) {
            hits.clear();
            current.set(-1);
            summary.set(texts.format("search.refused", failed.get()));
            return false;
        }
        return true;
    }

    private static Map<String, Object> supersededData(int lines, int filesShown) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("finished", false);
        counts.put("filesShown", filesShown);
        counts.put("linesShown", lines);
        return counts;
    }

    /** Appends the search's entry when a session is open; the reason it could not, if so. */
    private Optional<String> record(SearchQuery q, String base, Map<String, Object> counts) {
        // through the keeper the search.run entry is written by the keeper before it sends a hit
        Optional<ActiveSession> open = searcher.recordsRuns() ? Optional.empty() : session.local();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("query", q.pattern());
        data.put("regex", q.regex());
        data.put("ignoreCase", q.ignoreCase());
        data.put("wholeWord", q.wholeWord());
        data.put("paths", List.copyOf(q.include()));
        data.put("languages", List.copyOf(new TreeSet<>(q.languages())));
        data.put("ref", q.ref());
        if (base != null) {
            data.put("diffFrom", base);
        }
        data.putAll(counts);
        try {
            open.get().record(EntryType.SEARCH_RUN, data, SqlAction.NONE);
            return Optional.empty();
        } catch (AirlockException e) {
            return Optional.of(e.getMessage());
        }
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

    private void finished(long gen, SearchQuery q, String base, SearchSummary result) {
        if (gen != generation) {
            return;
        }
        runningQuery = null;
        if (!logged(q, base, result)) {
            return;
        }
        lastResult.set(result);
        // results may still be queued behind this callback on the UI thread: count from the summary
        summary.set(result.linesMatched() == 0 ? texts.get("search.none")
                : texts.format("search.done", result.linesMatched(), result.filesMatched())
                + (result.complete() ? "" : " " + texts.format("search.incomplete", result.incomplete().size()))
                + (result.coverage() == SearchSummary.Coverage.PARTIAL_INDEX
                        ? " " + texts.format("search.partial", result.filesUnindexed()) : ""));
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
        // the first match of the line is marked in the code view (issue 19)
        airlock.ui.main.LineMark mark = hit.ranges().isEmpty() ? null
                : new airlock.ui.main.LineMark(hit.ranges().get(0).start(), hit.ranges().get(0).end(), hit.text());
        main.openFile(hit.path(), hit.line(), mark);
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

    /** Path globs, separated by spaces or commas; {@code !GLOB} excludes. */
    public StringProperty pathsProperty() {
        return paths;
    }

    /** Language names, separated by spaces or commas (empty: every language). */
    public StringProperty languagesProperty() {
        return languages;
    }

    /** A ref to compare with: only lines added or changed since it are searched (empty: the whole ref). */
    public StringProperty diffBaseProperty() {
        return diffBase;
    }

    /** The summary of the last search that finished and was recorded (coverage, counts). */
    public javafx.beans.property.ReadOnlyObjectProperty<SearchSummary> lastResultProperty() {
        return lastResult;
    }

    /** The index searches use (set by {@link SearchIndexing}; null: scan). */
    public ObjectProperty<SearchIndex> indexProperty() {
        return index;
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
