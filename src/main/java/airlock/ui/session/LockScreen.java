package airlock.ui.session;

import airlock.core.session.SessionState;
import airlock.ui.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The opaque layer over the whole window while the session is locked (idle or on request) or
 * past its maximum length: the code and the tree are hidden, and the only actions are to unlock
 * (recorded in the log) or, for an expired session, to end it.
 */
final class LockScreen extends StackPane {
    private final Label title = new Label();
    private final Label message = new Label();
    private final Button unlock;
    private final Button end;
    private final PasswordField pin = new PasswordField();
    private VBox pinRow;
    private final Texts texts;
    // confirmation (issue 16/17, room): the credential the policy decides, and the supervisor's stick for a key
    private final Label pinLabel = new Label();
    private final Button chooseKey = new Button();
    private final Label keyShown = new Label();
    private java.nio.file.Path keyFile;
    private airlock.core.session.ReviewSession.UnlockCredential credential = airlock.core.session.ReviewSession.UnlockCredential.NONE;
    private java.util.function.Function<javafx.stage.Window, java.util.Optional<java.nio.file.Path>> keyChooser;

    /** @param onUnlock gets the PIN typed (empty when none is asked for); the field is cleared once it is handed on */
    LockScreen(Texts texts, java.util.function.Consumer<char[]> onUnlock, Runnable onEnd) {
        this.texts = texts;
        getStyleClass().add("session-lock");
        setId("session-lock");
        title.getStyleClass().add("session-lock-title");
        message.getStyleClass().add("session-lock-message");
        message.setWrapText(true);
        message.setMaxWidth(560);
        unlock = new Button(texts.get("session.lock.unlock"));
        unlock.setId("session-unlock");
        unlock.setDefaultButton(true);
        unlock.setOnAction(event -> {
            char[] typed = pinRow.isVisible() ? pin.getText().toCharArray() : new char[0];
            pin.clear();
            if (onUnlockWith != null) {
                onUnlockWith.accept(new Unlock(credential, typed, keyFile));
            } else {
                onUnlock.accept(typed);
            }
        });
        // the keeper's room PIN (issue 16, k4walk): shown only when the session's policy needs it to unlock
        pin.setId("session-unlock-pin");
        pin.setPromptText(texts.get("session.lock.pin"));
        pin.setMaxWidth(240);
        pin.setOnAction(event -> unlock.fire());
        pinLabel.setText(texts.get("session.lock.pin"));
        pinLabel.setLabelFor(pin);
        pinLabel.getStyleClass().add("session-lock-message");
        chooseKey.setText(texts.get("session.lock.key.choose"));
        chooseKey.setId("session-unlock-key");
        chooseKey.setOnAction(event -> {
            if (keyChooser != null) {
                keyChooser.apply(getScene() == null ? null : getScene().getWindow()).ifPresent(chosen -> {
                    keyFile = chosen;
                    keyShown.setText(airlock.core.text.VisibleText.escape(chosen.toString()));
                });
            }
        });
        keyShown.getStyleClass().add("session-lock-message");
        pinRow = new VBox(4, chooseKey, keyShown, pinLabel, pin);
        pinRow.setAlignment(Pos.CENTER);
        pinRow.setVisible(false);
        pinRow.setManaged(false);
        end = new Button(texts.get("session.lock.end"));
        end.setId("session-lock-end");
        end.setOnAction(event -> onEnd.run());
        VBox box = new VBox(16, title, message, pinRow, unlock, end);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("session-lock-box");
        box.setMaxSize(640, 320);
        getChildren().add(box);
        setVisible(false);
        // Tab and Shift+Tab go round the layer's own controls instead of the scene's traversal (issue 19)
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.TAB && !event.isShortcutDown() && !event.isAltDown()
                    && !event.isControlDown() && !event.isMetaDown()) {
                event.consume();
                focusNext(!event.isShiftDown());
            }
        });
    }

    /** What the unlock button hands on (room): the credential asked for, what was typed, the key file chosen (or null). */
    record Unlock(airlock.core.session.ReviewSession.UnlockCredential credential, char[] typed, java.nio.file.Path keyFile) {
    }

    private java.util.function.Consumer<Unlock> onUnlockWith;

    /** Unlock hands on the credential too (room); {@code keys} chooses the supervisor's key file on their stick. */
    void useCredentials(java.util.function.Consumer<Unlock> onUnlock,
                        java.util.function.Function<javafx.stage.Window, java.util.Optional<java.nio.file.Path>> keys) {
        this.onUnlockWith = onUnlock;
        this.keyChooser = keys;
    }

    /** Shows the layer asking for {@code asked}: nothing, the room PIN, the inspector's passphrase or a supervisor's key. */
    void show(SessionState state, String sessionId, int idleMinutes, airlock.core.session.ReviewSession.UnlockCredential asked) {
        credential = asked;
        boolean key = asked == airlock.core.session.ReviewSession.UnlockCredential.SUPERVISOR_KEY;
        pinLabel.setText(texts.get(switch (asked) {
            case PIN, NONE -> "session.lock.pin";
            case INSPECTOR_PASSPHRASE -> "session.lock.passphrase";
            case SUPERVISOR_KEY -> "session.lock.key.passphrase";
        }));
        pin.setPromptText(pinLabel.getText());
        chooseKey.setVisible(key);
        chooseKey.setManaged(key);
        keyShown.setVisible(key);
        keyShown.setManaged(key);
        if (state != SessionState.LOCKED) {
            keyFile = null;
            keyShown.setText("");
        }
        show(state, sessionId, idleMinutes, asked != airlock.core.session.ReviewSession.UnlockCredential.NONE);
    }

    /** Puts the focus on the layer's one action (Unlock, or End for an expired session). */
    void focusAction() {
        (pinRow.isVisible() ? pin : unlock.isVisible() ? unlock : end).requestFocus();
    }

    /**
     * Tab and Shift+Tab on the layer: the focus moves on among the layer's own shown controls (key file,
     * PIN or passphrase, Unlock; or End) and wraps, so it never leaves for the hidden window behind and
     * Unlock is always one Tab away (issue 19).
     */
    void focusNext(boolean forward) {
        java.util.List<javafx.scene.Node> order = new java.util.ArrayList<>();
        for (javafx.scene.Node node : java.util.List.of(chooseKey, pin, unlock, end)) {
            if (shown(node) && !node.isDisabled()) {
                order.add(node);
            }
        }
        if (order.isEmpty()) {
            return;
        }
        javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
        int at = order.indexOf(owner);
        int next = at < 0 ? order.indexOf(pinRow.isVisible() ? pin : unlock.isVisible() ? unlock : end)
                : Math.floorMod(at + (forward ? 1 : -1), order.size());
        order.get(Math.max(0, next)).requestFocus();
    }

    private boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null && n != this; n = n.getParent()) {
            if (!n.isVisible() || !n.isManaged()) {
                return false;
            }
        }
        return true;
    }

    /** Shows the layer for LOCKED and EXPIRED, hides it otherwise. */
    void show(SessionState state, String sessionId, int idleMinutes) {
        show(state, sessionId, idleMinutes, false);
    }

    /** @param pinNeeded the PIN field is shown with Unlock (the keeper's {@code pin} policy) */
    void show(SessionState state, String sessionId, int idleMinutes, boolean pinNeeded) {
        boolean locked = state == SessionState.LOCKED;
        boolean expired = state == SessionState.EXPIRED;
        setVisible(locked || expired);
        if (locked) {
            title.setText(texts.get("session.lock.title"));
            message.setText(texts.format("session.lock.message", sessionId, idleMinutes));
        } else if (expired) {
            title.setText(texts.get("session.expired.title"));
            message.setText(texts.format("session.expired.message", sessionId));
        }
        unlock.setVisible(locked);
        unlock.setManaged(locked);
        pinRow.setVisible(locked && pinNeeded);
        pinRow.setManaged(locked && pinNeeded);
        if (!locked) {
            pin.clear();
        }
        end.setVisible(expired);
        end.setManaged(expired);
        if (locked || expired) {
            focusAction();
        }
    }
}
