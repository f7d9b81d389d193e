package airlock.ui.code;

import airlock.core.syntax.Language;
import airlock.core.syntax.LexerHighlighter;
import airlock.core.text.ContentLimits;
import airlock.core.text.DecodedContent;
import airlock.core.text.Decoder;
import airlock.ui.Texts;
import airlock.ui.task.BackgroundTask;
import airlock.ui.task.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.fxmisc.richtext.model.StyleSpans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the code view's work on generated C files while the workstation starts, so the first file an
 * inspector opens paints as fast as the later ones. In a fresh JVM the first 1 MB file took 1.4 s to its
 * first frame where later ones take under 300 ms: the view's classes, skins and stylesheets are loaded
 * then, and the code that builds, lays out and renders lines runs interpreted until the JIT has compiled
 * it. The warm-up does what an open does: decodes, prepares and highlights the file on a background
 * thread, then shows it in a view of an off-screen scene with the window's stylesheets, renders it,
 * applies the highlighting, renders a page further down and waits for the styles to be applied
 * everywhere. It does that {@code rounds} times, in a new view each time, every other round on the same
 * file with a line too long to highlight in the middle. Each step on the FX thread is
 * its own slice with a pause after it, so input is never held up for more than one step; nothing is ever
 * on screen, written to the session log or kept afterwards.
 */
public final class CodeViewWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(CodeViewWarmup.class);
    /** Rounds the workstation runs (see docs/navigation.md for the measurements behind the number). */
    public static final int ROUNDS = 6;
    /** Lines of the generated file: enough for the per-character loops to be compiled, small enough to be quick. */
    static final int LINES = 8_000;
    /** Pause after each FX step: a frame or two for input, animations and the window's own work. */
    private static final Duration PAUSE = Duration.millis(25);
    private final Texts texts;
    private final List<String> stylesheets;
    private final int rounds;
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private long started;
    private long longestStep;
    private Consumer<Result> onDone;

    /** What the warm-up did: wall time from start to end, and the longest FX step (what input could have waited). */
    public record Result(int rounds, long millis, long longestStepMillis) {
    }

    /** @param stylesheets the window's stylesheets, so the view's CSS is loaded and matched as it will be */
    public CodeViewWarmup(Texts texts, List<String> stylesheets, int rounds) {
        this.texts = Objects.requireNonNull(texts);
        this.stylesheets = List.copyOf(stylesheets);
        if (rounds < 1) {
            throw new IllegalArgumentException("a warm-up needs at least one round, not " + rounds);
        }
        this.rounds = rounds;
    }

    /**
     * Starts on the FX thread: the files are prepared by {@code executor}, the views are worked on the
     * FX thread; {@code done} runs there after the last step. A failure is a defect (the input is
     * generated): in the preparation it is the executor's to report, and {@code done} is not called; in a
     * step it is logged and the steps left are skipped.
     */
    public void start(TaskExecutor executor, String title, Consumer<Result> done) {
        this.onDone = Objects.requireNonNull(done);
        started = System.nanoTime();
        executor.submit(BackgroundTask.of(title, monitor -> List.of(prepare(source(LINES, false)),
                        prepare(source(LINES, true))))
                .onSuccess(this::run));
    }

    /**
     * Everything an open does off the FX thread, on {@code text}: decode, prepare, highlight (not with a
     * line too long to lay out styled, as the workstation does not either).
     */
    private static Prepared prepare(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        DecodedContent decoded = new Decoder(ContentLimits.DEFAULT).decode(bytes, bytes.length);
        DocumentContent content = new DocumentContent(decoded.text(), DocumentContent.Kind.TEXT, bytes.length,
                bytes.length);
        PreparedDocument prepared = PreparedDocument.of(content);
        StyleSpans<Collection<String>> spans = prepared.longestLine() > ContentLimits.DEFAULT.longLineChars() ? null
                : SyntaxSpans.of(new LexerHighlighter().highlight(Language.C, prepared.text()), prepared.text().length());
        return new Prepared(prepared, spans);
    }

    /** @param spans the highlighting, or null when the file gets none */
    private record Prepared(PreparedDocument document, StyleSpans<Collection<String>> spans) {
    }

    /** @param files the generated file, then the same with a long line; the rounds take them in turn */
    private void run(List<Prepared> files) {
        StackPane root = new StackPane();
        root.getStylesheets().setAll(stylesheets);
        Scene scene = new Scene(root, 1280, 800);
        IntFunction<GutterMark> marks = line -> line % 40 == 0
                ? new GutterMark("\u26A0", List.of("invisible-mark"), "") : null;
        for (int round = 0; round < rounds; round++) {
            Prepared prepared = files.get(round % files.size());
            CodeViewPane[] pane = new CodeViewPane[1];
            steps.add(() -> {
                pane[0] = new CodeViewPane(texts, "warm-up.c", attempt -> { });
                root.getChildren().setAll(pane[0]);
            });
            steps.add(() -> {
                pane[0].show(prepared.document());
                pane[0].addGutterColumn().setMarks(marks);
            });
            // the first frame in three steps: styles, layout, rendering (in the first round each is a few hundred ms)
            steps.add(root::applyCss);
            steps.add(root::layout);
            steps.add(() -> scene.snapshot(null));
            steps.add(() -> {
                if (prepared.spans() != null) {
                    pane[0].applyStyles(pane[0].contentVersion(), 0, prepared.spans());
                }
                scene.snapshot(null);
            });
            steps.add(() -> {
                pane[0].goToLine(LINES / 2);
                scene.snapshot(null);
            });
            steps.add(new Runnable() {
                @Override
                public void run() {
                    if (pane[0].stylesPending()) {
                        // the styles of the lines off screen go on a frame at a time: wait for them
                        steps.addFirst(this);
                    }
                }
            });
        }
        steps.add(() -> root.getChildren().clear());
        next();
    }

    private void next() {
        Runnable step = steps.poll();
        if (step == null) {
            Result result = new Result(rounds, (System.nanoTime() - started) / 1_000_000, longestStep / 1_000_000);
            LOG.info("code view warmed up: {} rounds in {} ms, longest step {} ms", result.rounds(), result.millis(),
                    result.longestStepMillis());
            onDone.accept(result);
            return;
        }
        long t0 = System.nanoTime();
        try {
            step.run();
        } catch (RuntimeException e) {
            // only speed is lost: the next file opens as it would without the warm-up
            LOG.warn("the code view's warm-up failed; the first file opened will take longer to show", e);
            steps.clear();
        }
        longestStep = Math.max(longestStep, System.nanoTime() - t0);
        PauseTransition pause = new PauseTransition(PAUSE);
        pause.setOnFinished(event -> next());
        pause.play();
    }

    /**
     * A C file of {@code lines} lines that uses what the views and the highlighter meet in real code:
     * comments, preprocessor lines, declarations, nested blocks, strings, numbers, tabs, and a few
     * hidden characters (so the masking path runs too). With {@code longLine}, the middle line (the one
     * a round scrolls to) is a table three times as long as the longest line the workstation highlights
     * (and shorter than the pieces a page shows of longer lines, {@link airlock.core.text.TextPage#MAX_LINE_BYTES}),
     * as generated tables and minified code have: laying such a line out is a path of its own.
     */
    static String source(int lines, boolean longLine) {
        List<String> block = new ArrayList<>(List.of(
                "/*",
                " * Generated for the code view's warm-up: block %d.",
                " */",
                "#include <linux/module.h>",
                "#define WARMUP_LIMIT_%d\t(0x%x + %d)",
                "",
                "struct warmup_state_%d {",
                "\tunsigned long flags;",
                "\tconst char *name;\t/* shown in the log */",
                "\tint values[%d];",
                "};",
                "",
                "static int warmup_step_%d(struct warmup_state_%d *state, int count)",
                "{",
                "\tint i, total = 0;",
                "",
                "\tfor (i = 0; i < count && i < WARMUP_LIMIT_%d; i++) {",
                "\t\tif (state->values[i] > %d)",
                "\t\t\ttotal += state->values[i] * 3;",
                "\t\telse",
                "\t\t\ttotal -= 1;\u200B",
                "\t}",
                "\tpr_info(\"warm-up %%s: %%d\\n\", state->name, total);",
                "\treturn total;",
                "}",
                ""));
        StringBuilder text = new StringBuilder(lines * 32);
        for (int line = 0; line < lines; line++) {
            int start = text.length();
            int n = line / block.size();
            String template = block.get(line % block.size());
            // the zero-width space once every eight blocks, as files with hidden characters have few
            if (n % 8 != 0) {
                template = template.replace("\u200B", "");
            }
            if (longLine && line == lines / 2 - 1) {
                text.append("static const int warmup_table[] = {");
                for (int i = 0; text.length() < start + 3 * ContentLimits.DEFAULT.longLineChars(); i++) {
                    text.append(i).append(", ");
                }
                text.append("};\n");
                continue;
            }
            text.append(template.contains("%") ? String.format(java.util.Locale.ROOT, template, n, n, n, n) : template)
                    .append('\n');
        }
        return text.toString();
    }
}
