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
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Benchmark harness run by bench/nav-bench.sh (not a unit test): time from "open this file" to the
 * first rendered frame of the code view, headless (Monocle, software rendering), for each file given.
 * Reads and decodes like the workstation does (the first {@link ContentDecoder#TEXT_LIMIT} bytes,
 * core's Decoder), shows the text in a new {@link CodeViewPane} made the root of a 1280x800 scene and
 * renders a snapshot of the scene, which forces CSS, layout and painting of the visible lines. Each file is
 * opened twice: a cold run (first JIT) and a warm run. Prints "paint_ms name cold warm (chars)" lines, and
 * on stderr the phases with the CPU time of the opening thread (read, decode, prepare) and of the FX thread
 * (show, CSS, layout, render).
 */
public final class PaintBench {
    /** Thread CPU time: on this shared 2-core machine wall time mostly measures the other jobs. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private PaintBench() {
    }

    public static void main(String[] args) throws Exception {
        Scene scene = HeadlessScene.start();
        Texts texts = Texts.load(Locale.ROOT);
        for (String arg : args) {
            Path file = Path.of(arg);
            long cold = open(texts, scene, file);
            long warm = open(texts, scene, file);
            System.out.println("paint_ms " + file.getFileName() + " " + cold + " " + warm + " ("
                    + Files.size(file) / 1024 + " KiB)");
        }
        Platform.exit();
    }

    private static long open(Texts texts, Scene scene, Path file) throws Exception {
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(ContentDecoder.TEXT_LIMIT);
        }
        long size = Files.size(file);
        DecodedContent decoded = new Decoder(ContentLimits.DEFAULT).decode(bytes, size);
        DocumentContent content = new DocumentContent(decoded.text().replace("\r\n", "\n"), DocumentContent.Kind.TEXT,
                bytes.length, size);
        // as the workstation's background open task does: masking and the view document are built off the FX thread
        PreparedDocument prepared = PreparedDocument.of(content);
        long prepCpu = CPU.getCurrentThreadCpuTime() - c0;
        CompletableFuture<Long> painted = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                CodeViewPane pane = new CodeViewPane(texts, file.getFileName().toString(), attempt -> { });
                scene.setRoot(pane);
                long s0 = System.nanoTime();
                long fx0 = CPU.getCurrentThreadCpuTime();
                pane.show(prepared);
                long s1 = System.nanoTime();
                scene.snapshot(null);
                System.err.println("phases " + file.getFileName() + " to-fx " + (s0 - t0) / 1_000_000 + " show "
                        + (s1 - s0) / 1_000_000 + " snapshot " + (System.nanoTime() - s1) / 1_000_000
                        + " cpu-before-fx " + prepCpu / 1_000_000 + " cpu-fx " + (CPU.getCurrentThreadCpuTime() - fx0) / 1_000_000);
                painted.complete(System.nanoTime());
            } catch (RuntimeException e) {
                painted.completeExceptionally(e);
            }
        });
        return (painted.get(600, TimeUnit.SECONDS) - t0) / 1_000_000;
    }
}
