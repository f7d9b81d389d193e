package airlock.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application; the composition root of the workstation window. */
public final class AirlockApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(AirlockApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Airlock");
        stage.setScene(new Scene(new Label("Airlock"), 800, 600));
        stage.show();
    }
}
