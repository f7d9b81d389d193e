package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19: a dialog that a window manager places in the screen's top-left corner after JavaFX centred it
 * (openbox did so with the second session's end confirmation in the xvfb walk) is centred on its owner
 * again a moment later. Monocle has no window manager: the test moves the dialog to the corner itself,
 * after the first two centrings, as the window manager did.
 */
@ExtendWith(ApplicationExtension.class)
class WindowPlaceGuiTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new Pane(), 900, 600));
        stage.setX(100);
        stage.setY(80);
        stage.show();
        WindowPlace.watchAllWindows();
    }

    @Test
    void aDialogPutInTheCornerAfterItWasShownIsCentredOnItsOwnerAgain(FxRobot robot) throws Exception {
        Stage[] dialog = new Stage[1];
        robot.interact(() -> {
            Stage d = new Stage();
            d.initOwner(owner);
            d.setScene(new Scene(new Label("End the session?"), 400, 150));
            // the "window manager": 100 ms after the dialog is shown, after WindowPlace's centring on show and on the
            // next pulse, it puts the dialog in the corner
            d.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
                javafx.animation.PauseTransition wm = new javafx.animation.PauseTransition(javafx.util.Duration.millis(100));
                wm.setOnFinished(done -> {
                    d.setX(0);
                    d.setY(0);
                });
                wm.play();
            });
            d.show();
            dialog[0] = d;
        });
        Thread.sleep(1000); // past the window manager's move and the delayed check after it
        robot.interact(() -> {
            assertEquals(expectedX(dialog[0]), dialog[0].getX(), 1.5, "centred across its owner");
            assertEquals(owner.getY() + (owner.getHeight() - dialog[0].getHeight()) / 2, dialog[0].getY(), 1.5,
                    "centred down its owner");
            dialog[0].close();
        });
    }

    @Test
    void aDialogMovedElsewhereIsLeftWhereItIs(FxRobot robot) throws Exception {
        Stage[] dialog = new Stage[1];
        robot.interact(() -> {
            Stage d = new Stage();
            d.initOwner(owner);
            d.setScene(new Scene(new Label("Somewhere else"), 300, 120));
            d.show();
            dialog[0] = d;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            dialog[0].setX(20);
            dialog[0].setY(30);
        });
        Thread.sleep(700); // past the delayed check: a dialog not in the corner is not moved
        robot.interact(() -> {
            assertEquals(20, dialog[0].getX(), 0.5);
            assertEquals(30, dialog[0].getY(), 0.5);
            dialog[0].close();
        });
    }

    private double expectedX(Stage dialog) {
        return owner.getX() + (owner.getWidth() - dialog.getWidth()) / 2;
    }
}
