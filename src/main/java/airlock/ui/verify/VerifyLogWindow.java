package airlock.ui.verify;

import airlock.core.home.AirlockHome;
import airlock.ui.Texts;
import airlock.ui.main.MainView;
import airlock.ui.main.MenuId;
import airlock.ui.task.TaskExecutor;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

/** Adds File ▸ "Verify a sealed log…" to the main window; each use opens the verify screen in its own window. */
public final class VerifyLogWindow {
    private VerifyLogWindow() {
    }

    public static void install(MainView view, Texts texts, TaskExecutor executor,
                               java.util.function.Supplier<airlock.ui.media.MediaWatch> media) {
        MenuItem item = new MenuItem(texts.get("menu.file.verifylog"));
        item.setId("menu-file-verifylog");
        item.setOnAction(event -> open(view, texts, executor, media.get()));
        view.addMenuItem(MenuId.FILE, item);
    }

    private static void open(MainView view, Texts texts, TaskExecutor executor, airlock.ui.media.MediaWatch media) {
        Path trust = AirlockHome.defaultLocation(System.getenv(), System.getProperty("user.home")).resolve("trust");
        VerifyLogView screen = new VerifyLogView(new VerifyLogViewModel(texts, executor, trust), texts, media);
        Stage stage = new Stage();
        if (view.root().getScene() != null) {
            stage.initOwner(view.root().getScene().getWindow());
        }
        stage.setTitle(texts.get("verify.title"));
        Scene scene = new Scene(screen.root(), 900, 480);
        scene.getStylesheets().setAll(view.root().getStylesheets());
        stage.setScene(scene);
        airlock.ui.WindowSize.applyWhenShown(stage);
        stage.show();
    }
}
