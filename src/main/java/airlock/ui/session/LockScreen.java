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
            onUnlock.accept(typed);
        });
        // the keeper's room PIN (issue 16, k4walk): shown only when the session's policy needs it to unlock
        pin.setId("session-unlock-pin");
        pin.setPromptText(texts.get("session.lock.pin"));
        pin.setMaxWidth(240);
        pin.setOnAction(event -> unlock.fire());
        Label pinLabel = new Label(texts.get("session.lock.pin"));
        pinLabel.setLabelFor(pin);
        pinLabel.getStyleClass().add("session-lock-message");
        pinRow = new VBox(4, pinLabel, pin);
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
    }

    /** Puts the focus on the layer's one action (Unlock, or End for an expired session). */
    void focusAction() {
        (pinRow.isVisible() ? pin : unlock.isVisible() ? unlock : end).requestFocus();
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
