package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.ui.main.MainView;
import airlock.testutil.TestWindows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19, defect 5: every menu command's keys work whatever has the focus. Walks the full list of
 * accelerators from the code view, the file tree and the search panel; each item's action is replaced
 * by a recorder, so nothing (Quit, dialogs) really runs.
 */
@ExtendWith(ApplicationExtension.class)
class CommandKeysGuiTest {
    @TempDir
    static Path dir;
    private WorkstationWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.onTestRepository(stage, dir);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void everyAcceleratorWorksFromTheCodeViewTheTreeAndTheSearchPanel(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().fileTree().totalFiles() == 6);
        robot.interact(() -> window.model().openFile("src/main/Hello.java", 1));
        waitUntil(() -> window.view().selectedCodeView() != null
                && window.view().selectedCodeView().text().contains("public class Hello"));
        List<MenuItem> fired = new CopyOnWriteArrayList<>();
        List<MenuItem> commands = new ArrayList<>();
        List<javafx.event.EventHandler<javafx.event.ActionEvent>> openFind = new ArrayList<>();
        robot.interact(() -> {
            for (MenuItem item : window.view().commands()) {
                if ("nav-menu-find".equals(item.getId())) {
                    openFind.add(item.getOnAction());
                }
                commands.add(item);
                item.setOnAction(event -> fired.add(item));
            }
        });
        assertTrue(commands.size() >= 20, "the window has its commands: " + commands.size());
        for (String combination : List.of("Alt+Shift+D", "Alt+Shift+H", "Alt+Shift+B", "Alt+Shift+V")) {
            assertTrue(commands.stream().anyMatch(i -> i.getAccelerator().equals(KeyCombination.keyCombination(combination))),
                    combination + " is a command");
        }
        Map<String, Runnable> focuses = new LinkedHashMap<>();
        focuses.put("code view", () -> window.view().selectedCodeView().focusText());
        focuses.put("tree", () -> window.view().fileTree().focusTree());
        focuses.put("search panel", () -> window.search().focusQuery());
        // the find-in-file bar's field (issue 19): window commands work from it too, its own editing keys stay
        focuses.put("find bar", () -> {
            window.view().selectedCodeView().focusText();
            openFind.get(0).handle(null);
        });
        List<String> missed = new ArrayList<>();
        int walked = 0;
        for (Map.Entry<String, Runnable> focus : focuses.entrySet()) {
            for (MenuItem item : commands) {
                boolean[] usable = new boolean[1];
                Node[] owner = new Node[1];
                robot.interact(() -> {
                    focus.getValue().run();
                    usable[0] = !item.isDisable() && item.isVisible() && item.getParentMenu().isVisible();
                    owner[0] = window.stage().getScene().getFocusOwner();
                });
                if (!usable[0]) {
                    continue;
                }
                if ((focus.getKey().equals("search panel") || focus.getKey().equals("find bar"))
                        && MainView.isTextEditingKey(keyEvent(item))) {
                    continue; // the query field's own undo, copy, paste: the field keeps them
                }
                List<KeyEvent> reached = new CopyOnWriteArrayList<>();
                javafx.event.EventHandler<KeyEvent> spy = reached::add;
                robot.interact(() -> owner[0].addEventHandler(KeyEvent.KEY_PRESSED, spy));
                fired.clear();
                press(robot, (KeyCodeCombination) item.getAccelerator());
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> owner[0].removeEventHandler(KeyEvent.KEY_PRESSED, spy));
                walked++;
                // the command ran, or (Ctrl+Tab, F4) a window-wide key filter ran it and kept the key from the control
                boolean byFilter = reached.stream().noneMatch(e -> item.getAccelerator().match(e)) && isWindowFiltered(item);
                if (!fired.contains(item) && !byFilter) {
                    missed.add(item.getAccelerator().getDisplayText() + " (" + item.getText() + ") from the " + focus.getKey());
                }
            }
        }
        assertTrue(walked >= 4 * 15, "walked " + walked);
        assertEquals(List.of(), missed);

        // menu mnemonics: Alt+F opens the File menu from the code view
        robot.interact(() -> window.view().selectedCodeView().focusText());
        robot.press(KeyCode.ALT, KeyCode.F).release(KeyCode.F, KeyCode.ALT);
        waitUntil(() -> fileMenu(robot).isShowing());
        robot.interact(() -> fileMenu(robot).hide());
    }

    private javafx.scene.control.Menu fileMenu(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream().filter(m -> "menu-file".equals(m.getId())).findFirst().orElseThrow();
    }

    private static boolean isWindowFiltered(MenuItem item) {
        return List.of("Ctrl+Tab", "Ctrl+Shift+Tab", "F4", "Shift+F4").stream()
                .anyMatch(keys -> KeyCombination.keyCombination(keys).equals(item.getAccelerator()));
    }

    private static KeyEvent keyEvent(MenuItem item) {
        KeyCodeCombination c = (KeyCodeCombination) item.getAccelerator();
        boolean ctrl = c.getControl() == KeyCombination.ModifierValue.DOWN || c.getShortcut() == KeyCombination.ModifierValue.DOWN;
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", c.getCode(), c.getShift() == KeyCombination.ModifierValue.DOWN,
                ctrl, c.getAlt() == KeyCombination.ModifierValue.DOWN, false);
    }

    private static void press(FxRobot robot, KeyCodeCombination combination) {
        List<KeyCode> keys = new ArrayList<>();
        if (combination.getControl() == KeyCombination.ModifierValue.DOWN
                || combination.getShortcut() == KeyCombination.ModifierValue.DOWN) {
            keys.add(KeyCode.CONTROL);
        }
        if (combination.getAlt() == KeyCombination.ModifierValue.DOWN) {
            keys.add(KeyCode.ALT);
        }
        if (combination.getShift() == KeyCombination.ModifierValue.DOWN) {
            keys.add(KeyCode.SHIFT);
        }
        keys.add(combination.getCode());
        KeyCode[] all = keys.toArray(KeyCode[]::new);
        robot.press(all);
        java.util.Collections.reverse(keys);
        robot.release(keys.toArray(KeyCode[]::new));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
