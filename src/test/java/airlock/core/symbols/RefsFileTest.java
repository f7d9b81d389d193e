package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference file of a symbol index ({@link RefsFile}): what a build writes is read back the same across
 * batches, while building and after; a cut, flipped or crafted file is refused with one reason (an
 * {@link AirlockException} coded {@code symbols.refs.damaged}), never another exception and never a silently
 * different answer; a damaged or old-format index is rebuilt by the next build.
 */
class RefsFileTest {
    private static final String[] NAMES = {"mutex_lock", "mutex_unlock", "probe", "helper", "f0", "f1", "f2"};

    @TempDir
    Path dir;

    /** 600 files: three build batches of 256, so names have several records and batches several names. */
    private static MapSource many() {
        MapSource s = new MapSource();
        s.put("include/lock.h", "void mutex_lock(struct mutex *m);\nvoid mutex_unlock(struct mutex *m);\n");
        for (int f = 0; f < 600; f++) {
            StringBuilder c = new StringBuilder();
            for (int l = 0; l < f % 3 + 1; l++) {
                c.append("static int f").append(l).append("(void)\n{\n    mutex_lock(&m);\n    helper(")
                        .append(f).append(");\n    mutex_unlock(&m);\n    return 0;\n}\n");
            }
            s.put(String.format("d%03d/file.c", f), c.toString());
        }
        s.put("zz/probe.c", "int probe(void)\n{\n    mutex_lock(&x);\n    return helper(1);\n}\n");
        return s;
    }

    private Path build(MapSource s, String name) throws AirlockException {
        Path db = dir.resolve(name + ".sqlite");
        assertTrue(new IndexBuilder(s, "refs/heads/main", db, 2).build(List.of(), ProgressMonitor.NONE).isComplete());
        return db;
    }

    /** Everything the reference file answers: every name's references and every definition's callees. */
    private static List<String> answers(SymbolIndex idx) throws AirlockException {
        return answers(idx, NAMES);
    }

    private static List<String> answers(SymbolIndex idx, String... names) throws AirlockException {
        List<String> out = new ArrayList<>();
        idx.preload();
        for (String n : names) {
            out.add(n + " " + idx.references(n, 0, Integer.MAX_VALUE));
            for (Definition d : idx.definitions(n)) {
                if (d.path().startsWith("d00") || d.path().startsWith("d5") || d.path().startsWith("zz")) {
                    out.add(d + " " + idx.callees(d));
                }
            }
        }
        out.add("callers " + idx.callers("helper", 10_000));
        return out;
    }

    @Test
    void readBackAcrossBatchesWhileBuildingAndAfter() throws Exception {
        MapSource s = many();
        Path db = build(s, "whole");
        List<String> expected;
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            expected = answers(idx);
            ReferencePage locks = idx.references("mutex_lock", 0, 5000);
            assertEquals(1 + 1200 + 1, locks.total(), "the header's declaration, one per function, one in probe.c");
            assertEquals(List.of("mutex_lock", "helper", "mutex_unlock"),
                    idx.callees(idx.definitions("f0").get(0)).stream().map(Callee::name).toList());
            assertEquals(List.of("mutex_lock", "helper"),
                    idx.callees(idx.definitions("probe").get(0)).stream().map(Callee::name).toList());
        }
        try (RefsFile.Reader r = RefsFile.Reader.complete(RefsFile.of(db), Files.size(RefsFile.of(db)))) {
            assertTrue(r.ofBatch(1).size() > 3 && r.ofBatch(3).size() > 3, "three batches, each with its names");
            assertTrue(r.ofBatch(99).isEmpty());
        }
        // the same tree built in two runs (cancelled after 300 files, then resumed) answers the same, and
        // while it is partial the committed records are read by scanning
        Path db2 = dir.resolve("resumed.sqlite");
        ProgressMonitor stopAt300 = stopAfter(300);
        assertThrows(CancelledException.class,
                () -> new IndexBuilder(s, "refs/heads/main", db2, 2).build(List.of(), stopAt300));
        try (SymbolIndex idx = SymbolIndex.open(db2)) {
            assertEquals(IndexState.Status.PARTIAL, idx.state().status());
            long partial = idx.references("mutex_lock", 0, 10).total();
            assertTrue(partial > 100 && partial < 1202, "the committed part: " + partial);
            // bytes after the committed end (a batch written but not committed when the process died) ...
            Files.write(RefsFile.of(db2), new byte[] {1, 2, 3, 4, 5}, java.nio.file.StandardOpenOption.APPEND);
            assertEquals(partial, idx.references("mutex_lock", 0, 10).total(), "are not read");
            assertTrue(new IndexBuilder(s, "refs/heads/main", db2, 2).build(List.of(), ProgressMonitor.NONE)
                    .isComplete());
            assertEquals(expected, answers(idx), "... and are cut by the resumed build");
        }
    }

    /** Cancels a build once {@code files} files are done. */
    static ProgressMonitor stopAfter(int files) {
        return new ProgressMonitor() {
            int done;
            @Override public void beginTask(String title, long totalWork) { }
            @Override public void update(long completed) { done += (int) completed; }
            @Override public void endTask() { }
            @Override public boolean isCancelled() { return done >= files; }
        };
    }

    @Test
    void aCutFileIsRefusedAtEveryLengthAndRebuilt() throws Exception {
        MapSource s = many();
        Path db = build(s, "cut");
        Path refs = RefsFile.of(db);
        byte[] whole = Files.readAllBytes(refs);
        List<String> expected;
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            expected = answers(idx);
        }
        int step = Math.max(1, whole.length / 97);
        for (int len = 0; len < whole.length; len += step) {
            Files.write(refs, java.util.Arrays.copyOf(whole, len));
            refused(db, "cut to " + len);
        }
        Files.delete(refs);
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            AirlockException e = assertThrows(AirlockException.class, () -> idx.references("helper", 0, 10));
            assertEquals("symbols.refs.missing", e.code());
        }
        // the next build (the workstation runs one whenever it opens the tree) replaces the damaged file
        s.reads = 0;
        assertTrue(new IndexBuilder(s, "refs/heads/main", db, 2).build(List.of(), ProgressMonitor.NONE).isComplete());
        assertEquals(602, s.reads, "rebuilt from the start");
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            assertEquals(expected, answers(idx));
        }
    }

    @Test
    void everyFlippedByteIsRefusedNeverAnsweredDifferently() throws Exception {
        MapSource s = new MapSource();
        s.put("a.c", "int probe(void)\n{\n    mutex_lock(&m);\n    helper(1);\n}\n");
        s.put("b.c", "void f0(void) { mutex_unlock(&m); helper(2); helper(3); }\n");
        Path db = build(s, "flip");
        Path refs = RefsFile.of(db);
        byte[] whole = Files.readAllBytes(refs);
        String[] names = allNames(db);
        assertTrue(names.length >= 6, "every identifier is a name: " + List.of(names));
        List<String> expected;
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            expected = answers(idx, names);
        }
        for (int i = 0; i < whole.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] bad = whole.clone();
                bad[i] ^= (byte) bit;
                Files.write(refs, bad);
                refused(db, "byte " + i + " flipped by " + bit, names);
            }
        }
        Files.write(refs, whole);
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            assertEquals(expected, answers(idx, names), "the original file answers as before");
        }
    }

    /** Every name of the index (a flipped byte in any record must show, so every record is read). */
    private static String[] allNames(Path db) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT name FROM names ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out.toArray(String[]::new);
    }

    /** The index's answers over {@code db} fail with a damaged-file refusal (and nothing else). */
    private static void refused(Path db, String what, String... names) throws AirlockException {
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            AirlockException e = assertThrows(AirlockException.class,
                    () -> answers(idx, names.length == 0 ? NAMES : names), what);
            assertEquals("symbols.refs.damaged", e.code(), what + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("is damaged (") && e.getMessage().contains("Building the index again"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
    }

    // ------------------------------------------------------------------ crafted files with valid checksums

    /** A hand-made reference file: records, then a directory as given, every checksum correct. */
    private static final class Crafted {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<Long> offsets = new ArrayList<>();

        Crafted() {
            out.writeBytes(RefsFile.MAGIC);
        }

        Crafted record(long name, long batch, long count, byte[] blob, long statedLength) {
            offsets.add((long) out.size());
            ByteArrayOutputStream r = new ByteArrayOutputStream();
            for (long v : new long[] {name, batch, count, statedLength}) {
                varint(r, v);
            }
            r.writeBytes(blob);
            CRC32C crc = new CRC32C();
            crc.update(r.toByteArray());
            out.writeBytes(r.toByteArray());
            out.writeBytes(le(4, crc.getValue()));
            return this;
        }

        /** Directory: name slots' first indexes, record offsets, (batch, offset) pairs; sizes as given. */
        byte[] finish(int slots, int pieces, int batches, int[] first, long[] offs, long[] batchTable) {
            long d = out.size();
            ByteArrayOutputStream dir = new ByteArrayOutputStream();
            dir.writeBytes(RefsFile.DIR_MAGIC);
            dir.writeBytes(le(4, slots));
            dir.writeBytes(le(4, pieces));
            dir.writeBytes(le(4, batches));
            for (int f : first) {
                dir.writeBytes(le(4, f));
            }
            for (long o : offs) {
                dir.writeBytes(le(8, o));
            }
            for (long b : batchTable) {
                dir.writeBytes(le(8, b));
            }
            dir.writeBytes(le(8, d));
            CRC32C crc = new CRC32C();
            crc.update(dir.toByteArray());
            out.writeBytes(dir.toByteArray());
            out.writeBytes(le(4, crc.getValue()));
            out.writeBytes(RefsFile.END);
            return out.toByteArray();
        }

        private static void varint(ByteArrayOutputStream o, long v) {
            while ((v & ~0x7FL) != 0) {
                o.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            o.write((int) v);
        }

        private static byte[] le(int n, long v) {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v);
            return java.util.Arrays.copyOf(b.array(), n);
        }
    }

    private static byte[] blob(long fileId, int... triples) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Occurrences.appendGroup(b, fileId, triples);
        return b.toByteArray();
    }

    /** Opens {@code bytes} as a complete file and reads name 1 and 2 and batch 1. */
    private List<RefsFile.Record> read(byte[] bytes) throws AirlockException, java.io.IOException {
        Path f = dir.resolve("crafted.refs");
        Files.write(f, bytes);
        try (RefsFile.Reader r = RefsFile.Reader.complete(f, bytes.length)) {
            List<RefsFile.Record> out = new ArrayList<>(r.ofName(1));
            out.addAll(r.ofName(2));
            out.addAll(r.ofBatch(1));
            return out;
        }
    }

    private void craftedRefused(byte[] bytes, String reason) throws Exception {
        AirlockException e = assertThrows(AirlockException.class, () -> read(bytes), reason);
        assertEquals("symbols.refs.damaged", e.code());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void craftedOffsetsAndLengthsAreRefused() throws Exception {
        byte[] b1 = blob(1, 3, 4, 1);
        byte[] b2 = blob(2, 7, 1, 0, 9, 2, 1);
        // a well-formed file first: it reads back
        Crafted ok = new Crafted().record(1, 1, 1, b1, b1.length).record(2, 1, 2, b2, b2.length);
        long r0 = ok.offsets.get(0);
        long r1 = ok.offsets.get(1);
        assertEquals(4, read(ok.finish(3, 2, 1, new int[] {0, 0, 1, 2}, new long[] {r0, r1}, new long[] {1, r0})).size());

        Crafted c = new Crafted().record(1, 1, 1, b1, b1.length).record(2, 1, 2, b2, b2.length);
        craftedRefused(c.finish(3, 2, 1, new int[] {0, 0, 1, 2}, new long[] {r0, 1L << 40}, new long[] {1, r0}),
                "bad record offset");
        c = new Crafted().record(1, 1, 1, b1, b1.length).record(2, 1, 2, b2, b2.length);
        craftedRefused(c.finish(3, 2, 1, new int[] {0, 0, 1, 2}, new long[] {r1, r1}, new long[] {1, r0}),
                "belongs to another name");
        c = new Crafted().record(1, 1, 1, b1, b1.length).record(2, 1, 2, b2, b2.length);
        craftedRefused(c.finish(3, 2, 1, new int[] {0, 0, 1, 2}, new long[] {r0 + 2, r1}, new long[] {1, r0}),
                "record at offset " + (r0 + 2));
        c = new Crafted().record(1, 1, 1, b1, b1.length).record(2, 1, 2, b2, b2.length);
        craftedRefused(c.finish(3, 2, 1, new int[] {0, 2, 1, 2}, new long[] {r0, r1}, new long[] {1, r0}),
                "bad directory entry");
        c = new Crafted().record(1, 1, 1, b1, b1.length).record(2, 1, 2, b2, b2.length);
        craftedRefused(c.finish(3, 2, 1, new int[] {0, 0, 1, Integer.MAX_VALUE}, new long[] {r0, r1},
                new long[] {1, r0}), "bad directory entry");
        c = new Crafted().record(1, 1, 1, b1, b1.length).record(2, 1, 2, b2, b2.length);
        craftedRefused(c.finish(Integer.MAX_VALUE, 2, 1, new int[] {0, 0, 1, 2}, new long[] {r0, r1},
                new long[] {1, r0}), "inconsistent directory sizes");
        c = new Crafted().record(1, 1, 1, b1, b1.length).record(2, 1, 2, b2, b2.length);
        craftedRefused(c.finish(3, -5, 1, new int[] {0, 0, 1, 2}, new long[] {r0, r1}, new long[] {1, r0}),
                "inconsistent directory sizes");
        c = new Crafted().record(1, 1, 1, b1, b1.length).record(2, 1, 2, b2, b2.length);
        craftedRefused(c.finish(3, 2, 1, new int[] {0, 0, 1, 2}, new long[] {r0, r1}, new long[] {1, 1L << 50}),
                "bad batch table");
        // a record whose stated blob length runs past the records (its own checksum is right)
        c = new Crafted().record(1, 1, 1, b1, 1L << 31).record(2, 1, 2, b2, b2.length);
        craftedRefused(c.finish(3, 2, 1, new int[] {0, 0, 1, 2}, new long[] {r0, c.offsets.get(1)},
                new long[] {1, r0}), "bad header in the record at offset " + r0);
        // a varint that never ends
        Crafted v = new Crafted();
        v.offsets.add((long) v.out.size());
        byte[] endless = new byte[12];
        java.util.Arrays.fill(endless, (byte) 0xFF);
        v.out.writeBytes(endless);
        craftedRefused(v.finish(2, 1, 1, new int[] {0, 0, 1}, new long[] {r0}, new long[] {1, r0}), "bad number");
    }

    @Test
    void aRecordWhoseBlobDoesNotHoldItsCountIsRefusedByTheIndex() throws Exception {
        MapSource s = new MapSource();
        s.put("a.c", "void f(void) { helper(1); }\n");
        Path db = build(s, "count");
        long helper;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT id FROM names WHERE name='helper'")) {
            assertTrue(rs.next());
            helper = rs.getLong(1);
        }
        byte[] one = blob(1, 1, 16, 1);
        Crafted c = new Crafted().record(helper, 1, 5, one, one.length);
        int[] first = new int[(int) helper + 2];
        first[(int) helper + 1] = 1;
        byte[] file = c.finish((int) helper + 1, 1, 1, first, new long[] {c.offsets.get(0)},
                new long[] {1, c.offsets.get(0)});
        Files.write(RefsFile.of(db), file);
        try (java.sql.Connection con = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            con.createStatement().execute("UPDATE meta SET value='" + file.length + "' WHERE key='refs_size'");
        }
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            AirlockException e = assertThrows(AirlockException.class, () -> idx.references("helper", 0, 10));
            assertEquals("symbols.refs.damaged", e.code());
            assertTrue(e.getMessage().contains("holds 1 positions where it says 5"), e.getMessage());
        }
    }

    @Test
    void anIndexOfTheFormatBeforeIsRefusedThenRebuilt() throws Exception {
        MapSource s = new MapSource();
        s.put("a.c", "void f(void) { helper(1); }\n");
        Path db = build(s, "old");
        // what an index built before the reference file looks like: no refs_format in its meta
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("DELETE FROM meta WHERE key IN ('refs_format','refs_size','refs_end')");
        }
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            AirlockException e = assertThrows(AirlockException.class, () -> idx.references("helper", 0, 10));
            assertEquals("symbols.refs.format", e.code());
            assertTrue(new IndexBuilder(s, "refs/heads/main", db, 1).build(List.of(), ProgressMonitor.NONE)
                    .isComplete());
            ReferencePage p = idx.references("helper", 0, 10);
            assertEquals(1, p.total());
            assertNotNull(p.references().get(0));
        }
    }
}
