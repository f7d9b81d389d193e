package airlock.core.symbols;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * Benchmark harness (not a unit test): the CPU the build's name table spends resolving files' names, in the
 * pattern of a kernel build (4.3 M distinct names, each file resolving a few hundred distinct names: frequent
 * ones, earlier ones picked at random, and a few new ones), with fresh String objects per file as the
 * extractor hands them over (their hash not yet computed). Prints the thread's CPU time of the idsOf calls
 * and a checksum of the ids (the same for the same table behaviour).
 * Usage: NameIdsLookupBench [files] [namesPerFile] [distinctNames]
 */
public final class NameIdsLookupBench {
    private NameIdsLookupBench() {
    }

    /** A new table, for {@link #resolve} (the A/B harness calls these through a class loader per build). */
    public static Object newTable() {
        return new NameIds(1);
    }

    /** The ids of {@code names} in {@code table}, and the thread CPU nanoseconds it took, at the end. */
    public static long[] resolve(Object table, String[] names) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long[] ids = ((NameIds) table).idsOf(names);
        long spent = mx.getCurrentThreadCpuTime() - c0;
        long[] out = java.util.Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = spent;
        return out;
    }

    /** The same names as {@link #main}'s, for the A/B harness. */
    public static String[] pool(int distinct) {
        String[] pool = new String[distinct];
        Random r = new Random(20);
        String[] parts = {"dev", "get", "set", "irq", "lock", "spin", "_", "buf", "page", "init", "exit", "xfs", "ext4",
            "nf", "CONFIG", "MAX", "u32", "skb", "sock", "tcp", "pci", "usb", "drm", "ops", "cb", "fn", "ctx"};
        for (int i = 0; i < distinct; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(3) + 1; k > 0; k--) {
                b.append(parts[r.nextInt(parts.length)]).append('_');
            }
            b.append(Integer.toString(i, 36));
            pool[i] = b.toString();
        }
        return pool;
    }

    public static void main(String[] args) {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 78_000;
        int perFile = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int distinct = args.length > 2 ? Integer.parseInt(args[2]) : 4_300_000;
        String[] pool = pool(distinct);
        for (int round = 1; round <= 2; round++) {
            NameIds ids = new NameIds(1);
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Random pick = new Random(21);
            int created = 0;
            long cpu = 0;
            long check = 0;
            long lookups = 0;
            for (int f = 0; f < files; f++) {
                String[] names = new String[perFile];
                for (int k = 0; k < perFile; k++) {
                    int roll = pick.nextInt(100);
                    int which;
                    if (created < distinct && (roll < 14 || created < 1000)) {
                        which = created++;
                    } else if (roll < 55) {
                        which = pick.nextInt(Math.min(created, 20_000));
                    } else {
                        which = pick.nextInt(created);
                    }
                    names[k] = new String(pool[which].toCharArray());
                }
                long c0 = mx.getCurrentThreadCpuTime();
                long[] out = ids.idsOf(names);
                cpu += mx.getCurrentThreadCpuTime() - c0;
                for (long v : out) {
                    check = check * 31 + v;
                }
                lookups += perFile;
            }
            System.out.printf("round %d: lookups %d, names %d, idsOf cpu ms %d, checksum %d%n", round, lookups,
                    ids.size(), cpu / 1_000_000, check);
        }
    }
}
