package airlock.ui.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.syntax.Language;
import airlock.core.syntax.LexerHighlighter;
import airlock.ui.Texts;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import airlock.ui.task.UserFailure;
import airlock.ui.theme.Theme;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The start-up warm-up of the code view: it runs to its end off screen, and what it opens is realistic C. */
@ExtendWith(ApplicationExtension.class)
class CodeViewWarmupGuiTest {
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        root.getStylesheets().setAll(Theme.baseUrl(), Theme.LIGHT.stylesheetUrl());
        stage.setScene(new Scene(root, 600, 400));
        stage.show();
    }

    @Test
    void runsEveryRoundOffScreenAndEndsOnce(FxRobot robot) throws Exception {
        Texts texts = Texts.load(Locale.ROOT);
        List<UserFailure> failures = new CopyOnWriteArrayList<>();
        List<CodeViewWarmup.Result> results = new CopyOnWriteArrayList<>();
        CompletableFuture<CodeViewWarmup.Result> done = new CompletableFuture<>();
        robot.interact(() -> new CodeViewWarmup(texts, root.getStylesheets(), 2)
                .start(new SameThreadTaskExecutor(failures::add, new FailureTranslator(texts)), "warm-up", result -> {
                    results.add(result);
                    done.complete(result);
                }));
        CodeViewWarmup.Result result = done.get(120, TimeUnit.SECONDS);
        Thread.sleep(200);
        assertEquals(List.of(), failures);
        assertEquals(1, results.size(), "the end is reported once");
        assertEquals(2, result.rounds());
        assertTrue(result.longestStepMillis() <= result.millis(), result.toString());
        // nothing of it reached the window the user sees
        assertTrue(robot.lookup(".code-view").queryAll().isEmpty());
    }

    @Test
    void theGeneratedFileIsCWithWhatRealFilesHave() {
        String source = CodeViewWarmup.source(CodeViewWarmup.LINES, false);
        assertEquals(CodeViewWarmup.LINES, source.lines().count());
        long hidden = source.chars().filter(c -> c == '\u200B').count();
        assertTrue(hidden > 0 && hidden < CodeViewWarmup.LINES / 100, "a few hidden characters: " + hidden);
        PreparedDocument prepared = PreparedDocument.of(new DocumentContent(source, DocumentContent.Kind.TEXT,
                source.length(), source.length()));
        assertEquals(hidden, prepared.marks().length);
        var highlighting = new LexerHighlighter().highlight(Language.C, source);
        List<String> classes = java.util.stream.IntStream.range(0, highlighting.size())
                .mapToObj(highlighting::styleClass).distinct().toList();
        assertTrue(classes.containsAll(List.of(LexerHighlighter.KEYWORD, LexerHighlighter.STRING,
                LexerHighlighter.COMMENT, LexerHighlighter.NUMBER, LexerHighlighter.PREPROC)), classes.toString());
        assertTrue(source.contains("\t\t\ttotal"), "indented with tabs");
        assertTrue(prepared.longestLine() < 100, "no long line: " + prepared.longestLine());
    }

    @Test
    void theLongLineVariantHasOneLineTooLongToHighlightWhereTheRoundsScroll() {
        String source = CodeViewWarmup.source(CodeViewWarmup.LINES, true);
        List<String> lines = source.lines().toList();
        assertEquals(CodeViewWarmup.LINES, lines.size());
        int limit = airlock.core.text.ContentLimits.DEFAULT.longLineChars();
        List<Integer> longOnes = java.util.stream.IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).length() > limit).boxed().toList();
        assertEquals(List.of(CodeViewWarmup.LINES / 2 - 1), longOnes);
        String table = lines.get(CodeViewWarmup.LINES / 2 - 1);
        assertTrue(table.length() >= 3 * limit && table.endsWith("};"), table.length() + " chars");
        assertTrue(table.length() < airlock.core.text.TextPage.MAX_LINE_BYTES,
                "longer lines never reach a view whole (a page shows them in pieces): " + table.length());
    }
}
