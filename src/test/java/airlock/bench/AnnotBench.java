package airlock.bench;

import airlock.core.cwe.CweCatalogue;
import airlock.core.cwe.CweCatalogueLoader;
import airlock.core.export.AnnotationsJsonReader;
import airlock.core.export.ExportDocument;
import airlock.core.export.ExportFixtures;
import airlock.core.export.ExportFormat;
import airlock.core.export.ExportPolicy;
import airlock.core.export.ExportService;
import airlock.core.media.SafeWriter;
import airlock.core.media.WriteHooks;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Benchmark for bench/annot-bench.sh: export N annotations in each format (to a real folder, safe-write), then import the JSON. */
public final class AnnotBench {
    private AnnotBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path out = Files.createTempDirectory("annot-bench");
        CweCatalogue catalogue = new CweCatalogueLoader(new ObjectMapper()).loadBundled();
        ExportService service = new ExportService(catalogue, new SafeWriter(WriteHooks.NONE));
        ExportDocument doc = ExportFixtures.document(n);
        for (int warm = 0; warm < 2; warm++) {
            for (ExportFormat f : ExportFormat.values()) {
                service.render(ExportFixtures.document(200), f, ExportPolicy.none());
            }
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.printf("%-8s %12s %10s %10s %12s %12s%n", "format", "annotations", "render ms", "render cpu", "total ms", "bytes");
        for (ExportFormat f : ExportFormat.values()) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int size = service.render(doc, f, ExportPolicy.none()).length;
            long render = (System.nanoTime() - t0) / 1_000_000;
            long renderCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000;
            t0 = System.nanoTime();
            var written = service.export(doc, f, ExportPolicy.none(), out, null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("%-8s %12d %10d %10d %12d %12d%n", f.id(), n, render, renderCpu, ms, written.size());
        }
        byte[] json = Files.readAllBytes(out.resolve(ExportFormat.JSON.fileName(doc.session().id())));
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int read = new AnnotationsJsonReader().read(new ByteArrayInputStream(json)).annotations().size();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%-8s %12d %10d %10d %12d %12d%n", "import", read, ms, (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000, ms, json.length);
        long f0 = System.nanoTime();
        int shown = 0;
        for (airlock.core.annotate.AnnotationOrder order : airlock.core.annotate.AnnotationOrder.values()) {
            shown += order.select(doc.annotations(), new airlock.core.annotate.AnnotationFilter(null, java.util.Set.of(),
                    java.util.Set.of(), null, null, "unbounded")).size();
        }
        long filterMs = (System.nanoTime() - f0) / 1_000_000 / airlock.core.annotate.AnnotationOrder.values().length;
        System.out.printf("%-8s %12d %10d %10s %12s %12s%n", "filter", shown / airlock.core.annotate.AnnotationOrder.values().length, filterMs, "-", "-", "-");
        panelBench(doc.annotations());
        reanchorBench(n);
        for (ExportFormat f : ExportFormat.values()) {
            Files.deleteIfExists(out.resolve(f.fileName(doc.session().id())));
        }
        Files.deleteIfExists(out);
    }

    /**
     * The Annotations panel's own path (view model, no toolkit): filter text typed, cleared, a
     * severity chosen, each sort order; every step filters, sorts and rebuilds the rows the table
     * shows. Reports the slowest step and the mean.
     */
    private static void panelBench(java.util.List<airlock.core.annotate.Annotation> all) {
        airlock.ui.Texts texts = airlock.ui.Texts.load(java.util.Locale.ROOT);
        java.time.Clock clock = java.time.Clock.systemUTC();
        airlock.ui.main.MainViewModel main = new airlock.ui.main.MainViewModel(texts, new airlock.ui.task.SameThreadTaskExecutor(
                f -> System.err.println("failure: " + f.message()), new airlock.ui.task.FailureTranslator(texts)), clock, "bench");
        airlock.ui.annotate.AnnotationsModel model = new airlock.ui.annotate.AnnotationsModel(main, texts, clock,
                () -> java.util.UUID.randomUUID().toString());
        model.annotations().setAll(all);
        java.util.List<Runnable> steps = new java.util.ArrayList<>();
        steps.add(() -> model.filterTextProperty().set("unbounded"));
        steps.add(() -> model.filterTextProperty().set(""));
        steps.add(() -> model.filterSeverityProperty().set(airlock.core.annotate.Severity.HIGH));
        steps.add(() -> model.filterSeverityProperty().set(null));
        for (airlock.core.annotate.AnnotationOrder order : airlock.core.annotate.AnnotationOrder.values()) {
            steps.add(() -> model.orderProperty().set(order));
        }
        for (Runnable step : steps) {
            step.run(); // warm-up
        }
        long worst = 0;
        long total = 0;
        for (Runnable step : steps) {
            long t0 = System.nanoTime();
            step.run();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            worst = Math.max(worst, ms);
            total += ms;
        }
        System.out.printf("%-8s %12d %10d %10s %12s %12s%n", "panel", all.size(), worst, "-", "mean " + total / steps.size(), "-");
    }

    /** N annotations spread over one 20,000-line file, re-anchored after 50 lines were inserted at the top. */
    private static void reanchorBench(int n) throws Exception {
        StringBuilder v1 = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            v1.append("    value_").append(i).append(" = compute(").append(i % 97).append(");\n");
        }
        String before = v1.toString();
        String after = "/* inserted */\n".repeat(50) + before;
        airlock.core.annotate.LineIndex idx = new airlock.core.annotate.LineIndex(before);
        airlock.core.annotate.MemorySourceTree tree = new airlock.core.annotate.MemorySourceTree()
                .put("v1", "big.c", before).put("v2", "big.c", after);
        java.util.List<airlock.core.annotate.Annotation> list = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            int line = 1 + (i * 7) % 20_000;
            airlock.core.annotate.AnchoredRange r = airlock.core.annotate.AnchoredRange.of(idx,
                    idx.range(idx.lineStart(line), idx.lineEnd(line))).withoutText();
            list.add(ExportFixtures.annotation(i).withAnchor(new airlock.core.annotate.Anchor("v1", tree.commitOf("v1"), "big.c",
                    airlock.core.annotate.MemorySourceTree.blobId(before), java.util.List.of(r)), airlock.core.annotate.AnchorState.CURRENT));
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        airlock.core.annotate.Reanchorer reanchorer = new airlock.core.annotate.Reanchorer(tree, "v2");
        int moved = 0;
        for (airlock.core.annotate.Annotation a : list) {
            if (reanchorer.reanchor(a).state() == airlock.core.annotate.AnchorState.MOVED) {
                moved++;
            }
        }
        System.out.printf("%-8s %12d %10d %10d %12s %12s%n", "reanchor", moved, (System.nanoTime() - t0) / 1_000_000,
                (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000, "-", "-");
    }
}
