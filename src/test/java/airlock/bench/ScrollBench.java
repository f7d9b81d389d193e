package airlock.bench;

import airlock.core.text.ContentLimits;
import airlock.core.text.DecodedContent;
import airlock.core.text.Decoder;
import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.code.ContentDecoder;
import airlock.ui.code.DocumentContent;
import airlock.ui.code.PreparedDocument;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.fxmisc.richtext.CodeArea;

/**
 * Benchmark harness run by bench/nav-bench.sh (not a unit test): how long one scroll step of the
 * code view takes, headless (Monocle, software rendering), for each file given. The file is opened
 * as the workstation opens it (first {@link ContentDecoder#TEXT_LIMIT} bytes, document prepared
 * off the FX thread); then, on the FX thread, each step scrolls and renders a snapshot of the
 * 1280x800 scene, which forces CSS, layout of the newly visible lines and painting. Steps: 60 pages
 * down (a file with one line: pages to the right), 60 wheel steps of 51 px (about three lines), and
 * one jump to the middle. A snapshot with nothing changed is timed too: that much of each step is
 * rendering the whole scene in software, which a real window's frame does not pay in full.
 * Prints "scroll name kind p50 p95 max" lines in milliseconds.
 */
public final class ScrollBench {
    private static final int STEPS = 60;

    private ScrollBench() {
    }

    public static void main(String[] args) throws Exception {
        Scene scene = HeadlessScene.start();
        Texts texts = Texts.load(Locale.ROOT);
        for (String arg : args) {
            Path file = Path.of(arg);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(ContentDecoder.TEXT_LIMIT);
            }
            DecodedContent decoded = new Decoder(ContentLimits.DEFAULT).decode(bytes, Files.size(file));
            PreparedDocument prepared = PreparedDocument.of(new DocumentContent(decoded.text().replace("\r\n", "\n"),
                    DocumentContent.Kind.TEXT, bytes.length, Files.size(file)));
            CodeViewPane pane = onFx(() -> {
                CodeViewPane p = new CodeViewPane(texts, file.getFileName().toString(), attempt -> { });
                HeadlessScene.show(scene, p);
                p.show(prepared);
                scene.snapshot(null);
                return p;
            });
            String name = file.getFileName().toString();
            CodeArea area = pane.codeArea();
            boolean oneLine = onFx(() -> area.getParagraphs().size()) <= 2; // one line and the empty one after its newline
            report(name, "render-only", time(scene, area, a -> { }));
            report(name, oneLine ? "page-right" : "page-down", time(scene, area, oneLine
                    ? a -> a.scrollXBy(a.getWidth() * 0.9) : a -> a.scrollYBy(a.getHeight() * 0.9)));
            if (!oneLine) {
                onFx(() -> {
                    area.showParagraphAtTop(0);
                    scene.snapshot(null);
                    return null;
                });
                report(name, "wheel-51px", time(scene, area, a -> a.scrollYBy(3 * 17.0)));
                long[] jump = new long[1];
                onFx(() -> {
                    long t0 = System.nanoTime();
                    area.showParagraphAtTop(area.getParagraphs().size() / 2);
                    scene.snapshot(null);
                    jump[0] = System.nanoTime() - t0;
                    return null;
                });
                System.out.printf(Locale.ROOT, "scroll %s jump-to-middle %.1f%n", name, jump[0] / 1e6);
            }
        }
        Platform.exit();
    }

    private static long[] time(Scene scene, CodeArea area, Consumer<CodeArea> step) throws Exception {
        return onFx(() -> {
            for (int i = 0; i < 5; i++) {
                step.accept(area);
                scene.snapshot(null);
            }
            long[] out = new long[STEPS];
            for (int i = 0; i < STEPS; i++) {
                long t0 = System.nanoTime();
                step.accept(area);
                scene.snapshot(null);
                out[i] = System.nanoTime() - t0;
            }
            return out;
        });
    }

    private static void report(String name, String kind, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "scroll %s %s %.1f %.1f %.1f%n", name, kind, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(work.call());
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(600, TimeUnit.SECONDS);
    }
}
