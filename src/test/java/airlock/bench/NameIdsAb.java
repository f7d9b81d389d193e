package airlock.bench;

import java.lang.reflect.Method;
import java.util.Random;

/**
 * A/B harness (not a unit test) for the build's name table on a loaded machine: two builds' NameIds, each
 * in a class loader of its own, resolve the same simulated files' names in turn (which goes first
 * alternates per file; each side gets its own fresh String objects), as NameIdsLookupBench simulates a
 * kernel build. Prints each side's CPU in idsOf and whether all ids agreed.
 * Usage: NameIdsAb <classesA> <classesB> <test-classes> <dependency classpath> [files] [namesPerFile] [distinct]
 */
public final class NameIdsAb {
    private NameIdsAb() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 4 ? Integer.parseInt(args[4]) : 78_000;
        int perFile = args.length > 5 ? Integer.parseInt(args[5]) : 400;
        int distinct = args.length > 6 ? Integer.parseInt(args[6]) : 4_300_000;
        Class<?>[] bench = {load(args[0], args[2], args[3]), load(args[1], args[2], args[3])};
        Method[] resolve = new Method[2];
        Object[] table = new Object[2];
        for (int k = 0; k < 2; k++) {
            resolve[k] = bench[k].getMethod("resolve", Object.class, String[].class);
            table[k] = bench[k].getMethod("newTable").invoke(null);
        }
        String[] pool = (String[]) bench[0].getMethod("pool", int.class).invoke(null, distinct);
        Random pick = new Random(21);
        int created = 0;
        long[] cpu = new long[2];
        long mismatches = 0;
        for (int f = 0; f < files; f++) {
            int[] which = new int[perFile];
            for (int k = 0; k < perFile; k++) {
                int roll = pick.nextInt(100);
                if (created < distinct && (roll < 14 || created < 1000)) {
                    which[k] = created++;
                } else if (roll < 55) {
                    which[k] = pick.nextInt(Math.min(created, 20_000));
                } else {
                    which[k] = pick.nextInt(created);
                }
            }
            long[][] got = new long[2][];
            for (int step = 0; step < 2; step++) {
                int side = (f + step) % 2;
                String[] names = new String[perFile];
                for (int k = 0; k < perFile; k++) {
                    names[k] = new String(pool[which[k]].toCharArray());
                }
                got[side] = (long[]) resolve[side].invoke(null, table[side], names);
                cpu[side] += got[side][perFile];
            }
            for (int k = 0; k < perFile; k++) {
                mismatches += got[0][k] == got[1][k] ? 0 : 1;
            }
        }
        System.out.printf("lookups %d: idsOf cpu ms A %d, B %d; ids differing %d%n", (long) files * perFile,
                cpu[0] / 1_000_000, cpu[1] / 1_000_000, mismatches);
    }

    private static Class<?> load(String classes, String testClasses, String deps) throws Exception {
        return Class.forName("airlock.core.symbols.NameIdsLookupBench", true,
                ExtractAb.loaderOf(classes, testClasses, deps));
    }
}
