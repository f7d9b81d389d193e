package airlock.ui.search;

import airlock.ui.Texts;
import airlock.ui.code.HitLines;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The search panel: an editable query box with history, options, the counts, and the results as
 * {@code path:line: text} rows with the matches highlighted. Rows are drawn as text nodes, which
 * cannot be selected, and copy keys are swallowed: results never reach the clipboard.
 */
public final class SearchPane {
    private final SearchViewModel model;
    private final TextField queryBox = new TextField();
    private final ComboBox<String> historyBox = new ComboBox<>();
    private final ListView<SearchHit> results = new ListView<>();
    private final ComboBox<String> diffBox = new ComboBox<>();
    private final javafx.scene.control.ProgressBar indexBar = new javafx.scene.control.ProgressBar();
    private final javafx.scene.control.Button indexCancel = new javafx.scene.control.Button();
    private final HBox indexRow;
    private final javafx.beans.property.StringProperty indexState = new javafx.beans.property.SimpleStringProperty("");
    private final VBox root;
    /** How long typing must pause before the query runs. */
    static final javafx.util.Duration TYPING_PAUSE = javafx.util.Duration.millis(300);
    private final javafx.animation.PauseTransition typing = new javafx.animation.PauseTransition(TYPING_PAUSE);

    public SearchPane(SearchViewModel model, Texts texts) {
        this.model = model;
        queryBox.setPromptText(texts.get("search.prompt"));
        queryBox.textProperty().bindBidirectional(model.queryProperty());
        // search as you type, once typing pauses: every search that shows results is a session-log
        // entry, and a query typed at speed should not leave one entry (and one policy finding) per
        // keystroke; Enter searches at once
        typing.setOnFinished(e -> model.search());
        model.queryProperty().addListener((obs, old, now) -> typing.playFromStart());
        queryBox.setOnAction(e -> {
            typing.stop();
            model.search();
            model.remember();
        });
        historyBox.setItems(model.history());
        historyBox.setPromptText(texts.get("search.history"));
        historyBox.setOnAction(e -> {
            String picked = historyBox.getValue();
            if (picked != null) {
                model.queryProperty().set(picked);
            }
        });
        CheckBox regex = option(texts.get("search.option.regex"), model.regexProperty());
        CheckBox ignoreCase = option(texts.get("search.option.case"), model.ignoreCaseProperty());
        CheckBox word = option(texts.get("search.option.word"), model.wholeWordProperty());
        Label summary = new Label();
        summary.getStyleClass().add("search-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        results.setItems(model.hits());
        results.getStyleClass().add("search-results");
        results.setCellFactory(list -> new HitCell());
        results.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.open(results.getSelectionModel().getSelectedIndex());
            }
        });
        results.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(results.getSelectionModel().getSelectedIndex());
                e.consume();
            } else if ((e.isShortcutDown() && (e.getCode() == KeyCode.C || e.getCode() == KeyCode.INSERT))
                    || e.getCode() == KeyCode.COPY) {
                e.consume();
            }
        });
        model.currentProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                results.getSelectionModel().select(now.intValue());
                results.scrollTo(Math.max(0, now.intValue() - 3));
            }
        });
        // the options wrap in a narrow side panel instead of being clipped
        javafx.scene.layout.FlowPane options = new javafx.scene.layout.FlowPane(8, 4, regex, ignoreCase, word);
        HBox.setHgrow(queryBox, Priority.ALWAYS);
        TextField paths = filter(texts.get("search.option.paths.prompt"), model.pathsProperty());
        TextField languages = filter(texts.get("search.option.languages.prompt"), model.languagesProperty());
        diffBox.setPromptText(texts.get("search.option.diff.none"));
        diffBox.setOnAction(e -> {
            String picked = diffBox.getValue();
            model.diffBaseProperty().set(picked == null || picked.equals(texts.get("search.option.diff.none")) ? "" : picked);
            model.search();
        });
        GridPane filters = new GridPane();
        filters.setHgap(6);
        filters.setVgap(4);
        filters.addRow(0, airlock.ui.Labels.name(texts.get("search.option.paths")), paths);
        filters.addRow(1, airlock.ui.Labels.name(texts.get("search.option.languages")), languages);
        filters.addRow(2, airlock.ui.Labels.name(texts.get("search.option.diff")), diffBox);
        GridPane.setHgrow(paths, Priority.ALWAYS);
        GridPane.setHgrow(languages, Priority.ALWAYS);
        diffBox.setMaxWidth(Double.MAX_VALUE);
        Label indexState = new Label();
        indexState.getStyleClass().add("search-index-state");
        indexState.setWrapText(true);
        indexState.textProperty().bind(this.indexState);
        indexRow = new HBox(6, indexBar, indexCancel);
        indexRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(indexBar, Priority.ALWAYS);
        indexBar.setMaxWidth(Double.MAX_VALUE);
        root = new VBox(6, new HBox(6, queryBox, historyBox), options, filters, indexState, indexRow, summary, results);
        root.getStyleClass().add("search-pane");
        VBox.setVgrow(results, Priority.ALWAYS);
    }

    private TextField filter(String prompt, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        field.textProperty().addListener((obs, old, now) -> typing.playFromStart());
        field.setOnAction(e -> {
            typing.stop();
            model.search();
        });
        return field;
    }

    /** The refs a diff search can compare with (the source's refs), offered in the "changed since" box. */
    public void setRefs(java.util.List<String> refs, String none) {
        diffBox.getItems().setAll(none);
        diffBox.getItems().addAll(refs);
        diffBox.getSelectionModel().select(0);
    }

    /** Shows the index build's progress bar and its cancel button while it runs. */
    public void showIndexing(SearchIndexing indexing, Texts texts) {
        indexBar.progressProperty().bind(indexing.progressProperty());
        indexCancel.setText(texts.get("search.index.cancel"));
        indexCancel.setOnAction(e -> indexing.cancel());
        indexRow.visibleProperty().bind(indexing.busyProperty());
        indexRow.managedProperty().bind(indexing.busyProperty());
    }

    /** What the index is doing, shown above the counts. */
    public javafx.beans.property.StringProperty indexStateProperty() {
        return indexState;
    }

    private CheckBox option(String label, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(label);
        // never "…": the options move to the next line of their flow instead (issue 19)
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.setTooltip(new javafx.scene.control.Tooltip(label));
        box.selectedProperty().bindBidirectional(property);
        box.selectedProperty().addListener((obs, old, now) -> model.search());
        return box;
    }

    public Node root() {
        return root;
    }

    /** Puts the cursor in the query box. */
    public void focusQuery() {
        queryBox.requestFocus();
        queryBox.selectAll();
    }

    /**
     * One result row, grouped by file: the first hit of a file carries the file's header (results arrive in
     * path order, so a file's hits are together). Repository text is escaped piece by piece ({@link HitLines}).
     */
    private static final class HitCell extends ListCell<SearchHit> {
        /** How far a header counts its file's hits before it says "n+". */
        private static final int COUNT_LIMIT = 1000;

        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            setText(null);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            java.util.List<SearchHit> all = getListView().getItems();
            int index = getIndex();
            boolean first = index <= 0 || index > all.size() || !all.get(index - 1).path().equals(hit.path());
            String header = null;
            if (first) {
                int count = 0;
                for (int i = Math.max(0, index); i < all.size() && count < COUNT_LIMIT
                        && all.get(i).path().equals(hit.path()); i++) {
                    count++;
                }
                boolean more = index + count < all.size() && count == COUNT_LIMIT;
                header = HitLines.header(hit.path(), count, more);
            }
            setGraphic(HitLines.row(header, hit.line(), hit.text(), hit.ranges()));
        }
    }
}
