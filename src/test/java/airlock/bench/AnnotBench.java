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
        byte[] json = Files.readAllBytes(out.resolve(ExportFormat.JSON.fileName()));
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int read = new AnnotationsJsonReader().read(new ByteArrayInputStream(json)).annotations().size();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%-8s %12d %10d %10d %12d %12d%n", "import", read, ms, (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000, ms, json.length);
        for (ExportFormat f : ExportFormat.values()) {
            Files.deleteIfExists(out.resolve(f.fileName()));
        }
        Files.deleteIfExists(out);
    }
}
