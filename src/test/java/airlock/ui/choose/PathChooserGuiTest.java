package airlock.ui.choose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 19, defect 8: the in-app chooser stays under its roots, takes the focus and accepts Enter. */
@ExtendWith(ApplicationExtension.class)
class PathChooserGuiTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void listsOnlyUnderItsRootAndOpensAFileWithEnter(FxRobot robot) throws Exception {
        Path root = Files.createDirectories(dir.resolve("stick"));
        Path sub = Files.createDirectories(root.resolve("keys"));
        Files.writeString(sub.resolve("supervisor.key"), "k");
        Files.writeString(sub.resolve("notes.txt"), "n");
        Files.writeString(root.resolve("evil\u202Egnp.key"), "e");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.key"), "s");
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Texts texts = Texts.load(Locale.ROOT);
        PathChooser[] chooser = new PathChooser[1];
        robot.interact(() -> chooser[0] = PathChooser.create(stage, texts, List.of(root), false,
                p -> p.getFileName().toString().endsWith(".key")));
        // the link that leads out of the root is not listed; the bidi name is shown as a token
        assertEquals(List.of(sub, root.resolve("evil\u202Egnp.key")), chooser[0].list().getItems());
        robot.interact(() -> chooser[0].enter(root.resolve("escape")));
        assertEquals(root.toRealPath(), chooser[0].current(), "a link out of the root is refused");
        robot.interact(() -> chooser[0].dialog().show());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chooser[0].list().isFocused());
        assertTrue(robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> "evil\u27E8U+202E\u27E9gnp.key".equals(c.getText())));
        robot.type(KeyCode.ENTER); // into keys/
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sub.toRealPath().equals(chooser[0].current()));
        assertEquals(List.of(sub.resolve("supervisor.key")), chooser[0].list().getItems(), "only accepted files are listed");
        robot.interact(() -> Screenshots.shot(chooser[0].dialog().getDialogPane().getScene(), "path-chooser.png"));
        robot.type(KeyCode.ENTER); // the file
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !chooser[0].dialog().isShowing());
        assertEquals(sub.resolve("supervisor.key"), chooser[0].dialog().getResult());
    }
}
