package airlock.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** For the code-view benchmarks: starts JavaFX and shows a 1280x800 scene with the workstation's light theme. */
final class HeadlessScene {
    private HeadlessScene() {
    }

    static Scene start() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        CompletableFuture<Scene> made = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new javafx.scene.layout.StackPane(), 1280, 800);
            for (String css : new String[] {"/airlock/ui/base.css", "/airlock/ui/light.css"}) {
                scene.getStylesheets().add(HeadlessScene.class.getResource(css).toExternalForm());
            }
            stage.setScene(scene);
            stage.show();
            made.complete(scene);
        });
        return made.get(300, TimeUnit.SECONDS);
    }

    /**
     * Makes {@code view} the scene's content, under the scene's root as in the workstation window: the
     * theme's colours are looked up from the root, and a view made the root itself would miss them.
     */
    static void show(Scene scene, javafx.scene.Node view) {
        ((javafx.scene.layout.StackPane) scene.getRoot()).getChildren().setAll(view);
    }
}
