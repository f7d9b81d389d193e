package airlock.ui.history;

import airlock.core.git.GitSource;
import airlock.core.history.Blame;
import airlock.core.history.DiffVerdict;
import airlock.core.history.FileChange;
import airlock.core.history.FileDiff;
import airlock.core.history.FileHistory;
import airlock.core.history.RefSwitch;
import airlock.core.history.LocalVersions;
import airlock.core.history.Versions;
import airlock.core.source.SourceTree;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.main.DocumentViewModel;
import airlock.ui.main.MainView;
import airlock.ui.main.MainViewModel;
import airlock.ui.main.MenuId;
import airlock.ui.main.Shortcut;
import airlock.ui.task.BackgroundTask;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/**
 * Versions in the workstation: a ref switcher in the status bar (and Go ▸ Switch version…), Review ▸
 * Compare versions… (changed files, then side-by-side diffs), and history and blame of the current
 * file. Needs a git-backed source; other sources say there is no history.
 */
public final class VersionsFeature {
    static final int CONTEXT_LINES = Versions.CONTEXT_LINES;
    static final int HISTORY_LIMIT = 2_000;
    private final MainViewModel model;
    private final MainView view;
    private final Texts texts;
    private final ComboBox<String> refBox = new ComboBox<>();
    private VersionsWindow window;
    private boolean updatingRefs;
    /** Through the keeper (issue 16, kread): the versions of a source are asked of it; null for this process's git. */
    private java.util.function.Function<SourceTree, Versions> remote;

    public VersionsFeature(MainViewModel model, MainView view, Texts texts) {
        this.model = model;
        this.view = view;
        this.texts = texts;
        refBox.setId("ref-switcher");
        refBox.getStyleClass().add("ref-switcher");
        refBox.setCellFactory(list -> new RefCell());
        refBox.setButtonCell(new RefCell());
        refBox.setDisable(true);
        // the version under review stays readable on a narrow window (the status bar shrinks others)
        refBox.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        refBox.setOnAction(event -> {
            String chosen = refBox.getValue();
            SourceTree tree = model.sourceProperty().get();
            if (!updatingRefs && chosen != null && tree != null && !chosen.equals(tree.reviewRef())) {
                switchTo(chosen);
            }
        });
        view.addStatusItem(refBox);
        model.sourceProperty().addListener((obs, old, tree) -> refreshRefs(tree));
        refreshRefs(model.sourceProperty().get());
        add(MenuId.GO, "versions.menu.switch", "Alt+Shift+V", "versions.shortcut.switch", this::chooseRef);
        add(MenuId.REVIEW, "versions.menu.compare", "Alt+Shift+D", "versions.shortcut.compare", this::compare);
        add(MenuId.REVIEW, "versions.menu.history", "Alt+Shift+H", "versions.shortcut.history",
                this::historyOfCurrent);
        add(MenuId.REVIEW, "versions.menu.blame", "Alt+Shift+B", "versions.shortcut.blame", this::blameOfCurrent);
    }

    private void add(MenuId menu, String textKey, String keys, String shortcutKey, Runnable action) {
        MenuItem item = new MenuItem(texts.get(textKey));
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.setOnAction(event -> action.run());
        view.addMenuItem(menu, item);
        view.shortcuts().add(new Shortcut(keys, shortcutKey));
    }

    private void refreshRefs(SourceTree tree) {
        updatingRefs = true;
        try {
            refBox.getItems().setAll(tree == null ? List.of() : tree.refs());
            refBox.setValue(tree == null ? null : tree.reviewRef());
            refBox.setDisable(!(tree instanceof GitSource) || tree.refs().size() < 2);
        } finally {
            updatingRefs = false;
        }
        if (window != null && tree != null) {
            window.setRefs(tree.refs(), otherRef(tree), tree.reviewRef());
            window.changes().clear();
            window.setSummary("");
        }
    }

    /**
     * Compare, diff, history and blame ask {@code versions} for each source instead of reading its git
     * history here (the keeper's, which records each read before it answers).
     */
    public void useVersions(java.util.function.Function<SourceTree, Versions> versions) {
        this.remote = versions;
    }

    /** Where compare, diffs, history and blame of the open source come from; empty (and said) when it has no history. */
    private Optional<Versions> versions() {
        SourceTree tree = model.sourceProperty().get();
        if (remote != null && tree != null) {
            return Optional.of(remote.apply(tree));
        }
        if (tree instanceof GitSource git) {
            // in this process each diff, blame and history is recorded in the session log (the model's
            // version-read gate) before it is returned, as the keeper records before it answers
            return Optional.of(new LocalVersions(git, model.versionReads()));
        }
        model.showStatus(texts.get("versions.nohistory"));
        return Optional.empty();
    }

    private Optional<GitSource> git() {
        if (model.sourceProperty().get() instanceof GitSource git) {
            return Optional.of(git);
        }
        model.showStatus(texts.get("versions.nohistory"));
        return Optional.empty();
    }

    /** Go ▸ Switch version…: asks which ref to review. */
    public void chooseRef() {
        git().ifPresent(git -> {
            ChoiceDialog<String> dialog = new ChoiceDialog<>(git.reviewRef(), git.refs());
            dialog.setTitle(texts.get("versions.switch.title"));
            dialog.setHeaderText(texts.get("versions.switch.header"));
            dialog.initOwner(view.root().getScene().getWindow());
            dialog.showAndWait().filter(ref -> !ref.equals(git.reviewRef())).ifPresent(this::switchTo);
        });
    }

    /** Re-opens the tree at {@code ref}, keeping the selected file open if it exists there. */
    public void switchTo(String ref) {
        git().ifPresent(git -> {
            DocumentViewModel selected = model.selectedProperty().get();
            String keep = selected == null ? null : selected.path();
            model.background(BackgroundTask.of(texts.format("versions.task.switch", RefCell.shortName(ref)),
                            monitor -> RefSwitch.reviewAt(git, ref))
                    .onSuccess(next -> {
                        model.openSource(next, keep);
                        model.showStatus(texts.format("versions.switched", RefCell.shortName(ref)));
                    }));
        });
    }

    /** Review ▸ Compare versions…: shows the compare tab with the review ref against another. */
    public void compare() {
        SourceTree git = model.sourceProperty().get();
        versions().ifPresent(versions -> {
            VersionsWindow w = window();
            if (w.fromRef() == null) {
                w.setRefs(git.refs(), otherRef(git), git.reviewRef());
            }
            w.showCompare();
            runCompare();
        });
    }

    private static String otherRef(SourceTree tree) {
        List<String> refs = tree.refs();
        int index = refs.indexOf(tree.reviewRef());
        return refs.size() < 2 ? tree.reviewRef() : refs.get(index > 0 ? index - 1 : 1);
    }

    /** Compares the two refs chosen in the compare tab. */
    public void compare(String fromRef, String toRef) {
        SourceTree git = model.sourceProperty().get();
        versions().ifPresent(versions -> {
            window().setRefs(git.refs(), fromRef, toRef);
            window().showCompare();
            runCompare();
        });
    }

    private void runCompare() {
        VersionsWindow w = window();
        String fromRef = w.fromRef();
        String toRef = w.toRef();
        versions().ifPresent(versions -> model.background(BackgroundTask.of(
                        texts.format("versions.task.compare", RefCell.shortName(fromRef), RefCell.shortName(toRef)),
                        monitor -> versions.changes(fromRef, toRef, monitor))
                .onSuccess(changes -> {
                    w.changes().setAll(changes);
                    w.setSummary(texts.format("versions.compare.summary", changes.size(),
                            RefCell.shortName(fromRef), RefCell.shortName(toRef)));
                })));
    }

    /** Opens the side-by-side diff of {@code change} (between the compare tab's refs). */
    public void openDiff(FileChange change) {
        VersionsWindow w = window();
        String fromRef = w.fromRef();
        String toRef = w.toRef();
        versions().ifPresent(versions -> model.background(BackgroundTask.of(
                        texts.format("versions.task.diff", VisibleText.escape(change.path())),
                        monitor -> prepared(versions.diff(fromRef, toRef, change)))
                .onSuccess(ready -> {
                    String header = texts.format("versions.diff.header", RefCell.shortName(fromRef),
                            VisibleText.escape(change.oldPath() == null ? "\u2014" : change.oldPath()),
                            RefCell.shortName(toRef),
                            VisibleText.escape(change.newPath() == null ? "\u2014" : change.newPath()),
                            verdictText(ready.diff()));
                    DiffPane pane = new DiffPane(texts, ready.diff(), header, ready.left(), ready.right(), ready.unified(),
                            model);
                    w.showTab("diff:" + change.path(), texts.format("versions.tab.diff", tabName(change.path())),
                            VisibleText.escape(change.path()), pane, pane.focusTarget());
                })));
    }

    private record Prepared(FileDiff diff, DiffDocument left, DiffDocument right, DiffDocument unified) {
    }

    private Prepared prepared(FileDiff diff) {
        java.util.function.IntFunction<String> skipped = n -> texts.format("versions.diff.skipped", n);
        return new Prepared(diff, DiffDocument.of(diff.rows(), DiffDocument.Side.LEFT, skipped),
                DiffDocument.of(diff.rows(), DiffDocument.Side.RIGHT, skipped), DiffDocument.unified(diff.rows(), skipped));
    }

    private String verdictText(FileDiff diff) {
        return diff.verdict() == DiffVerdict.TEXT ? ""
                : texts.format(switch (diff.verdict()) {
                    case BINARY -> "versions.diff.notdiffed.binary";
                    case TOO_LARGE -> "versions.diff.notdiffed.too_large";
                    case SPECIAL, TEXT -> "versions.diff.notdiffed.special";
                }, diff.oldSize(), diff.newSize());
    }

    private static String tabName(String path) {
        return VisibleText.escape(path.substring(path.lastIndexOf('/') + 1));
    }

    /** Review ▸ History of this file: commits that touched the selected tab's file. */
    public void historyOfCurrent() {
        current().ifPresent(path -> versions().ifPresent(versions -> {
            String ref = model.sourceProperty().get().reviewRef();
            model.background(BackgroundTask.of(texts.format("versions.task.history", VisibleText.escape(path)),
                            monitor -> versions.history(ref, path, HISTORY_LIMIT, monitor))
                    .onSuccess(history -> {
                        HistoryView view = new HistoryView(history, historyHeader(history),
                                texts.get("versions.history.open"), commit -> openCommit(path, commit));
                        // the list has the keyboard, so Enter opens the selected commit at once
                        window().showTab("history:" + path, texts.format("versions.tab.history", tabName(path)),
                                VisibleText.escape(path), view, view.list());
                    }));
        }));
    }

    /**
     * Opens what {@code commit} did to {@code path} as a diff against its first parent (issue 19), in the
     * versions window beside the history; both file versions are recorded before the diff is returned.
     */
    public void openCommit(String path, airlock.core.history.CommitInfo commit) {
        versions().ifPresent(versions -> model.background(BackgroundTask.of(
                        texts.format("versions.task.commit", commit.shortId()), monitor -> {
                            Versions.CommitDiff found = versions.commitDiff(commit.id(), path);
                            return found == null ? null : new Object[] {prepared(found.diff()), found.parent()};
                        })
                .onSuccess(found -> {
                    if (found == null) {
                        model.showStatus(texts.format("versions.commit.unchanged", commit.shortId(), VisibleText.escape(path)));
                        return;
                    }
                    Prepared ready = (Prepared) found[0];
                    String parent = (String) found[1];
                    FileChange change = ready.diff().change();
                    String what = VisibleText.escape(commit.summary());
                    String header = (parent == null ? texts.format("versions.diff.parent.root", commit.shortId() + " " + what)
                            : texts.format("versions.diff.parent.header", commit.shortId(), parent.substring(0, Math.min(parent.length(), commit.shortId().length())), what))
                            + verdictText(ready.diff());
                    DiffPane pane = new DiffPane(texts, ready.diff(), header, ready.left(), ready.right(), ready.unified(),
                            model);
                    window().showTab("commit:" + commit.id() + ":" + path, texts.format("versions.tab.commit",
                            commit.shortId(), tabName(change.path())), VisibleText.escape(change.path()), pane,
                            pane.focusTarget());
                })));
    }

    private String historyHeader(FileHistory history) {
        return texts.format(history.truncated() ? "versions.history.header.cut" : "versions.history.header",
                VisibleText.escape(history.path()), RefCell.shortName(history.ref()), history.commits().size());
    }

    /** Review ▸ Blame: who last changed each line of the selected tab's file at the review ref. */
    public void blameOfCurrent() {
        current().ifPresent(path -> versions().ifPresent(versions -> {
            String ref = model.sourceProperty().get().reviewRef();
            model.background(BackgroundTask.of(texts.format("versions.task.blame", VisibleText.escape(path)),
                            monitor -> versions.blame(ref, path, monitor))
                    .onSuccess(this::showBlame));
        }));
    }

    private void showBlame(Blame blame) {
        if (blame.verdict() != DiffVerdict.TEXT) {
            model.showStatus(texts.format(switch (blame.verdict()) {
                case BINARY -> "versions.blame.refused.binary";
                case TOO_LARGE -> "versions.blame.refused.too_large";
                case SPECIAL, TEXT -> "versions.blame.refused.special";
            }, VisibleText.escape(blame.path())));
            return;
        }
        String header = texts.format("versions.blame.header", VisibleText.escape(blame.path()),
                RefCell.shortName(blame.ref()));
        BlameView view = new BlameView(texts, blame, header, model);
        window().showTab("blame:" + blame.path(), texts.format("versions.tab.blame", tabName(blame.path())),
                VisibleText.escape(blame.path()), view, view.code().codeArea());
    }

    private Optional<String> current() {
        DocumentViewModel selected = model.selectedProperty().get();
        if (selected == null) {
            model.showStatus(texts.get("versions.nofile"));
            return Optional.empty();
        }
        return Optional.of(selected.path());
    }

    private VersionsWindow window() {
        if (window == null) {
            window = new VersionsWindow(texts, view.root().getScene().getWindow(), view.root(), this::runCompare,
                    this::openDiff);
        }
        return window;
    }

    /** The versions window's parts, for tests. */
    VersionsWindow windowForTests() {
        return window;
    }
}
