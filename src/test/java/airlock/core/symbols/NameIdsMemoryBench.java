package airlock.core.symbols;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark harness (issue 20, not a unit test): the heap the build's name table takes for an index's names,
 * the compact {@link NameIds} against the map of String keys it replaced (a ConcurrentHashMap of entry
 * objects of the same fields as the old Inserter.Entry). Usage: NameIdsMemoryBench index.sqlite
 */
public final class NameIdsMemoryBench {
    private NameIdsMemoryBench() {
    }

    /** The fields of the replaced Inserter.Entry. */
    @SuppressWarnings("unused")
    private static final class OldEntry {
        final String name;
        final long id;
        boolean written;
        Object pending;
        int count;

        OldEntry(String name, long id) {
            this.name = name;
            this.id = id;
        }
    }

    public static void main(String[] args) throws Exception {
        airlock.core.sqlite.NativeSqlite.install();
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM names ORDER BY id")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        String[] source = names.toArray(String[]::new);
        names = null;
        long base = used();
        NameIds ids = new NameIds(1);
        for (int i = 0; i < source.length; i += 1000) {
            String[] part = new String[Math.min(1000, source.length - i)];
            for (int k = 0; k < part.length; k++) {
                part[k] = new String(source[i + k].toCharArray()); // a copy, as a file's tokens are
            }
            ids.idsOf(part);
        }
        long compact = used() - base;
        System.out.printf("names %d%nnameids_mb %.1f%n", ids.size(), compact / 1048576.0);
        ids = null;
        base = used();
        ConcurrentHashMap<String, OldEntry> map = new ConcurrentHashMap<>();
        for (int i = 0; i < source.length; i++) {
            String n = new String(source[i].toCharArray());
            map.computeIfAbsent(n, k -> new OldEntry(k, map.size() + 1));
        }
        long old = used() - base;
        System.out.printf("map_entries %d%nstring_map_mb %.1f%n", map.size(), old / 1048576.0);
    }

    private static long used() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
