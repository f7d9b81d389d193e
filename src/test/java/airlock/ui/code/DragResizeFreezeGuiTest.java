package airlock.ui.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.ui.Texts;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 19, defect 1: select, drag below the view, resize the window, on a large file. */
@ExtendWith(ApplicationExtension.class)
class DragResizeFreezeGuiTest {
    private final StackPane root = new StackPane();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(root, 900, 600);
        for (String css : new String[] {"/airlock/ui/base.css", "/airlock/ui/light.css"}) {
            scene.getStylesheets().add(DragResizeFreezeGuiTest.class.getResource(css).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void dragBelowTheViewAndResizeNeverThrows(FxRobot robot) throws Exception {
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            Thread fx = Thread.currentThread();
            fx.setUncaughtExceptionHandler((t, e) -> thrown.add(e));
        });
        StringBuilder source = new StringBuilder();
        for (int i = 1; i <= 20000; i++) {
            source.append("    int variable").append(i).append(" = compute(").append(i).append(");")
                    .append(i % 7 == 0 ? " // a longer line that goes on and on and on and on and on and on and on" : "")
                    .append('\n');
        }
        DocumentContent content = new DocumentContent(source.toString(), DocumentContent.Kind.TEXT, source.length(), source.length());
        CodeViewPane[] pane = new CodeViewPane[1];
        robot.interact(() -> {
            pane[0] = new CodeViewPane(Texts.load(Locale.ROOT), "big.c", attempt -> { });
            root.getChildren().setAll(pane[0]);
            pane[0].show(content);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (int round = 0; round < 50; round++) {
            Bounds b = WaitForAsyncUtils.asyncFx(() -> pane[0].codeArea().localToScreen(pane[0].codeArea().getBoundsInLocal())).get();
            int r = round;
            robot.robotContext().getMouseRobot().move(new javafx.geometry.Point2D(b.getMinX() + 80, b.getMinY() + 40 + (r % 5) * 10));
            robot.robotContext().getMouseRobot().press(MouseButton.PRIMARY);
            robot.robotContext().getMouseRobot().move(new javafx.geometry.Point2D(b.getMinX() + 200, b.getMaxY() - 5));
            robot.robotContext().getMouseRobot().move(new javafx.geometry.Point2D(b.getMinX() + 220, b.getMaxY() + 40));
            
            robot.interact(() -> {
                stage.setWidth(r % 2 == 0 ? 500 : 1000);
                stage.setHeight(r % 2 == 0 ? 300 : 700);
            });
            robot.robotContext().getMouseRobot().move(new javafx.geometry.Point2D(b.getMinX() + 230, b.getMaxY() + 80));
            robot.robotContext().getMouseRobot().release(MouseButton.PRIMARY);
            robot.interact(() -> {
                stage.setWidth(r % 3 == 0 ? 400 : 900);
                stage.setHeight(r % 3 == 0 ? 200 : 600);
            });
            if (r % 10 == 9) {
                robot.interact(() -> pane[0].show(content));
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(List.of(), thrown.stream().map(Throwable::toString).toList());
        // the view still lays out and follows the caret: not frozen
        robot.interact(() -> pane[0].goToLine(15000));
        WaitForAsyncUtils.waitForFxEvents();
        int first = WaitForAsyncUtils.asyncFx(() -> pane[0].codeArea().firstVisibleParToAllParIndex()).get();
        assertTrue(first > 14000 && first < 15000, "line 15000 is on screen, first shown " + first);
    }
}
