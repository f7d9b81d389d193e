package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.Screenshots;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A long message wraps inside a reading width instead of pushing the buttons off the screen. */
@ExtendWith(ApplicationExtension.class)
class ReadableAlertsGuiTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 800, 500));
        stage.show();
    }

    @Test
    void theSessionEndQuestionFitsAndItsButtonsAreReachable(FxRobot robot) throws Exception {
        Texts texts = Texts.load(Locale.ROOT);
        String message = texts.format("session.end.confirm", "S-20261128-141816-WS-J9NQ-82F8");
        Alert[] shown = new Alert[1];
        robot.interact(() -> {
            Alert alert = ReadableAlerts.wrapped(new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL));
            alert.initOwner(owner);
            alert.setHeaderText(null);
            alert.show();
            shown[0] = alert;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = shown[0].getDialogPane().getScene();
        assertTrue(message.length() > 120, "the message is long enough to matter: " + message.length());
        assertTrue(scene.getWidth() <= ReadableAlerts.WIDTH + 40, "alert width " + scene.getWidth());
        Node ok = shown[0].getDialogPane().lookupButton(ButtonType.OK);
        Bounds bounds = ok.localToScene(ok.getBoundsInLocal());
        assertTrue(bounds.getMaxX() <= scene.getWidth() && bounds.getMaxY() <= scene.getHeight(),
                "OK lies inside the alert: " + bounds + " in " + scene.getWidth() + "x" + scene.getHeight());
        robot.interact(() -> {
            try {
                Screenshots.save(scene, "alert-wrapped.png");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            shown[0].close();
        });
    }
}
