package airlock.ui.navigate;

import airlock.core.symbols.CallSite;
import airlock.core.symbols.Definition;
import airlock.core.symbols.FileSymbols;
import airlock.core.symbols.Reference;
import airlock.core.symbols.ReferencePage;
import airlock.core.symbols.Tag;
import airlock.core.symbols.TagsExtractor;
import airlock.core.syntax.Language;
import airlock.core.syntax.SyntaxHighlighter;
import airlock.core.syntax.TreeSitterHighlighter;
import airlock.core.text.ContentLimits;
import airlock.core.text.DisplayText;
import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.main.MainView;
import airlock.ui.main.MainViewModel;
import airlock.ui.main.MenuId;
import airlock.ui.main.Shortcut;
import airlock.ui.task.BackgroundTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.MouseButton;
import org.fxmisc.richtext.CodeArea;

/**
 * Code navigation in the workstation: highlighting and Trojan Source marks on every code view, go to
 * definition (F12, Ctrl+click; a chooser when several), back/forward, find references and callers,
 * go to file, go to symbol, find in file and the outline. Installs itself through the shell's hooks.
 */
public final class NavigationFeature {
    static final int REFERENCE_PAGE = 500;
    /** Go to symbol: how many best-matching names are looked up, and how many definition rows are shown. */
    static final int SYMBOL_NAMES = 100;
    static final int SYMBOL_ROWS = 300;
    private final MainViewModel model;
    private final MainView view;
    private final Texts texts;
    private final NavigationHistory history = new NavigationHistory();
    private final CodeDecorator decorator;
    private final SymbolService symbols;
    private final ResultsPanel results;
    private final ResultsPanel outline;
    private final Tab resultsTab;
    private final Tab outlineTab;
    private final TagsExtractor extractor = new TagsExtractor();
    private final CodeAids aids;
    private final HoverCard hover;
    private final SplitView split;
    private QuickOpen lastQuickOpen;
    private final FindBar findBar;
    private final Breadcrumbs breadcrumbs;

    /** @param databases folder for symbol indexes (the home's db folder), or null for no index */
    public NavigationFeature(MainViewModel model, MainView view, Texts texts, Path databases) {
        this(model, view, texts, databases, null);
    }

    /** @param remote the keeper's symbol lookup per source (two-process workstation), or null for an index of this process */
    public NavigationFeature(MainViewModel model, MainView view, Texts texts, Path databases,
                             java.util.function.Function<airlock.core.source.SourceTree, airlock.core.symbols.SymbolLookup> remote) {
        this.model = model;
        this.view = view;
        this.texts = texts;
        ContentLimits limits = ContentLimits.DEFAULT;
        this.decorator = new CodeDecorator(model, texts, new SyntaxHighlighter(TreeSitterHighlighter.create(), limits),
                limits);
        this.aids = new CodeAids(this::detectedLanguage);
        this.symbols = new SymbolService(model, texts, databases, remote);
        this.hover = new HoverCard(symbols, texts, view.root().getStylesheets());
        this.split = new SplitView(model, view, texts, this::attach);
        this.results = new ResultsPanel(this::open);
        this.outline = new ResultsPanel(item -> model.openFile(item.target().path(), item.target().line()));
        this.outlineTab = view.addSidePanel(texts.get("nav.panel.outline"), outline);
        this.resultsTab = view.addSidePanel(texts.get("nav.panel.results"), results);
        Label indexStatus = new Label();
        indexStatus.getStyleClass().add("nav-index-status");
        indexStatus.textProperty().bind(symbols.statusProperty());
        view.addStatusItem(indexStatus);
        this.breadcrumbs = new Breadcrumbs(texts, view::showInFileTree);
        view.addAboveCode(breadcrumbs);
        this.findBar = new FindBar(model, texts, this::activePane);
        view.addAboveCode(findBar);
        view.onCodeViewCreated(this::attach);
        model.selectedProperty().addListener((obs, old, now) -> {
            breadcrumbs.show(view.selectedCodeView());
            refreshOutline();
            findBar.viewChanged();
        });
        menus();
    }

    private void menus() {
        add("nav.menu.definition", new Shortcut("F12", "nav.shortcut.definition"), this::goToDefinition);
        add("nav.menu.references", new Shortcut("Shift+F12", "nav.shortcut.references"), this::findReferences);
        add("nav.menu.callers", new Shortcut("Shortcut+Alt+H", "nav.shortcut.callers"), this::findCallers);
        add("nav.menu.back", new Shortcut("Alt+Left", "nav.shortcut.back"), this::back);
        add("nav.menu.forward", new Shortcut("Alt+Right", "nav.shortcut.forward"), this::forward);
        add("nav.menu.file", new Shortcut("Shortcut+P", "nav.shortcut.file"), this::goToFile);
        add("nav.menu.symbol", new Shortcut("Shortcut+T", "nav.shortcut.symbol"), this::goToSymbol);
        add("nav.menu.find", new Shortcut("Shortcut+F", "nav.shortcut.find"), this::findInFile);
        add("nav.menu.find.next", new Shortcut("F3", "nav.shortcut.find.next"), () -> findBar.step(true));
        add("nav.menu.find.previous", new Shortcut("Shift+F3", "nav.shortcut.find.previous"), () -> findBar.step(false));
        add(MenuId.VIEW, "nav.menu.split", new Shortcut("Shortcut+Back Slash", "nav.shortcut.split"), split::toggle);
    }

    private void add(String key, Shortcut shortcut, Runnable action) {
        add(MenuId.GO, key, shortcut, action);
    }

    private void add(MenuId menu, String key, Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(texts.get(key));
        item.setId(key.replace('.', '-'));
        item.setAccelerator(shortcut.combination());
        item.setOnAction(e -> action.run());
        view.addMenuItem(menu, item);
        view.shortcuts().add(shortcut);
    }

    private void attach(CodeViewPane pane) {
        decorator.attach(pane);
        aids.attach(pane);
        hover.attach(pane);
        CodeArea area = pane.codeArea();
        area.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isShortcutDown()) {
                goToDefinition();
            } else if (e.getButton() == MouseButton.BACK) {
                back();
            } else if (e.getButton() == MouseButton.FORWARD) {
                forward();
            }
        });
        area.currentParagraphProperty().addListener((obs, old, now) -> breadcrumbs.caretMoved(pane));
        pane.addShownListener(() -> {
            if (pane == view.selectedCodeView()) {
                breadcrumbs.show(pane);
                refreshOutline();
                findBar.viewChanged();
            }
        });
    }

    /** The code view being read: the split view when it has the focus, else the selected tab's. */
    CodeViewPane activePane() {
        CodeViewPane second = split.pane();
        if (second != null && second.codeArea().isFocused()) {
            return second;
        }
        return view.selectedCodeView();
    }

    /** The identifier under the caret of the active view, or null. */
    String wordAtCaret() {
        CodeViewPane pane = activePane();
        if (pane == null) {
            return null;
        }
        CodeArea area = pane.codeArea();
        String line = area.getParagraph(area.getCurrentParagraph()).getText();
        int col = Math.min(area.getCaretColumn(), line.length());
        int s = col;
        int e = col;
        while (s > 0 && isIdent(line.charAt(s - 1))) {
            s--;
        }
        while (e < line.length() && isIdent(line.charAt(e))) {
            e++;
        }
        return s == e ? null : line.substring(s, e);
    }

    private static boolean isIdent(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private Location here() {
        CodeViewPane pane = activePane();
        return pane == null ? null : new Location(pane.documentPath(), pane.currentLine());
    }

    void jump(Location to) {
        history.jumped(here());
        model.openFile(to.path(), to.line());
    }

    /** Opens a result row: a reference with its name marked in the code view, anything else at its line. */
    void open(ResultItem item) {
        ResultItem.CodeLine code = item.code();
        if (code == null) {
            jump(item.target());
            return;
        }
        history.jumped(here());
        model.openFile(item.target().path(), item.target().line(),
                new airlock.ui.main.LineMark(code.from(), code.to(), code.text()));
    }

    void back() {
        history.back(here()).ifPresent(loc -> model.openFile(loc.path(), loc.line()));
    }

    void forward() {
        history.forward(here()).ifPresent(loc -> model.openFile(loc.path(), loc.line()));
    }

    void goToDefinition() {
        String word = wordAtCaret();
        if (word == null) {
            model.showStatus(texts.get("nav.noword"));
            return;
        }
        showDefinitions(word);
    }

    private void showDefinitions(String word) {
        String shown = DisplayText.inline(word);
        symbols.query(texts.format("nav.task.definition", shown), idx -> idx.definitions(word), defs -> {
            if (defs.isEmpty()) {
                model.showStatus(texts.format("nav.definition.none", shown));
            } else if (defs.size() == 1) {
                jump(new Location(defs.get(0).path(), defs.get(0).line()));
            } else {
                List<ResultItem> items = new ArrayList<>();
                for (Definition d : defs) {
                    items.add(definitionItem(d));
                }
                showResults(texts.format("nav.definition.choose", defs.size(), shown), items);
                // the chooser takes the focus, its first item selected, so Enter opens it (issue 19)
                results.listView().requestFocus();
            }
        });
    }

    /**
     * A definition as a row: kind, qualified name, path and line ({@code method ns::Widget::draw — w.cc:3}),
     * then the preprocessor branch it sits in, if any ({@code [#else of CONFIG_X]}), so two definitions of one
     * name in the branches of an {@code #ifdef} can be told apart before either is opened.
     */
    private static ResultItem definitionItem(Definition d) {
        return new ResultItem(kind(d.kind().name()) + " " + DisplayText.inline(d.qualifiedName()) + " \u2014 "
                + DisplayText.inline(d.path()) + ":" + d.line() + conditionSuffix(d.condition()),
                new Location(d.path(), d.line()));
    }

    /** " [#else of X]" for a definition in a preprocessor branch, "" otherwise; the vendor's text made visible. */
    static String conditionSuffix(String condition) {
        return condition.isEmpty() ? "" : " [" + DisplayText.inline(condition) + "]";
    }

    void findReferences() {
        String word = wordAtCaret();
        if (word == null) {
            model.showStatus(texts.get("nav.noword"));
            return;
        }
        String shown = DisplayText.inline(word);
        airlock.core.source.SourceTree source = symbols.source();
        symbols.query(texts.format("nav.task.references", shown), idx -> {
            ReferencePage page = idx.references(word, 0, REFERENCE_PAGE);
            // each reference with its code line, read from the code under review (one read per file)
            return new Object[] {page, SymbolService.lines(source, page.references())};
        }, (Object[] found) -> {
                    ReferencePage page = (ReferencePage) found[0];
                    @SuppressWarnings("unchecked")
                    List<String> lines = (List<String>) found[1];
                    List<ResultItem> items = new ArrayList<>();
                    for (int i = 0; i < page.references().size(); i++) {
                        Reference r = page.references().get(i);
                        String line = lines.get(i);
                        int from = Math.max(0, Math.min(r.column() - 1, line.length()));
                        items.add(new ResultItem(DisplayText.inline(r.path()) + ":" + r.line() + ":" + r.column()
                                + ": " + DisplayText.inline(line.strip()), new Location(r.path(), r.line()),
                                new ResultItem.CodeLine(line, from, Math.min(line.length(), from + word.length()))));
                    }
                    String title = page.hasMore()
                            ? texts.format("nav.references.some", page.references().size(), page.total(), shown)
                            : texts.format("nav.references.all", page.total(), shown);
                    showResults(title, items);
                });
    }

    void findCallers() {
        String word = wordAtCaret();
        if (word == null) {
            model.showStatus(texts.get("nav.noword"));
            return;
        }
        String shown = DisplayText.inline(word);
        airlock.core.source.SourceTree source = symbols.source();
        symbols.query(texts.format("nav.task.callers", shown), idx -> {
            List<CallSite> sites = idx.callers(word, REFERENCE_PAGE);
            // each call with its code line, as references show them (issue 19): one read per file
            return new Object[] {sites, SymbolService.lines(source, sites.stream().map(CallSite::at).toList())};
        }, (Object[] found) -> {
            @SuppressWarnings("unchecked")
            List<CallSite> sites = (List<CallSite>) found[0];
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) found[1];
            showResults(texts.format("nav.callers.title", sites.size(), shown), callerItems(sites, lines, word));
        });
    }

    /**
     * The callers' rows: grouped under their file's header (rows of one file follow each other, in the
     * order the index gives), each with its code line and the called name marked; the label keeps the
     * calling function's name.
     */
    static List<ResultItem> callerItems(List<CallSite> sites, List<String> lines, String word) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            order.add(i);
        }
        // stable: keeps the index's order inside a file, brings a file's calls together
        java.util.Map<String, Integer> firstSeen = new java.util.HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            firstSeen.putIfAbsent(sites.get(i).at().path(), i);
        }
        order.sort(java.util.Comparator.comparingInt(i -> firstSeen.get(sites.get(i).at().path())));
        List<ResultItem> items = new ArrayList<>();
        for (int i : order) {
            CallSite c = sites.get(i);
            String line = lines.get(i);
            int from = Math.max(0, Math.min(c.at().column() - 1, line.length()));
            items.add(new ResultItem(DisplayText.inline(c.caller().qualifiedName()) + " \u2014 "
                    + DisplayText.inline(c.at().path()) + ":" + c.at().line() + ": " + DisplayText.inline(line.strip()),
                    new Location(c.at().path(), c.at().line()),
                    new ResultItem.CodeLine(line, from, Math.min(line.length(), from + word.length()))));
        }
        return items;
    }

    private void showResults(String title, List<ResultItem> items) {
        results.show(title, items);
        if (resultsTab.getTabPane() != null) {
            resultsTab.getTabPane().getSelectionModel().select(resultsTab);
        }

    }

    void goToFile() {
        QuickOpen open = new QuickOpen(view.root().getScene().getWindow(), texts.get("nav.menu.file"),
                view.root().getStylesheets(), typed -> symbols.files().find(typed, 100).stream()
                        .map(m -> new ResultItem(DisplayText.inline(m.path()), new Location(m.path(), 1))).toList(),
                this::jump);
        lastQuickOpen = open;
        // typed before the file list arrived (through the keeper it comes a moment after the session starts)
        symbols.onFilesListed(open::refresh);
        open.show();
    }

    void goToSymbol() {
        lastQuickOpen = new QuickOpen(view.root().getScene().getWindow(), texts.get("nav.menu.symbol"),
                view.root().getStylesheets(), (QuickOpen.AsyncSearch) this::searchSymbols, this::jump);
        lastQuickOpen.show();
    }

    /**
     * Symbol search runs in the background: names are scanned in memory (tens of ms on the kernel) and only
     * the rows shown are read from the index.
     */
    private void searchSymbols(String typed, java.util.function.Consumer<List<ResultItem>> show) {
        if (typed.isBlank()) {
            show.accept(List.of());
            return;
        }
        symbols.query(texts.format("nav.task.symbols", DisplayText.inline(typed)), idx -> {
            // one row per definition, best-matching names first: kind, qualified name and path tell
            // std::vector::push_back from a vendor's own push_back before anything is opened
            List<ResultItem> out = new ArrayList<>();
            for (Definition d : idx.goToSymbol(typed, SYMBOL_NAMES, SYMBOL_ROWS)) {
                out.add(definitionItem(d));
            }
            return out;
        }, show);
    }

    /** Ctrl+F: the find bar above the code, the word at the caret as its query when it has none. */
    void findInFile() {
        if (view.selectedCodeView() == null) {
            return;
        }
        findBar.open(wordAtCaret());
    }

    private void refreshOutline() {
        CodeViewPane pane = view.selectedCodeView();
        breadcrumbs.show(pane);
        if (pane == null || pane.content() == null) {
            outline.show("", List.of());
            return;
        }
        String path = pane.documentPath();
        String text = pane.text();
        int lineOffset = pane.lineOffset();
        // detected by content here, off the FX thread (it reads at most a 32 KiB prefix): extension-less C++ headers
        model.background(BackgroundTask.of(texts.format("nav.task.outline", DisplayText.inline(path)),
                monitor -> extractor.extract(Language.detect(path, text), text)).onSuccess((FileSymbols fs) -> {
                    List<ResultItem> items = new ArrayList<>();
                    for (Tag t : fs.definitions()) {
                        String indent = t.scope().isEmpty() ? "" : "    ";
                        int line = t.line() + lineOffset;
                        Definition d = new Definition(path, t.name(), t.kind(), line, t.column(), t.endLine(),
                                t.scope(), t.signature(), t.condition());
                        items.add(new ResultItem(indent + definitionItem(d).label(), new Location(path, line)));
                    }
                    outline.show(texts.format("nav.outline.title", items.size(), DisplayText.inline(path)), items);
                    breadcrumbs.setOutline(path, fs.definitions(), lineOffset);
                }));
    }

    /** The language the decorator detected for the pane's current text, or null while it has not yet. */
    private Language detectedLanguage(CodeViewPane pane) {
        Decoration d = decorator.decorationOf(pane);
        return d != null && d.version() == pane.contentVersion() ? d.language() : null;
    }

    private static String kind(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** True once {@code pane}'s current text has been highlighted and checked for invisible characters. */
    public boolean isDecorated(CodeViewPane pane) {
        return decorator.decorationOf(pane) != null;
    }

    /** For tests: the results panel, the outline panel, the last quick-open window, the history. */
    /** Takes references, the outline and the hover card off the screen (the session ended). */
    public void clearResults() {
        hover.hide();
        results.clear();
        outline.clear();
    }

    ResultsPanel results() {
        return results;
    }

    ResultsPanel outline() {
        return outline;
    }

    Tab outlineTab() {
        return outlineTab;
    }

    Breadcrumbs breadcrumbs() {
        return breadcrumbs;
    }

    FindBar findBar() {
        return findBar;
    }

    QuickOpen lastQuickOpen() {
        return lastQuickOpen;
    }

    CodeDecorator decorator() {
        return decorator;
    }

    SymbolService symbols() {
        return symbols;
    }

    CodeAids aids() {
        return aids;
    }

    HoverCard hover() {
        return hover;
    }

    SplitView split() {
        return split;
    }
}
