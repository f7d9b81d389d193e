package airlock.core.symbols;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark harness (not a unit test): loads the defined names of a symbol index into a {@link NameTable} and
 * times the name search alone, per query, in CPU time of the thread (median of 15 after 5 warm-up runs), on one
 * thread; then one thread against two in turns (CPU of each thread and wall). Usage: NameTableBench index.sqlite query...
 */
public final class NameTableBench {
    private NameTableBench() {
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    public static void main(String[] args) throws Exception {
        System.gc();
        long heap0 = usedHeap();
        NameTable.Loader l = new NameTable.Loader();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            // each defined name's count from the definition file, as SymbolIndex loads it
            long[] counts;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT value FROM meta WHERE key='defs_size'")) {
                rs.next();
                try (RefsFile.Reader r = RefsFile.Reader.complete(RefsFile.defsOf(java.nio.file.Path.of(args[0])),
                        Long.parseLong(rs.getString(1)))) {
                    counts = r.counts();
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id, name FROM names ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id < counts.length && counts[(int) id] > 0) {
                        l.add(id, rs.getString(2), (int) counts[(int) id]);
                    }
                }
            }
        }
        NameTable t = l.build(0);
        l = null;
        System.gc();
        System.out.println("names " + t.size());
        // the table's own heap (the loader's buffers are garbage by now); the JDBC driver's classes are counted too
        System.out.println(String.format(Locale.ROOT, "table_heap_mb %.1f", (usedHeap() - heap0) / 1048576.0));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String q : List.of(args).subList(1, args.length)) {
            double[] cpu = new double[15];
            List<NameTable.Hit> hits = null;
            for (int i = -5; i < cpu.length; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                hits = t.search(q, 100, 1);
                if (i >= 0) {
                    cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }
            Arrays.sort(cpu);
            System.out.println(String.format(Locale.ROOT, "scan %s %d letters: median CPU %.1f ms, max %.1f; %d hits, top %s",
                    q, q.length(), cpu[cpu.length / 2], cpu[cpu.length - 1], hits.size(),
                    hits.isEmpty() ? "-" : hits.get(0).name()));
        }
        // one thread against two (the scan of all names split with the table's helper thread), in turns per run so
        // both see the same machine: medians of 15 of the querying thread's CPU, the helper's, and the wall time
        for (String q : List.of(args).subList(1, args.length)) {
            double[][] own = new double[3][15];
            double[][] help = new double[3][15];
            double[][] wall = new double[3][15];
            List<NameTable.Hit> one = t.search(q, 100, 1);
            boolean same = true;
            for (int i = -5; i < 15; i++) {
                for (int threads = 1; threads <= 2; threads++) {
                    long h0 = helperCpu(mx);
                    long c0 = mx.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    List<NameTable.Hit> hits = t.search(q, 100, threads);
                    long w = System.nanoTime() - w0;
                    long c = mx.getCurrentThreadCpuTime() - c0;
                    long h = helperCpu(mx) - h0;
                    same &= hits.equals(one);
                    if (i >= 0) {
                        own[threads][i] = c / 1e6;
                        help[threads][i] = h / 1e6;
                        wall[threads][i] = w / 1e6;
                    }
                }
            }
            for (int threads = 1; threads <= 2; threads++) {
                Arrays.sort(own[threads]);
                Arrays.sort(help[threads]);
                Arrays.sort(wall[threads]);
            }
            System.out.println(String.format(Locale.ROOT, "threads %s one: cpu %.1f wall %.1f; two: cpu %.1f + helper %.1f"
                    + " wall %.1f; same %s", q, own[1][7], wall[1][7], own[2][7], help[2][7], wall[2][7], same));
        }
    }

    /** CPU time so far of the name tables' helper threads, in ns (0 when none runs). */
    private static long helperCpu(ThreadMXBean mx) {
        long sum = 0;
        for (java.lang.management.ThreadInfo i : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (i != null && i.getThreadName().equals(NameTable.HELPER_NAME)) {
                sum += Math.max(0, mx.getThreadCpuTime(i.getThreadId()));
            }
        }
        return sum;
    }
}
