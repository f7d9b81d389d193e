package airlock.ui.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.session.ReviewSession.UnlockCredential;
import airlock.core.session.SessionState;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lock screen asks the credential the policy decides (issues 16/17, room): the supervisor's key
 * chosen on their stick and its passphrase under {@code key}, the inspector's own passphrase under a
 * {@code none} policy naming inspectors; Unlock hands on exactly what was asked for.
 */
@ExtendWith(ApplicationExtension.class)
class LockCredentialGuiTest {
    private final AtomicReference<LockScreen.Unlock> given = new AtomicReference<>();
    private LockScreen lock;
    private Scene scene;
    private final Path stickKey = Path.of("/media/ada/SUPERVISOR/supervisor.key");

    @Start
    void start(Stage stage) {
        Texts texts = Texts.load(Locale.ROOT);
        lock = new LockScreen(texts, typed -> { }, () -> { });
        lock.useCredentials(given::set, owner -> Optional.of(stickKey));
        scene = new Scene(lock, 800, 480);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void underAKeyPolicyTheKeyComesFromTheStickAndUnderNamedInspectorsTheirPassphrase(FxRobot robot) {
        robot.interact(() -> lock.show(SessionState.LOCKED, "S-1", 10, UnlockCredential.SUPERVISOR_KEY));
        assertTrue(robot.lookup("#session-unlock-key").query().isVisible(), "the supervisor's stick is offered");
        robot.clickOn("#session-unlock-key");
        robot.interact(() -> robot.lookup("#session-unlock-pin").queryAs(PasswordField.class).setText("correct horse"));
        robot.interact(() -> Screenshots.shot(scene, "lock-supervisor-key.png"));
        robot.clickOn("#session-unlock");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(UnlockCredential.SUPERVISOR_KEY, given.get().credential());
        assertEquals(stickKey, given.get().keyFile());
        assertArrayEquals("correct horse".toCharArray(), given.get().typed());
        assertTrue(robot.lookup("#session-unlock-pin").queryAs(PasswordField.class).getText().isEmpty(), "cleared once handed on");

        robot.interact(() -> lock.show(SessionState.LOCKED, "S-2", 10, UnlockCredential.INSPECTOR_PASSPHRASE));
        assertFalse(robot.lookup("#session-unlock-key").query().isVisible(), "no key for an inspector's passphrase");
        assertTrue(robot.lookup(".session-lock-message").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Your passphrase")));
        robot.interact(() -> robot.lookup("#session-unlock-pin").queryAs(PasswordField.class).setText("analytical engine"));
        robot.interact(() -> Screenshots.shot(scene, "lock-inspector-passphrase.png"));
        robot.clickOn("#session-unlock");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(UnlockCredential.INSPECTOR_PASSPHRASE, given.get().credential());
        assertArrayEquals("analytical engine".toCharArray(), given.get().typed());
    }
}
