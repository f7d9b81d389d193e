package airlock.ui.annotate;

import airlock.core.AirlockException;
import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Bookmark;
import airlock.core.annotate.LineIndex;
import airlock.core.annotate.Selections;
import airlock.core.annotate.TextRange;
import airlock.core.cwe.CweCatalogue;
import airlock.core.cwe.CweCatalogueLoader;
import airlock.core.export.ExportFormat;
import airlock.core.media.WrittenFile;
import airlock.core.session.WorkstationLogs;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.annotate.AnnotationsModel.PanelRow;
import airlock.ui.code.CodeViewPane;
import airlock.ui.code.DocumentContent;
import airlock.ui.main.DocumentViewModel;
import airlock.ui.main.MainView;
import airlock.ui.main.MainViewModel;
import airlock.ui.main.MenuId;
import airlock.ui.main.Shortcut;
import airlock.ui.session.SessionContext;
import airlock.ui.task.BackgroundTask;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.scene.control.IndexRange;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;

/**
 * Annotations in the workstation: the Review menu (annotate, edit, reply, status, delete, undo,
 * reviewed marks, bookmarks, import, export), marks in the code views, the Annotations panel and
 * coverage in the file tree. Installs itself through the shell's hooks; every action goes through
 * the running session ({@link SessionContext}) and is refused with a message when there is none.
 */
public final class AnnotationsFeature {
    static final Shortcut ANNOTATE = new Shortcut("Shortcut+Alt+A", "annot.shortcut.annotate");
    static final Shortcut EDIT = new Shortcut("Shortcut+Alt+D", "annot.shortcut.edit");
    static final Shortcut REPLY = new Shortcut("Shortcut+Alt+R", "annot.shortcut.reply");
    static final Shortcut STATUS = new Shortcut("Shortcut+Alt+T", "annot.shortcut.status");
    static final Shortcut UNDO = new Shortcut("Shortcut+Z", "annot.shortcut.undo");
    static final Shortcut REVIEW_FILE = new Shortcut("Shortcut+Alt+M", "annot.shortcut.review.file");
    static final Shortcut REVIEW_RANGE = new Shortcut("Shortcut+Alt+Shift+M", "annot.shortcut.review.range");
    static final Shortcut BOOKMARK = new Shortcut("Shortcut+Alt+K", "annot.shortcut.bookmark");
    static final Shortcut BOOKMARKS = new Shortcut("Shortcut+Alt+J", "annot.shortcut.bookmarks");
    static final Shortcut PANEL = new Shortcut("Alt+4", "annot.shortcut.panel");
    private final MainViewModel main;
    private final MainView view;
    private final Texts texts;
    private final AnnotationsModel model;
    private final CodeMarks codeMarks;
    private final AnnotationsPanel panel;
    private final TreeCoverage coverage;
    private final FindingsTransfer transfer;
    private final FeatureDialogs dialogs;
    private final javafx.scene.control.Tab panelTab;
    private CweCatalogue catalogue;
    private AnnotationEditor lastEditor;
    private final java.util.function.Function<airlock.core.session.ReviewSession, airlock.core.annotate.store.Findings> remote;

    /**
     * @param databases the home's db folder (the session log's database is there), or null: then
     *                  nothing can be annotated and the menu says why
     */
    public AnnotationsFeature(MainViewModel main, MainView view, Texts texts, SessionContext session, Clock clock, Path databases) {
        this(main, view, texts, session, clock, databases, null);
    }

    /**
     * @param remote the findings of a session kept by the keeper (two-process workstation), or null:
     *               then a session's findings are this process's tables under {@code databases}
     */
    public AnnotationsFeature(MainViewModel main, MainView view, Texts texts, SessionContext session, Clock clock, Path databases,
                              java.util.function.Function<airlock.core.session.ReviewSession, airlock.core.annotate.store.Findings> remote) {
        this.remote = remote;
        this.main = main;
        this.view = view;
        this.texts = texts;
        this.model = new AnnotationsModel(main, texts, clock, () -> UUID.randomUUID().toString());
        LineCounts lineCounts = new LineCounts();
        this.codeMarks = new CodeMarks(model, texts);
        this.panel = new AnnotationsPanel(model, texts, this::jump);
        this.panelTab = view.addSidePanel(texts.get("annot.panel.title"), panel);
        this.coverage = new TreeCoverage(model, texts, view.fileTree(), lineCounts);
        // the trust lists sit beside db/ in the workstation home (AirlockHome's layout)
        Path trustRoot = databases == null ? null : databases.resolveSibling("trust");
        this.transfer = new FindingsTransfer(model, this::catalogue, lineCounts, trustRoot);
        this.dialogs = new FeatureDialogs(view, texts);
        view.onCodeViewCreated(codeMarks::attach);
        session.currentProperty().addListener((obs, old, now) -> sessionChanged(now, databases));
        sessionChanged(session.currentProperty().get(), databases);
        menus();
        view.root().sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::undoKey);
            }
        });
    }

    private void sessionChanged(airlock.core.session.ReviewSession now, Path databases) {
        model.detach();
        if (now != null && remote != null && now.local().isEmpty()) {
            model.attach(now, remote.apply(now), binding -> { });
        } else if (now != null && databases != null && now.local().isPresent()) {
            model.attach(now.local().get(), databases.resolve(WorkstationLogs.DATABASE), binding -> { });
        }
    }

    /** Ctrl+Z undoes the last finding edit unless a text field has the focus (then it undoes typing). */
    private void undoKey(KeyEvent e) {
        if (UNDO.combination().match(e) && !(view.root().getScene().getFocusOwner() instanceof TextInputControl)) {
            e.consume();
            model.undo();
        }
    }

    private void menus() {
        add(ANNOTATE, "annot.menu.annotate", this::annotateSelection);
        add(EDIT, "annot.menu.edit", this::editSelected);
        add(REPLY, "annot.menu.reply", this::replySelected);
        add(STATUS, "annot.menu.status", this::changeStatusOfSelected);
        add(null, "annot.menu.delete", this::deleteSelected);
        MenuItem undo = add(null, "annot.menu.undo", model::undo);
        undo.setAccelerator(UNDO.combination());
        view.shortcuts().add(UNDO);
        view.addMenuItem(MenuId.REVIEW, new SeparatorMenuItem());
        add(REVIEW_FILE, "annot.menu.review.file", this::toggleFileReviewed);
        add(REVIEW_RANGE, "annot.menu.review.range", this::toggleSelectionReviewed);
        add(BOOKMARK, "annot.menu.bookmark", this::addBookmark);
        add(BOOKMARKS, "annot.menu.bookmarks", this::goToBookmark);
        add(PANEL, "annot.menu.panel", this::showPanel);
        view.addMenuItem(MenuId.REVIEW, new SeparatorMenuItem());
        add(null, "annot.menu.import", this::importFindings);
        add(null, "annot.menu.export", this::exportFindings);
    }

    private MenuItem add(Shortcut shortcut, String key, Runnable action) {
        MenuItem item = new MenuItem(texts.get(key));
        item.setId(key.replace('.', '-'));
        if (shortcut != null) {
            item.setAccelerator(shortcut.combination());
            view.shortcuts().add(shortcut);
        }
        item.setOnAction(e -> action.run());
        view.addMenuItem(MenuId.REVIEW, item);
        return item;
    }

    // ----- annotate -----

    /** What the selected code view's selection is in file terms, read off the FX thread. */
    record Pending(SourceEntry entry, String ref, String commit, LineIndex text, ViewTextMap map, long viewVersion, List<TextRange> ranges) {
        Anchor anchor() {
            return new Anchor(ref, commit, entry.path(), entry.blobId(), ranges.stream().map(r -> AnchoredRange.of(text, r)).toList());
        }
    }

    /** Review ▸ Annotate selection…: reads the selected range (or the caret's line) and opens the editor. */
    public void annotateSelection() {
        if (model.requireSession().isEmpty()) {
            return;
        }
        CodeViewPane pane = view.selectedCodeView();
        DocumentViewModel doc = main.selectedProperty().get();
        SourceTree tree = main.sourceProperty().get();
        if (pane == null || doc == null || tree == null || !doc.path().equals(pane.documentPath())) {
            main.showStatus(texts.get("annot.noselection"));
            return;
        }
        IndexRange selection = viewSelection(pane.codeArea());
        String viewText = pane.text();
        DocumentContent shown = pane.content();
        long version = pane.contentVersion();
        String ref = tree.reviewRef();
        main.background(BackgroundTask.of(texts.get("annot.task.anchor"), monitor -> {
            byte[] bytes = tree.read(doc.entry(), LineCounts.MAX_BYTES);
            String file = new String(bytes, StandardCharsets.UTF_8);
            ViewTextMap map = ViewTextMap.of(bytes, shown, viewText);
            LineIndex text = new LineIndex(file);
            return new Pending(doc.entry(), ref, tree.commitOf(ref), text, map, version, new ArrayList<>(List.of(toFile(map, text, selection))));
        }).onSuccess(pending -> withCatalogue(c -> openEditor(pending, c))));
    }

    /** The selection, or the caret's whole line when nothing is selected. */
    private static IndexRange viewSelection(CodeArea area) {
        IndexRange s = area.getSelection();
        if (s.getLength() > 0) {
            return s;
        }
        int line = area.getCurrentParagraph();
        int start = area.getAbsolutePosition(line, 0);
        return new IndexRange(start, start + area.getParagraphLength(line));
    }

    private static TextRange toFile(ViewTextMap map, LineIndex text, IndexRange selection) throws AirlockException {
        return Selections.of(text, map.toFile(selection.getStart()), map.toFile(selection.getEnd()));
    }

    private void openEditor(Pending pending, CweCatalogue c) {
        List<String> labels = new ArrayList<>();
        for (TextRange r : pending.ranges()) {
            labels.add(rangeLabel(pending.entry().path(), r));
        }
        AnnotationEditor editor = new AnnotationEditor(texts, view.root().getScene().getWindow(), view.root().getStylesheets(), c, null,
                labels, () -> addRange(pending));
        editor.onSave((content, status) -> model.create(pending.anchor(), content, status, a -> { }));
        guard(editor.stage().getScene(), pending.entry().path());
        lastEditor = editor;
        editor.stage().show();
    }

    private void addRange(Pending pending) {
        CodeViewPane pane = view.selectedCodeView();
        if (pane == null || !pane.documentPath().equals(pending.entry().path()) || pane.contentVersion() != pending.viewVersion()) {
            lastEditor.showProblem(texts.get("annot.editor.range.samefile"));
            return;
        }
        try {
            TextRange r = toFile(pending.map(), pending.text(), viewSelection(pane.codeArea()));
            pending.ranges().add(r);
            lastEditor.addRangeLabel(rangeLabel(pending.entry().path(), r));
        } catch (AirlockException e) {
            lastEditor.showProblem(e.getMessage());
        }
    }

    private String rangeLabel(String path, TextRange r) {
        return texts.format("annot.range", VisibleText.escape(path), r.label());
    }

    /** Runs {@code then} with the CWE catalogue, loading it once off the FX thread. */
    private void withCatalogue(Consumer<CweCatalogue> then) {
        if (catalogue != null) {
            then.accept(catalogue);
            return;
        }
        main.background(BackgroundTask.of(texts.get("annot.task.cwe"), monitor -> catalogue())
                .onSuccess(then));
    }

    private synchronized CweCatalogue catalogue() throws AirlockException {
        if (catalogue == null) {
            catalogue = new CweCatalogueLoader(new ObjectMapper()).loadBundled();
        }
        return catalogue;
    }

    /** Keeps text in the editor and dialogs from reaching the clipboard, as in the code view. */
    void guard(javafx.scene.Scene scene, String path) {
        KeyCombination[] keys = {KeyCombination.keyCombination("Shortcut+C"), KeyCombination.keyCombination("Shortcut+X"),
            KeyCombination.keyCombination("Shortcut+Insert"), KeyCombination.keyCombination("Shift+Delete")};
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (KeyCombination k : keys) {
                if (k.match(e)) {
                    e.consume();
                    main.copyRefused(new airlock.ui.code.CopyAttempt(path, k == keys[1] || k == keys[3]
                            ? airlock.ui.code.CopyAttempt.Kind.CUT : airlock.ui.code.CopyAttempt.Kind.COPY, 0));
                }
            }
        });
        scene.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, javafx.event.Event::consume);
    }

    // ----- the selected finding -----

    private Optional<PanelRow> selectedRow() {
        PanelRow row = model.selectedProperty().get();
        if (row == null) {
            main.showStatus(texts.get("annot.nofinding"));
        }
        return Optional.ofNullable(row);
    }

    /** Review ▸ Edit finding…: the editor on the selected finding; saving logs an edit (undoable). */
    public void editSelected() {
        selectedRow().ifPresent(row -> withCatalogue(c -> {
            Annotation a = row.annotation();
            List<String> labels = a.anchor().ranges().stream().map(r -> rangeLabel(a.anchor().path(), r.range())).toList();
            AnnotationEditor editor = new AnnotationEditor(texts, view.root().getScene().getWindow(), view.root().getStylesheets(), c, a,
                    labels, null);
            editor.onSave((content, status) -> model.edit(a, content, status));
            guard(editor.stage().getScene(), a.anchor().path());
            lastEditor = editor;
            editor.stage().show();
        }));
    }

    public void replySelected() {
        selectedRow().ifPresent(row -> dialogs.reply(row.annotation(), this::guard).ifPresent(body -> model.reply(row.annotation(), body)));
    }

    public void changeStatusOfSelected() {
        selectedRow().ifPresent(row -> dialogs.status(row.annotation()).ifPresent(s -> model.setStatus(row.annotation(), s)));
    }

    public void deleteSelected() {
        selectedRow().ifPresent(row -> {
            if (dialogs.confirmDelete(row.annotation())) {
                model.delete(row.annotation());
            }
        });
    }

    /** Opens the finding's file at its line in the version under review (an outdated one at its original line). */
    void jump(PanelRow row) {
        Anchor at = row.shownAnchor();
        main.openFile(at.path(), at.primary().range().startLine());
        if (row.state() == airlock.core.annotate.AnchorState.OUTDATED) {
            main.showStatus(texts.format("annot.jump.outdated", VisibleText.escape(row.annotation().title())));
        }
    }

    // ----- reviewed marks and bookmarks -----

    private Optional<DocumentViewModel> currentDocument() {
        DocumentViewModel doc = main.selectedProperty().get();
        if (doc == null || main.sourceProperty().get() == null) {
            main.showStatus(texts.get("annot.nofile"));
        }
        return Optional.ofNullable(main.sourceProperty().get() == null ? null : doc);
    }

    public void toggleFileReviewed() {
        currentDocument().ifPresent(doc -> model.toggleFileReviewed(main.sourceProperty().get().reviewRef(), doc.path(), doc.entry().blobId()));
    }

    public void toggleSelectionReviewed() {
        currentDocument().ifPresent(doc -> {
            CodeViewPane pane = view.selectedCodeView();
            if (pane == null) {
                return;
            }
            CodeArea area = pane.codeArea();
            IndexRange s = area.getSelection();
            // file lines: on a later page of a large file the view's first line is not the file's
            int first = area.offsetToPosition(s.getStart(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor() + 1
                    + pane.lineOffset();
            int endOffset = s.getLength() > 0 ? s.getEnd() - 1 : s.getEnd();
            int last = area.offsetToPosition(endOffset, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor() + 1
                    + pane.lineOffset();
            model.toggleReviewed(main.sourceProperty().get().reviewRef(), doc.path(), doc.entry().blobId(), first, Math.max(first, last));
        });
    }

    public void addBookmark() {
        currentDocument().ifPresent(doc -> {
            CodeViewPane pane = view.selectedCodeView();
            int line = pane == null ? 1 : pane.currentLine();
            dialogs.bookmarkLabel(doc.path(), line).ifPresent(label ->
                    model.addBookmark(main.sourceProperty().get().reviewRef(), doc.path(), line, label));
        });
    }

    public void goToBookmark() {
        if (model.bookmarks().isEmpty()) {
            main.showStatus(texts.get("annot.bookmarks.none"));
            return;
        }
        dialogs.chooseBookmark(model.bookmarks()).ifPresent((Bookmark b) -> main.openFile(b.path(), b.line()));
    }

    public void showPanel() {
        panelTab.getTabPane().getSelectionModel().select(panelTab);
        panel.table().requestFocus();
    }

    // ----- import and export -----

    public void importFindings() {
        if (model.requireSession().isEmpty()) {
            return;
        }
        if (transfer.throughKeeper()) {
            dialogs.chooseImportOnMedium().ifPresent(choice -> transfer.importThroughKeeper(choice.file(), choice.log(), choice.seal(),
                    () -> { }));
            return;
        }
        dialogs.chooseImport().ifPresent(choice -> transfer.importFile(choice.file(), choice.log(), choice.seal(), outcome -> { }));
    }

    public void exportFindings() {
        if (model.requireSession().isEmpty()) {
            return;
        }
        dialogs.chooseExport().ifPresent(choice -> exportTo(choice.folder(), choice.formats()));
    }

    /** Exports to {@code folder} and shows what was written (names, sizes, SHA-256). */
    public void exportTo(Path folder, EnumSet<ExportFormat> formats) {
        transfer.export(folder, formats, (List<WrittenFile> files) -> dialogs.showWritten(folder, files));
    }

    /** Imports without dialogs (the menu asks for the files first); through the keeper the log and seal are sent too. */
    public void importFrom(Path file, Path log, Path seal) {
        if (transfer.throughKeeper()) {
            transfer.importThroughKeeper(file, log, seal, () -> { });
            return;
        }
        transfer.importFile(file, log, seal, outcome -> { });
    }

    /**
     * Export and import of findings through the keeper (issue 16, kexport); {@code importChooser} chooses
     * the export to import on a removable medium (the media chooser).
     */
    public void useKeeperTransfer(airlock.keeper.client.KeeperFindingsTransfer keeper,
                                  java.util.function.Function<javafx.stage.Window, java.util.Optional<Path>> importChooser) {
        transfer.useKeeper(keeper);
        dialogs.useImportChooser(importChooser);
    }

    // ----- for tests -----

    public AnnotationsModel model() {
        return model;
    }

    AnnotationsPanel panel() {
        return panel;
    }

    CodeMarks codeMarks() {
        return codeMarks;
    }

    /** Through the keeper (issue 16, kread): the tree's coverage uses the keeper's line counts ({@code files.lines}). */
    public void useLineCounts(airlock.core.annotate.LineCounting counting) {
        coverage.useRemote(counting);
    }

    TreeCoverage coverage() {
        return coverage;
    }

    AnnotationEditor lastEditor() {
        return lastEditor;
    }

    FeatureDialogs dialogs() {
        return dialogs;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Exports go to a removable device chosen with {@code chooser} (the workstation's media chooser), not to any folder. */
    public void setMediaChooser(java.util.function.Function<javafx.stage.Window, java.util.Optional<Path>> chooser) {
        dialogs.useMediaChooser(chooser);
    }

    /** Files to import are chosen only on these folders: the mounted removable devices. */
    public void setMediaRoots(java.util.function.Supplier<java.util.List<Path>> roots) {
        dialogs.useMediaRoots(roots);
    }
}
