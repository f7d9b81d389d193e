package airlock.ui;

import airlock.ui.search.SearchFeature;
import airlock.core.BuildInfo;
import airlock.ui.main.MainView;
import airlock.ui.main.MainViewModel;
import airlock.ui.main.Shortcuts;
import airlock.ui.task.AlertFailureReporter;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.FxTaskExecutor;
import airlock.ui.task.TaskExecutor;
import airlock.ui.navigate.NavigationFeature;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Wires the workstation window onto a stage: task executor, view model, view, scene. Used by
 * {@link AirlockApp} and by the GUI tests, so both run the same window.
 */
public final class WorkstationWindow {
    private final TaskExecutor executor;
    private final MainViewModel model;
    private final MainView view;
    private final Stage stage;
    private final NavigationFeature navigation;
    private final SearchFeature search;
    private final airlock.ui.session.SessionContext session = new airlock.ui.session.SessionContext();
    private final airlock.ui.history.VersionsFeature versions;
    private final airlock.ui.annotate.AnnotationsFeature annotations;
    private final FxFailureRecovery recovery;
    private boolean closed;
    /** The removable media the inspector's screens choose from (issue 17, room); set by the composition root. */
    private airlock.ui.media.MediaWatch media;

    public WorkstationWindow(Stage stage, Texts texts, Clock clock, String workstationId) {
        this(stage, texts, clock, workstationId, (Path) null);
    }

    /** @param symbolDatabases folder for symbol indexes (the home's db folder), or null for none */
    public WorkstationWindow(Stage stage, Texts texts, Clock clock, String workstationId, Path symbolDatabases) {
        this(stage, texts, clock, workstationId, Backends.local(symbolDatabases));
    }

    /** @param backends this process's indexes and tables, or the keeper's through its client */
    public WorkstationWindow(Stage stage, Texts texts, Clock clock, String workstationId, Backends backends) {
        Path symbolDatabases = backends.databases();
        this.stage = stage;
        // every dialog and secondary window: centred on its owner, on the screen, Ctrl+W like Esc (issue 19)
        WindowPlace.watchAllWindows();
        AlertFailureReporter reporter = new AlertFailureReporter(texts, () -> stage, this::showStatus);
        this.executor = new FxTaskExecutor(2, Platform::runLater, reporter, new FailureTranslator(texts));
        this.model = new MainViewModel(texts, executor, clock, workstationId);
        this.view = new MainView(model, texts, new Shortcuts(), BuildInfo.version(), stage::close);
        airlock.ui.verify.VerifyLogWindow.install(view, texts, executor, this::media);
        this.recovery = new FxFailureRecovery(view, model, texts, System::nanoTime);
        recovery.install();
        // fits the screen it opens on, 1366x768 included (a window manager otherwise places an oversized one badly)
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(1280, screen.getWidth() - 40), Math.min(800, screen.getHeight() - 60));
        view.installKeys(scene);
        this.navigation = new NavigationFeature(model, view, texts, symbolDatabases, backends.symbols());
        this.search = new SearchFeature(model, view, texts, symbolDatabases, session, backends.search());
        search.installKeys(scene);
        this.versions = new airlock.ui.history.VersionsFeature(model, view, texts);
        this.annotations = new airlock.ui.annotate.AnnotationsFeature(model, view, texts, session, clock, symbolDatabases,
                backends.findings());
        stage.setScene(scene);
        // openbox could otherwise leave the window at 200x200 (JDK-8316423, see WindowSize), which the xvfb
        // demo showed intermittently
        WindowSize.keepSize(stage, scene);
        stage.setTitle(texts.get("app.title"));
        model.sourceProperty().addListener((obs, old, source) -> stage.setTitle(source == null
                ? texts.get("app.title")
                : texts.format("app.title.source", airlock.core.text.VisibleText.escape(source.label()))));
        stage.setOnHidden(event -> close());
        // after every feature (those the composition root adds after this constructor too) put its filters on the scene
        Platform.runLater(() -> view.installCommandKeys(scene));
    }

    /**
     * The removable media this window's screens choose from (the session-start dialog's supervisor
     * key, the verify screen's log): the composition root's watch (on the room policy's media
     * roots), or, when it gave none, one on the default roots made at first use.
     */
    public synchronized airlock.ui.media.MediaWatch media() {
        if (media == null) {
            media = new airlock.ui.media.MediaWatch(airlock.core.bundle.MediaLocations.removable(
                    airlock.core.media.RemovableMedia.system(java.util.List.of())), java.time.Duration.ofSeconds(2));
        }
        return media;
    }

    /** Uses {@code watch} for this window's media choices (the composition root's, one for the whole window). */
    public synchronized void useMedia(airlock.ui.media.MediaWatch watch) {
        media = java.util.Objects.requireNonNull(watch);
    }

    private void showStatus(String message) {
        model.showStatus(message);
    }

    /**
     * Takes every view of the code under review off the screen (issue 19): the tabs, the view beside
     * them, search and reference results, the hover card, and every other window of this workstation
     * (versions, history, diff, blame, previews) except {@code keep}. Called when a session ends, before
     * its summary shows; the source stays open for the next session, its file tree holds only names.
     */
    public void clearCodeViews(javafx.stage.Window keep) {
        model.closeAll();
        view.showBesideTabs(null);
        search.clearResults();
        navigation.clearResults();
        for (javafx.stage.Window other : java.util.List.copyOf(javafx.stage.Window.getWindows())) {
            if (other != stage && other != keep && ownedByThis(other)) {
                other.hide();
            }
        }
    }

    private boolean ownedByThis(javafx.stage.Window other) {
        javafx.stage.Window w = other;
        while (w != null) {
            javafx.stage.Window owner = w instanceof Stage s ? s.getOwner()
                    : w instanceof javafx.stage.PopupWindow p ? p.getOwnerWindow() : null;
            if (owner == stage) {
                return true;
            }
            w = owner;
        }
        return false;
    }

    /** Stops background work and closes the source. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        executor.shutdown();
        search.close();
        if (model.sourceProperty().get() != null) {
            model.sourceProperty().get().close();
        }
    }

    public MainViewModel model() {
        return model;
    }

    public MainView view() {
        return view;
    }

    public NavigationFeature navigation() {
        return navigation;
    }

    public SearchFeature search() {
        return search;
    }

    public airlock.ui.history.VersionsFeature versions() {
        return versions;
    }

    public airlock.ui.annotate.AnnotationsFeature annotations() {
        return annotations;
    }

    /** The current inspection session, shared by every feature that records actions. */
    public airlock.ui.session.SessionContext session() {
        return session;
    }

    /** The window's task executor, for features wired by the composition root. */
    public airlock.ui.task.TaskExecutor executor() {
        return executor;
    }

    /** The FX thread's handler that rebuilds the code views after a library failure. */
    public FxFailureRecovery recovery() {
        return recovery;
    }

    public Stage stage() {
        return stage;
    }
}
