package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testutil.Screenshots;
import airlock.ui.theme.Theme;
import airlock.testutil.TestWindows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;

import javafx.scene.text.Text;
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
 * Issue 19, defect 6: in the high-contrast theme every text shown meets WCAG AA, a contrast ratio of at
 * least 4.5:1. Samples the foreground (a label's text fill, a text's fill) and the background (the
 * topmost opaque fill of the node or its nearest ancestor that has one) of every visible text node in the
 * window with a file open, the split view and each side panel shown.
 */
@ExtendWith(ApplicationExtension.class)
class ContrastGuiTest {
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
    void everyTextInTheHighContrastThemeMeetsWcagAa(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.model().fileTree().totalFiles() == 6);
        robot.interact(() -> window.model().openFile("src/main/Hello.java", 1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.view().selectedCodeView() != null
                && window.view().selectedCodeView().text().contains("public class Hello"));
        robot.interact(() -> {
            window.view().setTheme(Theme.HIGH_CONTRAST);
            window.view().commands().stream()
                    .filter(i -> i.getAccelerator().equals(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Back Slash")))
                    .findFirst().orElseThrow().fire();
            window.model().showStatus("A status message");
        });
        WaitForAsyncUtils.waitForFxEvents();
        TreeSet<String> failures = new TreeSet<>();
        int[] sampled = new int[1];
        robot.interact(() -> {
            Parent root = window.stage().getScene().getRoot();
            root.applyCss();
            root.layout();
            sample(root, failures, sampled);
            // the current line is painted by RichTextFX, not by a background: each code view's text on it
            for (Node pane : root.lookupAll(".code-view")) {
                Color line = color(((airlock.ui.code.CodeViewPane) pane).lineHighlight());
                for (Node text : pane.lookupAll(".text")) {
                    if (text instanceof Text t && !t.getText().isBlank() && color(t.getFill()) != null) {
                        double ratio = ratio(color(t.getFill()), line);
                        if (ratio < 4.5) {
                            failures.add(String.format(Locale.ROOT, "%.2f:1 %s on the current line %s: %s", ratio, t.getFill(), line,
                                    path(t)));
                        }
                        sampled[0]++;
                    }
                }
            }
            Screenshots.shot(window.stage().getScene(), "contrast-high.png");
        });
        assertTrue(sampled[0] > 30, "sampled " + sampled[0] + " texts");
        assertEquals(new TreeSet<String>(), failures);
    }

    private static void sample(Node node, TreeSet<String> failures, int[] sampled) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Color fg = null;
        String text = null;
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && l.getGraphic() != node) {
            fg = color(l.getTextFill());
            text = l.getText();
        } else if (node instanceof Text t && !t.getText().isBlank() && !(t.getParent() instanceof Labeled)
                && !inLabeled(t) && !t.getStyleClass().contains("session-watermark-text")) {
            fg = color(t.getFill());
            text = t.getText();
        }
        if (fg != null) {
            Color bg = background(node);
            sampled[0]++;
            double ratio = ratio(fg, bg);
            if (ratio < 4.5) {
                failures.add(String.format(Locale.ROOT, "%.2f:1 %s on %s: %s \"%s\"", ratio, fg, bg, path(node),
                        text.length() > 30 ? text.substring(0, 30) : text));
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                sample(child, failures, sampled);
            }
        }
    }

    private static boolean inLabeled(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Labeled) {
                return true;
            }
        }
        return false;
    }

    private static String path(Node node) {
        List<String> parts = new ArrayList<>();
        for (Node n = node; n != null && parts.size() < 4; n = n.getParent()) {
            parts.add(0, n.getClass().getSimpleName() + n.getStyleClass());
        }
        return String.join(">", parts);
    }

    static Color background(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r) {
                Background b = r.getBackground();
                if (b != null) {
                    List<BackgroundFill> fills = b.getFills();
                    for (int i = fills.size() - 1; i >= 0; i--) {
                        Color c = color(fills.get(i).getFill());
                        if (c != null && c.getOpacity() > 0.5) {
                            return c;
                        }
                    }
                }
            }
        }
        return Color.WHITE;
    }

    static Color color(Paint paint) {
        if (paint instanceof Color c) {
            return c;
        }
        List<javafx.scene.paint.Stop> stops = paint instanceof LinearGradient g ? g.getStops() : paint instanceof RadialGradient g ? g.getStops() : null;
        if (stops == null || stops.isEmpty()) {
            return null;
        }
        double r = 0;
        double gr = 0;
        double b = 0;
        double a = 0;
        for (javafx.scene.paint.Stop s : stops) {
            r += s.getColor().getRed();
            gr += s.getColor().getGreen();
            b += s.getColor().getBlue();
            a += s.getColor().getOpacity();
        }
        int n = stops.size();
        return new Color(r / n, gr / n, b / n, a / n);
    }

    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
