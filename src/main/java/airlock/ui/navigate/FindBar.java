package airlock.ui.navigate;

import airlock.core.search.InvalidQueryException;
import airlock.core.search.LineMatch;
import airlock.core.search.SearchQuery;
import airlock.core.search.TextMatcher;
import airlock.core.text.DisplayText;
import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.BackgroundTask;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Find in file (Ctrl+F): a bar above the code with the query, Regex / Match case / Whole word, Previous and
 * Next (also Shift+F3 / F3, Shift+Enter / Enter in the field), the match count and, for a pattern that does
 * not compile, one line saying why. It searches the text the view shows, with the search's matcher and
 * its step budget (the file is vendor input: a pathological pattern is stopped, not run for ever), off the
 * FX thread; the current match is marked in the view and scrolled to. Esc closes the bar.
 */
final class FindBar extends HBox {
    private final MainViewModel model;
    private final Texts texts;
    private final Supplier<CodeViewPane> pane;
    private final TextField query = new TextField();
    private final CheckBox regex;
    private final CheckBox matchCase;
    private final CheckBox word;
    private final Label count = new Label();
    private final Label error = new Label();
    private FindMatches matches = FindMatches.none();
    /** What {@link #matches} were found in: the view and its content version; a change means searching again. */
    private CodeViewPane searchedPane;
    private long searchedVersion = -1;
    private long generation;
    private boolean pendingStep;
    private boolean pendingForward = true;

    FindBar(MainViewModel model, Texts texts, Supplier<CodeViewPane> pane) {
        this.model = model;
        this.texts = texts;
        this.pane = pane;
        getStyleClass().add("find-bar");
        setId("find-bar");
        query.setId("find-query");
        query.setPromptText(texts.get("nav.find.prompt"));
        HBox.setHgrow(query, Priority.ALWAYS);
        query.setMaxWidth(420);
        regex = option(texts.get("nav.find.regex"));
        matchCase = option(texts.get("nav.find.case"));
        word = option(texts.get("nav.find.word"));
        Button previous = button(texts.get("nav.find.previous"), () -> step(false));
        Button next = button(texts.get("nav.find.next"), () -> step(true));
        Button close = button(texts.get("nav.find.close"), this::close);
        count.getStyleClass().add("find-count");
        count.setId("find-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        error.getStyleClass().add("find-error");
        error.setId("find-error");
        error.setMinWidth(0);
        HBox.setHgrow(error, Priority.SOMETIMES);
        Label label = airlock.ui.Labels.name(texts.get("nav.find.label"));
        label.setLabelFor(query);
        getChildren().addAll(label, query, regex, matchCase, word, previous, next, count, error, close);
        query.textProperty().addListener((obs, old, now) -> search());
        query.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                step(!e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        setVisible(false);
        setManaged(false);
    }

    private CheckBox option(String text) {
        CheckBox box = new CheckBox(text);
        box.setMnemonicParsing(false);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.selectedProperty().addListener((obs, old, now) -> search());
        return box;
    }

    private static Button button(String text, Runnable action) {
        Button b = new Button(text);
        b.setMnemonicParsing(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Shows the bar with the cursor in its field (the word at the caret as query when the field is empty). */
    void open(String wordAtCaret) {
        setVisible(true);
        setManaged(true);
        if (query.getText().isEmpty() && wordAtCaret != null) {
            query.setText(wordAtCaret);
        }
        query.requestFocus();
        query.selectAll();
        search();
    }

    void close() {
        setVisible(false);
        setManaged(false);
        CodeViewPane p = pane.get();
        if (p != null) {
            p.clearMark();
            p.focusText();
        }
    }

    /** F3 / Shift+F3: the next or previous match; opens the bar when nothing was asked yet. */
    void step(boolean forward) {
        CodeViewPane p = pane.get();
        if (p == null) {
            return;
        }
        if (query.getText().isEmpty()) {
            open(null);
            return;
        }
        if (p != searchedPane || p.contentVersion() != searchedVersion) {
            pendingStep = true;
            pendingForward = forward;
            search();
            return;
        }
        int[] m = matches.step(forward, p.codeArea().getCurrentParagraph(), p.codeArea().getCaretColumn());
        showCount();
        if (m != null) {
            p.markShown(m[0], m[1], m[2]);
        }
    }

    /** Runs the query on the current view's text, off the FX thread; answers for an older query are dropped. */
    void search() {
        long mine = ++generation;
        CodeViewPane p = pane.get();
        matches = FindMatches.none();
        searchedPane = null;
        error.setText("");
        String typed = query.getText();
        if (p == null || typed.isEmpty()) {
            count.setText("");
            pendingStep = false;
            return;
        }
        TextMatcher matcher;
        try {
            matcher = TextMatcher.compile(new SearchQuery(typed, regex.isSelected(), !matchCase.isSelected(),
                    word.isSelected(), List.of(), List.of(), java.util.Set.of(), null));
        } catch (InvalidQueryException e) {
            count.setText(texts.get("nav.find.count.none"));
            error.setText(oneLine(e.getMessage()));
            pendingStep = false;
            return;
        }
        String text = p.text();
        long version = p.contentVersion();
        count.setText(texts.get("nav.find.searching"));
        model.background(BackgroundTask.of(texts.format("nav.task.find", DisplayText.inline(typed)),
                monitor -> matcher.matchLinesWithin(text, () -> monitor.isCancelled() || generation != mine))
                .onSuccess((Optional<List<LineMatch>> found) -> {
                    if (mine != generation) {
                        return;
                    }
                    if (found.isEmpty()) {
                        count.setText(texts.get("nav.find.count.none"));
                        error.setText(texts.get("nav.find.budget"));
                        return;
                    }
                    matches = FindMatches.of(found.get());
                    searchedPane = p;
                    searchedVersion = version;
                    if (pendingStep || isVisible()) {
                        boolean forward = pendingForward;
                        pendingStep = false;
                        pendingForward = true;
                        step(forward);
                    } else {
                        showCount();
                    }
                }));
    }

    /** The matcher's message cut to its first sentence: one line in the bar (the rest speaks of the command line). */
    static String oneLine(String message) {
        int cut = message.indexOf(". ");
        String line = cut > 0 ? message.substring(0, cut + 1) : message;
        return line.replace('\n', ' ').replace('\r', ' ');
    }

    private void showCount() {
        int n = matches.count();
        if (n == 0) {
            count.setText(texts.get("nav.find.count.none"));
        } else if (matches.current() < 0) {
            count.setText(texts.format(matches.more() ? "nav.find.count.more" : "nav.find.count.total", n));
        } else {
            count.setText(texts.format(matches.more() ? "nav.find.count.of.more" : "nav.find.count.of",
                    matches.current() + 1, n));
        }
    }

    /** The view changed (another tab, new text): the next step searches again. */
    void viewChanged() {
        if (isVisible() && !query.getText().isEmpty()) {
            search();
        }
    }

    TextField queryField() {
        return query;
    }

    CheckBox regexBox() {
        return regex;
    }

    CheckBox caseBox() {
        return matchCase;
    }

    CheckBox wordBox() {
        return word;
    }

    String countText() {
        return count.getText();
    }

    String errorText() {
        return error.getText();
    }

    FindMatches matches() {
        return matches;
    }
}
