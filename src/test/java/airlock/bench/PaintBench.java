package airlock.bench;

import airlock.core.syntax.Highlighting;
import airlock.core.syntax.Language;
import airlock.core.syntax.SyntaxHighlighter;
import airlock.core.syntax.TreeSitterHighlighter;
import airlock.core.text.ContentLimits;
import airlock.core.text.DecodedContent;
import airlock.core.text.Decoder;
import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.code.ContentDecoder;
import airlock.ui.code.DocumentContent;
import airlock.ui.code.PreparedDocument;
import airlock.core.text.TextPage;
import airlock.core.text.TextPages;
import airlock.ui.code.SyntaxSpans;
import airlock.ui.code.CodeViewWarmup;
import airlock.ui.task.FxTaskExecutor;
import airlock.ui.task.FailureTranslator;
import airlock.ui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * Benchmark harness run by bench/nav-bench.sh (not a unit test): time from "open this file" to the
 * first rendered frame of the code view, headless (Monocle, software rendering), for each file given.
 * Reads and decodes like the workstation does (a file over {@link TextPage#PAGE_BYTES}, or with a line over
 * {@link TextPage#MAX_LINE_BYTES}, by its first page,
 * core's Decoder), shows the text in a new {@link CodeViewPane} under the root of a 1280x800 scene and
 * renders a snapshot of the scene, which forces CSS, layout and painting of the visible lines. Each file is
 * opened {@code -Dpaint.opens} times (default 6) in a new view each time: the first open of the first file
 * is the JVM's first code view (classes loaded, nothing compiled yet) unless {@code -Dpaint.warmup=true}
 * first runs the workstation's start-up warm-up ({@link CodeViewWarmup}, "warmup_ms rounds total
 * longest-step"), as an inspector's first file follows it; the median and maximum of the other opens are
 * the steady state. Prints "paint_ms name first median max (size)" lines, then the
 * highlighting measures (see {@link #highlight}) as "highlight_ms name visible all longest-stall (spans)",
 * and on stderr the phases of each open with the CPU time of the opening thread (read, decode, prepare)
 * and of the FX thread (show, CSS, layout, render).
 */
public final class PaintBench {
    /** Thread CPU time: on this shared 2-core machine wall time mostly measures the other jobs. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private PaintBench() {
    }

    public static void main(String[] args) throws Exception {
        Scene scene = HeadlessScene.start();
        Texts texts = Texts.load(Locale.ROOT);
        int opens = Integer.getInteger("paint.opens", 6);
        SyntaxHighlighter highlighter = new SyntaxHighlighter(TreeSitterHighlighter.create(), ContentLimits.DEFAULT);
        if (Boolean.getBoolean("paint.warmup")) {
            warmUp(texts, CodeViewWarmup.ROUNDS);
        }
        for (String arg : args) {
            Path file = Path.of(arg);
            long[] ms = new long[opens];
            Opened last = null;
            for (int i = 0; i < opens; i++) {
                last = open(texts, scene, file);
                ms[i] = last.ms();
            }
            long[] warm = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(warm);
            System.out.println("paint_ms " + file.getFileName() + " " + ms[0] + " " + warm[warm.length / 2] + " "
                    + warm[warm.length - 1] + " (" + Files.size(file) / 1024 + " KiB)");
            highlight(highlighter, last, file);
        }
        Platform.exit();
    }

    /**
     * Runs the workstation's start-up warm-up of the code view ({@link CodeViewWarmup}) with {@code rounds}
     * rounds and waits for it; prints "warmup_ms rounds total longest-step". The opens measured after it are
     * what an inspector meets: the workstation starts the warm-up when its window is shown.
     */
    private static void warmUp(Texts texts, int rounds) throws Exception {
        CompletableFuture<CodeViewWarmup.Result> done = new CompletableFuture<>();
        FxTaskExecutor executor = new FxTaskExecutor(1, Platform::runLater,
                failure -> done.completeExceptionally(new IllegalStateException(failure.toString())),
                new FailureTranslator(texts));
        Platform.runLater(() -> new CodeViewWarmup(texts, List.of(Theme.baseUrl(), Theme.LIGHT.stylesheetUrl()), rounds)
                .start(executor, "warm-up", done::complete));
        CodeViewWarmup.Result result = done.get(600, TimeUnit.SECONDS);
        executor.shutdown();
        System.out.println("warmup_ms " + result.rounds() + " " + result.millis() + " " + result.longestStepMillis());
    }

    /** A file opened: the time to its first frame, and the view showing it. */
    private record Opened(long ms, CodeViewPane pane, PreparedDocument prepared) {
    }

    /**
     * Highlights the last view opened as the workstation does (the parser's highlighting computed
     * off the FX thread, then handed to the view), and measures the FX thread: the hand-over with
     * the first frame after it (the lines on screen coloured), the time until every line has its
     * styles, and the longest the FX thread was busy meanwhile (a probe posts to it every
     * millisecond and times the answer: that is how long a key press would have waited).
     */
    private static void highlight(SyntaxHighlighter highlighter, Opened opened, Path file) throws Exception {
        CodeViewPane pane = opened.pane();
        String text = pane.text();
        // the workstation's limits: no highlighting past a size, or with a line too long to lay out styled
        Highlighting hl = text.length() <= ContentLimits.DEFAULT.highlightBytes()
                && opened.prepared().longestLine() <= ContentLimits.DEFAULT.longLineChars()
                ? highlighter.best(Language.forPath(file.toString()), text) : Highlighting.empty("none");
        StyleSpans<Collection<String>> styles = SyntaxSpans.of(hl, text.length());
        CompletableFuture<Long> handed = new CompletableFuture<>();
        long t0 = System.nanoTime();
        Platform.runLater(() -> {
            pane.applyStyles(pane.contentVersion(), 0, styles);
            pane.getScene().snapshot(null);
            handed.complete(System.nanoTime());
        });
        long visible = handed.get(600, TimeUnit.SECONDS) - t0;
        long longest = 0;
        while (true) {
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            long p0 = System.nanoTime();
            Platform.runLater(() -> answer.complete(pane.stylesPending()));
            boolean pending = answer.get(600, TimeUnit.SECONDS);
            longest = Math.max(longest, System.nanoTime() - p0);
            if (!pending) {
                break;
            }
            Thread.sleep(1);
        }
        long all = System.nanoTime() - t0;
        System.out.println("highlight_ms " + file.getFileName() + " " + visible / 1_000_000 + " " + all / 1_000_000 + " "
                + longest / 1_000_000 + " (" + hl.size() + " spans, " + hl.engine() + ")");
    }

    private static byte[] readRange(Path file, long offset, int length) throws airlock.core.AirlockException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.max(0, Math.min(length,
                    channel.size() - offset)));
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
                // reads until the range is full or the file ends
            }
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        } catch (java.io.IOException e) {
            throw new airlock.core.AirlockException("source.read", "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Opened open(Texts texts, Scene scene, Path file) throws Exception {
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        long size = Files.size(file);
        DocumentContent content;
        TextPages pages = size <= TextPage.MAX_LINE_BYTES ? null
                : TextPages.open((offset, length) -> readRange(file, offset, length), size, TextPage.PAGE_BYTES);
        if (pages != null && !pages.first().isLast()) {
            // as the workstation opens a file too large, or with a line too long, to show whole: its first page
            content = ContentDecoder.page(pages, pages.first());
        } else {
            // as the workstation: a file whose one page holds it all is decoded from the bytes already read
            byte[] bytes = pages != null ? pages.bytes(pages.first()) : Files.readAllBytes(file);
            DecodedContent decoded = new Decoder(ContentLimits.DEFAULT).decode(bytes, size);
            content = new DocumentContent(decoded.text().replace("\r\n", "\n"), DocumentContent.Kind.TEXT, bytes.length,
                    size);
        }
        // as the workstation's background open task does: masking and the view document are built off the FX thread
        PreparedDocument prepared = PreparedDocument.of(content);
        long prepCpu = CPU.getCurrentThreadCpuTime() - c0;
        CompletableFuture<Opened> painted = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                CodeViewPane pane = new CodeViewPane(texts, file.getFileName().toString(), attempt -> { });
                HeadlessScene.show(scene, pane);
                long s0 = System.nanoTime();
                long fx0 = CPU.getCurrentThreadCpuTime();
                pane.show(prepared);
                long s1 = System.nanoTime();
                scene.snapshot(null);
                System.err.println("phases " + file.getFileName() + " to-fx " + (s0 - t0) / 1_000_000 + " show "
                        + (s1 - s0) / 1_000_000 + " snapshot " + (System.nanoTime() - s1) / 1_000_000
                        + " cpu-before-fx " + prepCpu / 1_000_000 + " cpu-fx " + (CPU.getCurrentThreadCpuTime() - fx0) / 1_000_000);
                painted.complete(new Opened((System.nanoTime() - t0) / 1_000_000, pane, prepared));
            } catch (RuntimeException e) {
                painted.completeExceptionally(e);
            }
        });
        return painted.get(600, TimeUnit.SECONDS);
    }
}
