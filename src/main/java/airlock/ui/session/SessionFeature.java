package airlock.ui.session;

import airlock.core.session.ReviewSession;
import airlock.core.session.SessionState;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.code.CodeViewPane;
import airlock.ui.main.MenuId;
import airlock.ui.main.Shortcut;
import java.util.List;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The Session menu and everything a session puts on the window: status-bar text, the watermark
 * over the whole window, the lock screen, the refusal of copy keys in views other than the code
 * (tree, lists, fields — the code view refuses its own), and the first-run hints. Installed once
 * per window by the composition root; the window's scene root is wrapped in the layers.
 */
public final class SessionFeature {
    public static final Shortcut START = new Shortcut("Shortcut+Alt+S", "shortcut.session.start");
    public static final Shortcut LOCK = new Shortcut("Shortcut+Alt+L", "shortcut.session.lock");
    public static final Shortcut END = new Shortcut("Shortcut+Alt+E", "shortcut.session.end");
    private static final KeyCombination[] COPY_KEYS = {
        KeyCombination.keyCombination("Shortcut+C"), KeyCombination.keyCombination("Shortcut+Insert"),
    };
    private static final KeyCombination[] CUT_KEYS = {
        KeyCombination.keyCombination("Shortcut+X"), KeyCombination.keyCombination("Shift+Delete"),
    };
    private static final java.util.Set<KeyCode> LOCK_KEYS = java.util.EnumSet.of(KeyCode.TAB, KeyCode.ENTER, KeyCode.SPACE,
            KeyCode.SHIFT, KeyCode.UNDEFINED);
    private final WorkstationWindow window;
    private final Texts texts;
    private final SessionViewModel model;
    private final BorderPane frame = new BorderPane();
    private final Watermark watermark;
    private final LockScreen lock;
    private String demoHint;
    private StartSessionDialog openDialog;
    private Alert lastSummary;
    private final Timeline timer;
    private final javafx.collections.ListChangeListener<javafx.stage.Window> windowWatcher = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::watchWindow);
        }
    };
    private final javafx.event.EventHandler<KeyEvent> keyFilter = this::filterKey;

    public SessionFeature(WorkstationWindow window, Texts texts, SessionViewModel model) {
        this.window = window;
        this.texts = texts;
        this.model = model;
        this.watermark = new Watermark(model.watermarkProperty());
        watermark.setId("session-watermark");
        this.lock = new LockScreen(texts, model::unlock, this::confirmEnd);
        // the idle unlock asks the credential the policy decides; a supervisor's key is read from their stick (room)
        lock.useCredentials(model::unlock, owner -> airlock.ui.media.MediaChooser.chooseFile(owner, texts,
                texts.get("session.start.key.choose"), window.media(), airlock.core.media.MediaFiles.named(".key")));
        installLayers(window.stage().getScene());
        installMenu();
        javafx.stage.Window.getWindows().addListener(windowWatcher);
        model.stateProperty().addListener((obs, old, state) -> showLock(state));
        timer = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.refresh()));
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
    }

    /** Stops the timer and lets go of the stage and the window list (the stage may be reused, as in tests). */
    public void close() {
        timer.stop();
        javafx.stage.Window.getWindows().removeListener(windowWatcher);
        window.stage().removeEventFilter(KeyEvent.ANY, keyFilter);
    }

    private void installLayers(Scene scene) {
        Parent main = scene.getRoot();
        scene.setRoot(new Group());
        frame.setCenter(main);
        StackPane layers = new StackPane(frame, watermark, lock);
        layers.getStyleClass().add("session-layers");
        Bindings.bindContent(layers.getStylesheets(), main.getStylesheets());
        scene.setRoot(layers);
        // on the window, not the scene: the window's filters run before the scene's accelerators
        window.stage().addEventFilter(KeyEvent.ANY, keyFilter);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> model.touch());
        scene.addEventFilter(ScrollEvent.SCROLL, event -> model.touch());
        scene.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            // a text field's own menu offers Copy; no menu, no copy
            if (event.getTarget() instanceof TextInputControl) {
                event.consume();
            }
        });
    }

    /**
     * Every other window and dialog of this workstation (versions, diff, blame, dialogs) gets the
     * same watermark when shown, and copy keys outside their code views are refused and recorded
     * there too.
     */
    private void watchWindow(javafx.stage.Window other) {
        if (other == window.stage() || !(other instanceof javafx.stage.Stage stage) || !ownedByMain(stage)) {
            return;
        }
        // on SHOWING, before the window takes its size from the scene; SHOWN is for windows whose scene comes later
        other.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, event -> markWindow(other));
        other.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, event -> markWindow(other));
    }

    private void markWindow(javafx.stage.Window other) {
        {
            Scene scene = other.getScene();
            if (scene == null || scene.getRoot() instanceof WatermarkedRoot || scene.lookup(".session-watermark") != null) {
                return;
            }
            Watermark mark = new Watermark(model.watermarkProperty());
            if (scene.getRoot() instanceof javafx.scene.control.DialogPane pane) {
                // a dialog's root must stay its DialogPane: the mark goes behind the dialog's content,
                // so its labels and buttons are never covered (issue 19)
                Node content = pane.getContent();
                if (content == null) {
                    Label text = new Label(pane.getContentText());
                    text.setWrapText(true);
                    text.setMinHeight(Region.USE_PREF_SIZE);
                    text.getStyleClass().add("dialog-content-text");
                    content = text;
                }
                pane.setContent(WatermarkedRoot.behind(content, mark));
                if (other.isShowing()) {
                    other.sizeToScene();
                }
            } else {
                Parent root = scene.getRoot();
                scene.setRoot(new Group());
                WatermarkedRoot layers = new WatermarkedRoot(root, mark);
                Bindings.bindContent(layers.getStylesheets(), root.getStylesheets());
                scene.setRoot(layers);
            }
            other.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
                boolean copy = key.getCode() == KeyCode.COPY || matches(COPY_KEYS, key);
                boolean cut = key.getCode() == KeyCode.CUT || matches(CUT_KEYS, key);
                if ((copy || cut) && !insideCodeView(key.getTarget())) {
                    key.consume();
                    model.copyRefused(null, copy ? "copy" : "cut", 0, "window " + viewName(key.getTarget()));
                }
            });
        }
    }

    private boolean ownedByMain(javafx.stage.Stage stage) {
        for (javafx.stage.Window w = stage.getOwner(); w != null; w = w instanceof javafx.stage.Stage s ? s.getOwner() : null) {
            if (w == window.stage()) {
                return true;
            }
        }
        return false;
    }

    /** The root (or a dialog's content) of another window once the watermark is laid over it. */
    static final class WatermarkedRoot extends StackPane {
        WatermarkedRoot(Node content, Watermark mark) {
            super(content, mark);
            getStyleClass().add("session-layers");
        }

        private WatermarkedRoot(Watermark mark, Node content) {
            super(mark, content);
            getStyleClass().add("session-layers");
        }

        /** The mark under {@code content}: for dialogs, whose text must stay readable. */
        static WatermarkedRoot behind(Node content, Watermark mark) {
            return new WatermarkedRoot(mark, content);
        }
    }

    private void filterKey(KeyEvent event) {
        SessionState state = model.stateProperty().get();
        if (state == SessionState.LOCKED || state == SessionState.EXPIRED) {
            // only pressing the lock screen's own button. Tab is kept on it: moving on took the focus to
            // the hidden window behind, where every key was refused, and Unlock was lost for good (issue 19)
            // Tab and Shift+Tab inside the layer go on to the layer, which moves round its own controls (issue 19)
            if (event.getCode() == KeyCode.TAB && inside(event.getTarget(), lock)
                    && !event.isShortcutDown() && !event.isAltDown() && !event.isControlDown() && !event.isMetaDown()) {
                return;
            }
            if (event.getCode() == KeyCode.TAB || !inside(event.getTarget(), lock)) {
                event.consume();
                if (event.getEventType() == KeyEvent.KEY_PRESSED) {
                    lock.focusAction();
                }
                return;
            }
            if (!LOCK_KEYS.contains(event.getCode()) || event.isShortcutDown()
                    || event.isAltDown() || event.isControlDown() || event.isMetaDown()) {
                event.consume();
            }
            return;
        }
        if (event.getEventType() != KeyEvent.KEY_PRESSED) {
            return;
        }
        model.touch();
        boolean copy = event.getCode() == KeyCode.COPY || matches(COPY_KEYS, event);
        boolean cut = event.getCode() == KeyCode.CUT || matches(CUT_KEYS, event);
        if ((copy || cut) && !insideCodeView(event.getTarget())) {
            event.consume();
            model.copyRefused(null, copy ? "copy" : "cut", 0, viewName(event.getTarget()));
        }
    }

    private static boolean matches(KeyCombination[] keys, KeyEvent event) {
        for (KeyCombination key : keys) {
            if (key.match(event)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(Object target, Node ancestor) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideCodeView(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof CodeViewPane) {
                return true;
            }
        }
        return false;
    }

    /** Which kind of view a refused key came from, for the log entry. */
    static String viewName(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof TreeView<?>) {
                return "tree";
            }
            if (n instanceof ListView<?> || n instanceof TableView<?>) {
                return "list";
            }
            if (n instanceof TextInputControl) {
                return "text field";
            }
        }
        return "window";
    }

    private void installMenu() {
        MenuItem start = item("session-start", "menu.session.start", START, this::showStartDialog);
        MenuItem lockNow = item("session-lock", "menu.session.lock", LOCK, model::lockNow);
        MenuItem end = item("session-end", "menu.session.end", END, this::confirmEnd);
        start.disableProperty().bind(window.session().currentProperty().isNotNull());
        lockNow.disableProperty().bind(window.session().currentProperty().isNull());
        end.disableProperty().bind(window.session().currentProperty().isNull());
        window.view().addMenuItem(MenuId.SESSION, start);
        window.view().addMenuItem(MenuId.SESSION, new SeparatorMenuItem());
        window.view().addMenuItem(MenuId.SESSION, lockNow);
        window.view().addMenuItem(MenuId.SESSION, end);
        window.view().shortcuts().add(START);
        window.view().shortcuts().add(LOCK);
        window.view().shortcuts().add(END);
    }

    private MenuItem item(String id, String textKey, Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(texts.get(textKey));
        item.setId(id);
        item.setAccelerator(shortcut.combination());
        item.setOnAction(event -> action.run());
        return item;
    }

    private void showLock(SessionState state) {
        Optional<ReviewSession> session = window.session().current();
        lock.show(state, session.map(ReviewSession::id).orElse(""),
                session.map(ReviewSession::idleLockMinutes).orElse(0), session.map(ReviewSession::unlockCredential).orElse(ReviewSession.UnlockCredential.NONE));
    }

    /** Text under the start dialog's fields in the demo (e.g. the demo room PIN); null for none. */
    public void setDemoHint(String hint) {
        demoHint = hint;
    }

    /** Shows the first-run hints under the window until dismissed; {@code onDismiss} remembers that. */
    public void showHints(Runnable onDismiss) {
        frame.setBottom(new HintStrip(texts, onDismiss));
    }

    /** Opens the start dialog (unless a session is open or the dialog is already showing). */
    public void showStartDialog() {
        if (window.session().current().isPresent()) {
            return;
        }
        if (openDialog != null && openDialog.dialog().isShowing()) {
            return;
        }
        openDialog = new StartSessionDialog(model, texts, window.stage(), demoHint, List.copyOf(frame.getScene().getRoot().getStylesheets()),
                window.media());
        openDialog.show();
    }

    /** The start dialog currently showing, if any (for tests and the demo flow). */
    public Optional<javafx.scene.control.Dialog<ButtonType>> startDialog() {
        return openDialog != null && openDialog.dialog().isShowing() ? Optional.of(openDialog.dialog()) : Optional.empty();
    }

    /** Asks, then ends the session and shows its summary. */
    public void confirmEnd() {
        Optional<ReviewSession> session = window.session().current();
        if (session.isEmpty()) {
            return;
        }
        Alert confirm = airlock.ui.ReadableAlerts.wrapped(new Alert(Alert.AlertType.CONFIRMATION,
                texts.format("session.end.confirm", session.get().id()), ButtonType.OK, ButtonType.CANCEL));
        confirm.initOwner(window.stage());
        confirm.setTitle(texts.get("session.end.title"));
        confirm.setHeaderText(null);
        confirm.getDialogPane().getStylesheets().setAll(frame.getScene().getRoot().getStylesheets());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> endNow());
    }

    /** Ends the session without asking (the confirmation was given) and shows the summary. */
    public void endNow() {
        model.end(ending -> {
            // no code stays on screen once the session has ended: cleared before the summary shows
            window.clearCodeViews(null);
            lastSummary = SummaryDialog.create(texts, ending, window.stage(), List.copyOf(frame.getScene().getRoot().getStylesheets()));
            lastSummary.show();
        });
    }

    /** The summary shown after the last end, if still open. */
    public Optional<Alert> summaryDialog() {
        return lastSummary != null && lastSummary.isShowing() ? Optional.of(lastSummary) : Optional.empty();
    }

    public SessionViewModel model() {
        return model;
    }

    public Watermark watermark() {
        return watermark;
    }

    /** The lock layer (for tests). */
    LockScreen lockScreen() {
        return lock;
    }

}
