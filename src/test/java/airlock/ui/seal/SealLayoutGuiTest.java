package airlock.ui.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.seal.SealFixture;
import airlock.testutil.Screenshots;
import airlock.ui.Texts;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The seal screen at the window sizes of a small laptop (1366x768, 1024x700) and smaller
 * (900x600): the content scrolls vertically instead of squeezing sections, every label keeps the
 * height of its wrapped text, and no two visible labels, headings, tables or text areas overlap,
 * with the committed-fields pane collapsed and expanded. Saves seal-layout-WxH-top.png and -bottom.png.
 */
@ExtendWith(ApplicationExtension.class)
class SealLayoutGuiTest {
    @TempDir
    static Path dir;
    private static SealFixture fx;
    private SealViewModel model;
    private Stage stage;
    private SealView view;

    @org.junit.jupiter.api.BeforeAll
    static void session() throws Exception {
        fx = new SealFixture(dir.resolve("ws"));
        fx.committedSession(SealFixture.SESSION);
    }

    @org.junit.jupiter.api.AfterAll
    static void close() throws Exception {
        fx.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Texts texts = Texts.load(Locale.ROOT);
        SealServices services = new SealServices(fx.logs, fx.annotations, fx.trust, fx.policy, fx.exportService(),
                Clock.systemUTC(), "test", null);
        model = new SealViewModel(texts, new SameThreadTaskExecutor(f -> { }, new FailureTranslator(texts)), services,
                SealFixture.SESSION);
        view = new SealView(model, texts); // before loading, as SealFeature does
        model.load();
        // Monocle's headless screen is 1280x800 and cannot hold a larger window: the screen is laid out
        // at each size inside a holder, exactly as in a window of that size, and shot as a node
        stage.setScene(new Scene(new javafx.scene.layout.Pane(view.root()), 1280, 800));
        stage.getScene().getStylesheets().add(SealView.class.getResource("/airlock/ui/base.css").toExternalForm());
        stage.show();
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "1024, 700", "900, 600"})
    void nothingOverlapsAndTheScreenScrolls(int width, int height, FxRobot robot) {
        ScrollPane scroll = (ScrollPane) view.root();
        robot.interact(() -> {
            scroll.setPrefSize(width, height);
            scroll.setMinSize(width, height);
            scroll.setMaxSize(width, height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane disclosures = robot.lookup("#seal-disclosures-pane").queryAs(TitledPane.class);
        for (boolean expanded : new boolean[] {false, true}) {
            robot.interact(() -> {
                disclosures.setExpanded(expanded);
                scroll.setVvalue(0);
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                scroll.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> check(scroll, width + "x" + height + (expanded ? " expanded" : " collapsed")));
        }
        Node content = scroll.getContent();
        double viewport = scroll.getViewportBounds().getHeight();
        double needed = content.minHeight(content.getLayoutBounds().getWidth());
        assertTrue(content.getLayoutBounds().getHeight() >= needed - 0.5,
                "the content is given at least its minimum height (" + needed + "), it got " + content.getLayoutBounds().getHeight());
        if (needed > viewport + 1) {
            assertTrue(content.getLayoutBounds().getHeight() > viewport, "taller than the window: the screen scrolls");
        }
        robot.interact(() -> shot(scroll, "seal-layout-" + width + "x" + height + "-top.png"));
        robot.interact(() -> {
            scroll.setVvalue(1);
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> shot(scroll, "seal-layout-" + width + "x" + height + "-bottom.png"));
        robot.interact(() -> disclosures.setExpanded(false));
    }

    private static void shot(javafx.scene.layout.Region node, String name) {
        javafx.scene.image.WritableImage image = node.snapshot(null, null);
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        try {
            java.nio.file.Files.createDirectories(Screenshots.directory());
            javax.imageio.ImageIO.write(out, "png", Screenshots.directory().resolve(name).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Labels at their preferred height, and no two of the visible blocks overlapping. */
    private static void check(ScrollPane scroll, String where) {
        List<Node> blocks = new ArrayList<>();
        collect(scroll.getContent(), blocks);
        assertTrue(blocks.size() > 15, where + ": found " + blocks.size() + " blocks");
        List<String> problems = new ArrayList<>();
        for (Node n : blocks) {
            if (n instanceof javafx.scene.control.Button button && button.getWidth() < button.prefWidth(-1) - 0.5) {
                problems.add("button '" + button.getText() + "' is cut to " + button.getWidth() + " of " + button.prefWidth(-1));
            }
            if (n instanceof Label label && !label.isWrapText() && label.getWidth() < label.prefWidth(-1) - 0.5) {
                problems.add("label '" + label.getText() + "' is cut to " + label.getWidth() + " of " + label.prefWidth(-1));
            }
            if (n instanceof Label label) {
                double pref = label.prefHeight(label.getWidth());
                if (label.getHeight() < pref - 0.5) {
                    problems.add("label '" + label.getText() + "' is " + label.getHeight() + " high, its text needs " + pref);
                }
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            for (int j = i + 1; j < blocks.size(); j++) {
                Node a = blocks.get(i);
                Node b = blocks.get(j);
                if (ancestor(a, b) || ancestor(b, a)) {
                    continue;
                }
                Bounds ba = visible(a);
                Bounds bb = visible(b);
                if (ba == null || bb == null) {
                    continue;
                }
                double w = Math.min(ba.getMaxX(), bb.getMaxX()) - Math.max(ba.getMinX(), bb.getMinX());
                double h = Math.min(ba.getMaxY(), bb.getMaxY()) - Math.max(ba.getMinY(), bb.getMinY());
                if (w > 0.5 && h > 0.5) {
                    problems.add(name(a) + " " + ba + " overlaps " + name(b) + " " + bb);
                }
            }
        }
        assertEquals(List.of(), problems, where);
    }

    /** The visible labels (not the column headers inside tables), tables, text areas and titled panes. */
    private static void collect(Node node, List<Node> out) {
        if (!node.isVisible() || (node.getParent() != null && !node.isManaged())) {
            return;
        }
        if (node instanceof TableView<?> || node instanceof TextArea || node instanceof javafx.scene.control.ButtonBase
                || node instanceof javafx.scene.control.TextField) {
            out.add(node);
            return;
        }
        if (node instanceof TitledPane titled) {
            Node title = titled.lookup(".title");
            out.add(title != null ? title : titled);
            if (titled.isExpanded() && titled.getContent() != null) {
                collect(titled.getContent(), out);
            }
            return;
        }
        if (node instanceof Label label) {
            if (!label.getText().isEmpty()) {
                out.add(label);
            }
            return;
        }
        if (node instanceof ScrollPane inner) {
            if (inner.getContent() != null) {
                collect(inner.getContent(), out);
            }
            return;
        }
        if (node instanceof javafx.scene.control.SplitPane split) {
            split.getItems().forEach(item -> collect(item, out));
            return;
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }

    /** Scene bounds, cut to the viewport of every scroll pane it sits in (null: scrolled out of sight). */
    private static Bounds visible(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                Node viewport = sp.lookup(".viewport");
                Bounds v = viewport == null ? sp.localToScene(sp.getLayoutBounds()) : viewport.localToScene(viewport.getLayoutBounds());
                double minX = Math.max(b.getMinX(), v.getMinX());
                double minY = Math.max(b.getMinY(), v.getMinY());
                double maxX = Math.min(b.getMaxX(), v.getMaxX());
                double maxY = Math.min(b.getMaxY(), v.getMaxY());
                if (maxX <= minX || maxY <= minY) {
                    return null;
                }
                b = new BoundingBox(minX, minY, maxX - minX, maxY - minY);
            }
        }
        return b;
    }

    private static boolean ancestor(Node maybe, Node of) {
        for (Parent p = of.getParent(); p != null; p = p.getParent()) {
            if (p == maybe) {
                return true;
            }
        }
        return false;
    }

    private static String name(Node n) {
        if (n instanceof javafx.scene.control.Labeled l) {
            return "'" + l.getText() + "'";
        }
        if (n.getParent() instanceof TitledPane t || (n.getParent() != null && n.getParent().getParent() instanceof TitledPane)) {
            return "titled pane heading";
        }
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
    }
}
