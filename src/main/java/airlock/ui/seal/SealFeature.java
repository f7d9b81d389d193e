package airlock.ui.seal;

import airlock.ui.Texts;
import airlock.ui.main.MainView;
import airlock.ui.main.MenuId;
import airlock.ui.session.SessionContext;
import airlock.ui.task.BackgroundTask;
import airlock.ui.task.TaskExecutor;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

/**
 * The supervisor's end of a session in the main window: Session ▸ "Review and seal…" for any
 * session that ended without a verified copy on media, and the same screen at once when the
 * current session ends (the session feature closes the {@link SessionContext} after writing the
 * end entry).
 */
public final class SealFeature {
    private final MainView view;
    private final Texts texts;
    private final TaskExecutor executor;
    private final airlock.core.seal.SealDesk services;

    /** {@code services}: in this process ({@link SealServices}) or through the keeper (issue 16). */
    public SealFeature(MainView view, Texts texts, TaskExecutor executor, airlock.core.seal.SealDesk services) {
        this.view = view;
        this.texts = texts;
        this.executor = executor;
        this.services = services;
    }

    private java.nio.file.Path demoKey;
    private java.nio.file.Path demoFolder;
    private String demoHint;

    /** The demo: key file and media folder filled in, and a hint naming the demo passphrase. */
    public void setDemo(java.nio.file.Path keyFile, java.nio.file.Path folder, String hint) {
        this.demoKey = keyFile;
        this.demoFolder = folder;
        this.demoHint = hint;
    }

    private java.util.function.Function<javafx.stage.Window, java.util.Optional<java.nio.file.Path>> mediaChooser;

    /** The export folder is chosen with this (the removable-media chooser) instead of a folder chooser. */
    public void setMediaChooser(java.util.function.Function<javafx.stage.Window, java.util.Optional<java.nio.file.Path>> chooser) {
        this.mediaChooser = java.util.Objects.requireNonNull(chooser);
    }

    private java.util.function.Supplier<airlock.ui.media.MediaWatch> media;

    /**
     * The removable media the supervisor's key file is read from (their stick, through the media
     * chooser; issue 17): the window's ({@code WorkstationWindow.media()}, asked when the key is chosen).
     */
    public void setMedia(java.util.function.Supplier<airlock.ui.media.MediaWatch> watch) {
        this.media = java.util.Objects.requireNonNull(watch);
    }

    /** Adds the menu item and opens the screen whenever {@code sessions} loses a session that has ended. */
    public void install(SessionContext sessions) {
        MenuItem item = new MenuItem(texts.get("menu.session.seal"));
        item.setId("menu-session-seal");
        item.setOnAction(event -> chooseAndOpen());
        view.addMenuItem(MenuId.SESSION, item);
        sessions.currentProperty().addListener((obs, old, now) -> {
            if (old != null && now == null) {
                openIfEnded(old);
            }
        });
    }

    private void openIfEnded(airlock.core.session.ReviewSession ended) {
        executor.submit(BackgroundTask.of(texts.get("seal.task.find"), monitor -> services.status(ended.id()))
                .onSuccess(status -> {
                    if ("ended".equals(status)) {
                        open(ended.id());
                    }
                }));
    }

    private void chooseAndOpen() {
        executor.submit(BackgroundTask.of(texts.get("seal.task.find"), monitor -> services.awaitingSupervisor())
                .onSuccess(this::choose));
    }

    private void choose(List<String> waiting) {
        if (waiting.isEmpty()) {
            Alert alert = airlock.ui.ReadableAlerts.wrapped(new Alert(Alert.AlertType.INFORMATION, texts.get("seal.none.waiting"), ButtonType.OK));
            alert.initOwner(owner());
            alert.setHeaderText(null);
            alert.show();
            return;
        }
        if (waiting.size() == 1) {
            open(waiting.get(0));
            return;
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(waiting.get(waiting.size() - 1), waiting);
        dialog.initOwner(owner());
        dialog.setTitle(texts.get("seal.title"));
        dialog.setHeaderText(null);
        dialog.setContentText(texts.get("seal.choose.session"));
        Optional<String> chosen = dialog.showAndWait();
        chosen.ifPresent(this::open);
    }

    /** Opens the screen for {@code session} in its own window and starts loading it. */
    public SealView open(String session) {
        SealViewModel model = new SealViewModel(texts, executor, services, session);
        model.keyFileProperty().set(demoKey);
        model.folderProperty().set(demoFolder);
        model.hintProperty().set(demoHint == null ? "" : demoHint);
        SealView screen = new SealView(model, texts);
        if (mediaChooser != null) {
            screen.useMediaChooser(mediaChooser);
        }
        if (media != null) {
            screen.useMedia(media);
        }
        Stage stage = new Stage();
        if (owner() != null) {
            stage.initOwner(owner());
        }
        stage.setTitle(texts.format("seal.window.title", airlock.core.text.VisibleText.escape(session)));
        // fits the screen it opens on (1366x768 and up), resizable; the screen scrolls when made smaller (SealView, issue 18/19)
        javafx.geometry.Rectangle2D screenBounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(screen.root(), Math.min(1280, screenBounds.getWidth() - 40), Math.min(860, screenBounds.getHeight() - 60));
        scene.getStylesheets().setAll(view.root().getStylesheets());
        stage.setScene(scene);
        stage.setResizable(true);
        airlock.ui.WindowSize.keepSize(stage, scene);
        airlock.ui.WindowKeys.closeWithKeys(stage);
        // the keyboard goes to the passphrase, the one thing the supervisor must type (issue 19); it is
        // enabled once the session is loaded, so it gets the focus again the first time that happens
        java.util.function.Supplier<javafx.scene.Node> firstUseful = () -> screen.root().lookup("#seal-passphrase");
        airlock.ui.WindowFocus.onShown(stage, firstUseful);
        model.stageProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends SealViewModel.Stage> obs,
                                SealViewModel.Stage was, SealViewModel.Stage now) {
                if (now == SealViewModel.Stage.REVIEW) {
                    model.stageProperty().removeListener(this);
                    javafx.application.Platform.runLater(() -> {
                        javafx.scene.Node field = firstUseful.get();
                        if (field != null && stage.isShowing()) {
                            field.requestFocus();
                        }
                    });
                }
            }
        });
        stage.show();
        model.load();
        opened = new Opened(model, screen, stage);
        return screen;
    }

    private javafx.stage.Window owner() {
        return view.root().getScene() == null ? null : view.root().getScene().getWindow();
    }

    /** The screen opened last (for tests and the end-to-end run). */
    public Optional<Opened> lastOpened() {
        return Optional.ofNullable(opened);
    }

    private Opened opened;

    /** An open screen: its model, view and window. */
    public record Opened(SealViewModel model, SealView view, Stage stage) {
    }
}
