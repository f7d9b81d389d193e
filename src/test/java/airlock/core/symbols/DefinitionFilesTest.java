package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: the definitions of a symbol index live in the definition file ({@code <index>.defs}, by name) and
 * in each file's row (the outline), and a complete index looks names up in its name file
 * ({@link NameSlots}). What a build writes reads back the same while building, after a resume and after it
 * completes; a cut, flipped or crafted file is refused with one reason, never answered differently; the next
 * build replaces it.
 */
class DefinitionFilesTest {
    private static final String[] NAMES = {"mutex_lock", "mutex_unlock", "probe", "helper", "f0", "f1", "f2",
        "LOCK_MAX", "state", "no_such_name"};

    @TempDir
    Path dir;

    /** 700 files (three build batches): names defined in many files, prototypes, macros, enumerators. */
    private static MapSource many() {
        MapSource s = new MapSource();
        s.put("include/lock.h", "void mutex_lock(struct mutex *m);\nvoid mutex_unlock(struct mutex *m);\n"
                + "#define LOCK_MAX 4\nenum state { IDLE, BUSY };\n");
        for (int f = 0; f < 700; f++) {
            StringBuilder c = new StringBuilder();
            for (int l = 0; l < f % 3 + 1; l++) {
                c.append("static int f").append(l).append("(void)\n{\n    mutex_lock(&m);\n    helper(")
                        .append(f).append(");\n    return 0;\n}\n");
            }
            if (f % 50 == 0) {
                c.append("#ifdef CONFIG_X").append(f).append("\nvoid mutex_lock(struct mutex *m) { }\n#else\n")
                        .append("#define LOCK_MAX ").append(f).append("\n#endif\n");
            }
            s.put(String.format("d%03d/file.c", f), c.toString());
        }
        s.put("zz/probe.c", "int probe(void)\n{\n    mutex_lock(&x);\n    return helper(1);\n}\n");
        s.put("\u00e9t\u00e9/\uD83D\uDE00.c", "int helper(int x) { return x; }\n");
        return s;
    }

    private Path build(MapSource s, String name) throws AirlockException {
        Path db = dir.resolve(name + ".sqlite");
        assertTrue(new IndexBuilder(s, "refs/heads/main", db, 2).build(List.of(), ProgressMonitor.NONE).isComplete());
        return db;
    }

    private static List<String> answersOf(Path db) throws AirlockException {
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            return answers(idx);
        }
    }

    /** Everything the definitions answer: by name, go to symbol, outlines, the name table, callees' counts. */
    private static List<String> answers(SymbolIndex idx) throws AirlockException {
        List<String> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(n + " " + idx.definitions(n));
            out.add(n + " goto " + idx.goToSymbol(n, 5, 40));
            out.add(n + " search " + idx.searchSymbols(n, 5));
        }
        for (String p : new String[] {"include/lock.h", "d000/file.c", "d002/file.c", "d699/file.c", "zz/probe.c",
                "\u00e9t\u00e9/\uD83D\uDE00.c", "missing.c"}) {
            out.add(p + " outline " + idx.outline(p));
        }
        out.add("callees " + idx.callees(idx.definitions("probe").get(0)));
        out.add("callers " + idx.callers("helper", 10_000).size());
        return out;
    }

    @Test
    void readBackWhileBuildingAfterAResumeAndComplete() throws Exception {
        MapSource s = many();
        Path db = build(s, "whole");
        List<String> expected;
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            expected = answers(idx);
            List<Definition> locks = idx.definitions("mutex_lock");
            assertEquals(14, locks.size(), "14 conditional bodies (the header's declaration is a reference)");
            assertEquals("#ifdef CONFIG_X0", locks.get(0).condition());
            assertEquals(List.of("d000/file.c", "d050/file.c", "d100/file.c"),
                    locks.subList(0, 3).stream().map(Definition::path).toList(), "then by path");
            assertEquals(List.of("LOCK_MAX", "state", "IDLE", "BUSY"), idx.outline("include/lock.h").stream()
                    .filter(d -> d.kind() != SymbolKind.PROTOTYPE && !d.name().startsWith("mutex"))
                    .map(Definition::name).toList());
            assertEquals(14, idx.searchSymbols("mutex_lock", 1).get(0).definitions());
            assertEquals(15, idx.definitions("LOCK_MAX").size(), "the header's and 14 #else branches'");
            assertEquals(List.of("mutex_lock", "helper"),
                    idx.callees(idx.definitions("probe").get(0)).stream().map(Callee::name).toList());
            assertEquals(1, idx.callees(idx.definitions("probe").get(0)).get(1).definitions(), "helper's count");
        }
        // the same tree built in two runs: while partial, the committed records are scanned and names found
        // in the table; after the resume the answers are the same as one build's
        Path db2 = dir.resolve("resumed.sqlite");
        assertThrows(CancelledException.class,
                () -> new IndexBuilder(s, "refs/heads/main", db2, 2).build(List.of(), RefsFileTest.stopAfter(300)));
        try (SymbolIndex idx = SymbolIndex.open(db2)) {
            assertEquals(IndexState.Status.PARTIAL, idx.state().status());
            int partial = idx.definitions("f0").size();
            assertTrue(partial >= 256 && partial < 700, "the committed part: " + partial);
            assertFalse(Files.exists(NameSlots.of(db2)), "no name file before the build completes");
            // bytes after the committed end (a batch written but not committed when the process died) ...
            Files.write(RefsFile.defsOf(db2), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            assertEquals(partial, idx.definitions("f0").size(), "are not read");
            assertTrue(new IndexBuilder(s, "refs/heads/main", db2, 2).build(List.of(), ProgressMonitor.NONE)
                    .isComplete());
            assertEquals(expected, answers(idx), "... and are cut by the resumed build");
        }
    }

    /** The index's answers over {@code db} fail with {@code code} (and nothing else), in one line. */
    private static void refused(Path db, String code, String what) throws AirlockException {
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            AirlockException e = assertThrows(AirlockException.class, () -> answers(idx), what);
            assertEquals(code, e.code(), what + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("Building the index again"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
    }

    @Test
    void aCutOrFlippedDefinitionFileIsRefusedThenRebuilt() throws Exception {
        MapSource s = many();
        Path db = build(s, "cut");
        Path defs = RefsFile.defsOf(db);
        byte[] whole = Files.readAllBytes(defs);
        List<String> expected = answersOf(db);
        for (int len = 0; len < whole.length; len += Math.max(1, whole.length / 61)) {
            Files.write(defs, java.util.Arrays.copyOf(whole, len));
            refused(db, "symbols.refs.damaged", "cut to " + len);
        }
        Random r = new Random(21);
        for (int k = 0; k < 150; k++) {
            // the header, the first records, the directory and the trailer, and anywhere between
            int i = k < 40 ? k : k < 80 ? whole.length - (k - 39) : r.nextInt(whole.length);
            byte[] bad = whole.clone();
            bad[i] ^= (byte) (k % 2 == 0 ? 0x01 : 0x80);
            Files.write(defs, bad);
            refused(db, "symbols.refs.damaged", "byte " + i + " flipped");
        }
        Files.delete(defs);
        refused(db, "symbols.refs.missing", "deleted");
        rebuiltAsBefore(s, db, expected);
    }

    /** The next build (the keeper runs one whenever it opens the tree) starts afresh and answers as before. */
    private static void rebuiltAsBefore(MapSource s, Path db, List<String> expected) throws AirlockException {
        s.reads = 0;
        assertTrue(new IndexBuilder(s, "refs/heads/main", db, 2).build(List.of(), ProgressMonitor.NONE).isComplete());
        assertEquals(703, s.reads, "rebuilt from the start");
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            assertEquals(expected, answers(idx));
        }
    }

    @Test
    void aDamagedNameFileIsRefusedThenRebuilt() throws Exception {
        MapSource s = many();
        Path db = build(s, "names");
        Path names = NameSlots.of(db);
        byte[] whole = Files.readAllBytes(names);
        List<String> expected = answersOf(db);
        Random r = new Random(7);
        for (int k = 0; k < 60; k++) {
            int i = k < 20 ? k : k < 30 ? whole.length - (k - 19) : r.nextInt(whole.length);
            byte[] bad = whole.clone();
            bad[i] ^= (byte) (1 << (k % 8));
            Files.write(names, bad);
            refused(db, "symbols.names.damaged", "byte " + i + " flipped");
        }
        for (int len : new int[] {0, 5, 12, whole.length / 2, whole.length - 1}) {
            Files.write(names, java.util.Arrays.copyOf(whole, len));
            refused(db, "symbols.names.damaged", "cut to " + len);
        }
        Files.write(names, java.util.Arrays.copyOf(whole, whole.length + 8));
        refused(db, "symbols.names.damaged", "extended");
        Files.delete(names);
        refused(db, "symbols.names.missing", "deleted");
        rebuiltAsBefore(s, db, expected);
    }

    /** A name file with valid checksums whose slots are made up: a wrong id never answers another name. */
    @Test
    void craftedNameSlotsNeverAnswerAnotherName() throws Exception {
        MapSource s = many();
        Path db = build(s, "crafted");
        Map<String, Long> ids = new HashMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT id, name FROM names")) {
            while (rs.next()) {
                ids.put(rs.getString(2), rs.getLong(1));
            }
        }
        // every slot holds helper's fingerprint with probe's id: looking up helper finds probe's row, compares
        // the name and goes on; the table is full (no empty slot), so the probe stops after every slot
        long fp = NameSlots.hash("helper") & 0xFFFFFFFF00000000L;
        long[] slots = new long[64];
        java.util.Arrays.fill(slots, fp | ids.get("probe"));
        writeSlots(db, slots);
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            assertEquals(List.of(), idx.definitions("helper"), "not probe's definitions");
            assertEquals(0, idx.references("helper", 0, 10).total());
        }
        // an id the names table does not have is damage, said as such
        java.util.Arrays.fill(slots, fp | 999_999);
        writeSlots(db, slots);
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            AirlockException e = assertThrows(AirlockException.class, () -> idx.definitions("helper"));
            assertEquals("symbols.names.damaged", e.code());
            assertTrue(e.getMessage().contains("999999"), e.getMessage());
        }
        // a slot count that is not a power of two, or does not match the size
        for (int count : new int[] {63, 0, -64, 128}) {
            byte[] f = slotFile(new long[64]);
            ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(8, count);
            fixCrc(f);
            Files.write(NameSlots.of(db), f);
            setSize(db, f.length);
            try (SymbolIndex idx = SymbolIndex.open(db)) {
                AirlockException e = assertThrows(AirlockException.class, () -> idx.definitions("helper"));
                assertEquals("symbols.names.damaged", e.code(), count + ": " + e.getMessage());
            }
        }
    }

    private static byte[] slotFile(long[] slots) {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 * slots.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NameSlots.MAGIC).putInt(slots.length);
        for (long x : slots) {
            b.putLong(x);
        }
        b.putInt(0).put(NameSlots.END);
        byte[] f = b.array();
        fixCrc(f);
        return f;
    }

    private static void fixCrc(byte[] f) {
        CRC32C crc = new CRC32C();
        crc.update(f, 0, f.length - 8);
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(f.length - 8, (int) crc.getValue());
    }

    private static void writeSlots(Path db, long[] slots) throws Exception {
        byte[] f = slotFile(slots);
        Files.write(NameSlots.of(db), f);
        setSize(db, f.length);
    }

    private static void setSize(Path db, long size) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("UPDATE meta SET value='" + size + "' WHERE key='names_size'");
        }
    }

    /** A file row's definitions blob that does not decode is refused by the outline, with the path. */
    @Test
    void aDamagedOutlineBlobIsRefused() throws Exception {
        Path db = build(many(), "blob");
        byte[] good;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.ResultSet rs = c.createStatement().executeQuery(
                        "SELECT defs FROM files WHERE path='include/lock.h'")) {
            good = rs.getBytes(1);
        }
        List<byte[]> bad = new ArrayList<>();
        for (int len = 0; len < good.length; len++) {
            bad.add(java.util.Arrays.copyOf(good, len)); // every cut
        }
        bad.add(java.util.Arrays.copyOf(good, good.length + 1)); // a byte after the last definition
        byte[] huge = good.clone();
        huge[0] = (byte) 0x7F; // a count of 127 definitions in a few bytes
        bad.add(huge);
        for (byte[] b : bad) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                    java.sql.PreparedStatement p = c.prepareStatement(
                            "UPDATE files SET defs=? WHERE path='include/lock.h'")) {
                p.setBytes(1, b);
                p.executeUpdate();
            }
            try (SymbolIndex idx = SymbolIndex.open(db)) {
                AirlockException e = assertThrows(AirlockException.class, () -> idx.outline("include/lock.h"),
                        b.length + " bytes");
                assertEquals("symbols.damaged", e.code());
                assertTrue(e.getMessage().contains("include/lock.h") && !e.getMessage().contains("\n"),
                        e.getMessage());
            }
        }
    }

    /** Entries round-trip every kind, text and extreme value; random bytes are refused, never misread. */
    @Test
    void entriesRoundTripAndRandomBytesAreRefused() {
        Random r = new Random(42);
        String[] texts = {"", "Socket", "A::B", "#ifdef CONFIG_X", "#else of \u202E\u200B", "\uD83D\uDE00\u00e9", "x".repeat(300)};
        for (int round = 0; round < 2000; round++) {
            List<Tag> tags = new ArrayList<>();
            long[] ids = new long[r.nextInt(20)];
            for (int i = 0; i < ids.length; i++) {
                int line = 1 + r.nextInt(round % 2 == 0 ? 100 : Integer.MAX_VALUE - 1);
                int end = r.nextInt(4) == 0 ? Math.max(0, line - r.nextInt(3)) : line + r.nextInt(100_000);
                end = end < 0 ? Integer.MAX_VALUE : end;
                tags.add(new Tag("n" + i, SymbolKind.values()[r.nextInt(SymbolKind.values().length)], line,
                        r.nextInt(5000), end, texts[r.nextInt(texts.length)], "", texts[r.nextInt(texts.length)]));
                ids[i] = r.nextInt(4) == 0 ? Integer.MAX_VALUE : 1 + r.nextInt(5_000_000);
            }
            List<DefEntries.Entry> back = DefEntries.decodeFile(DefEntries.ofFile(tags, ids));
            assertEquals(tags.size(), back.size());
            for (int i = 0; i < tags.size(); i++) {
                Tag t = tags.get(i);
                assertEquals(new DefEntries.Entry(ids[i], t.kind(), t.line(), t.column(), t.endLine(), t.scope(),
                        t.condition()), back.get(i));
            }
        }
        Set<String> seen = new HashSet<>();
        for (int round = 0; round < 100_000; round++) {
            byte[] junk = new byte[r.nextInt(40)];
            r.nextBytes(junk);
            try {
                DefEntries.decodeFile(junk);
                DefEntries.decodeAll(junk, r.nextInt(4));
            } catch (IllegalArgumentException expected) {
                seen.add(expected.getMessage().replaceAll("[0-9]+", "N"));
            }
        }
        assertTrue(seen.size() >= 4, "several kinds of damage named: " + seen);
    }

    /** The name file's table finds every name among 300,000 (grown from 1,024 slots) and no other. */
    @Test
    void nameSlotsFindEveryNameAndNoOther() throws Exception {
        Random r = new Random(5);
        NameSlots.Builder b = new NameSlots.Builder();
        Map<Long, String> byId = new HashMap<>();
        Set<String> names = new HashSet<>();
        while (names.size() < 300_000) {
            StringBuilder n = new StringBuilder();
            int len = 1 + r.nextInt(24);
            for (int i = 0; i < len; i++) {
                n.append(r.nextInt(50) == 0 ? (char) (0x100 + r.nextInt(0xD000)) : (char) ('a' + r.nextInt(26)));
            }
            if (names.add(n.toString())) {
                long id = names.size();
                byId.put(id, n.toString());
                b.add(n.toString(), id);
            }
        }
        Path f = dir.resolve("t.names");
        long size = b.write(f);
        assertEquals(Files.size(f), size);
        try (NameSlots.Reader reader = NameSlots.Reader.open(f, size)) {
            for (Map.Entry<Long, String> e : byId.entrySet()) {
                assertEquals(e.getKey(), reader.idOf(e.getValue(), byId::get), e.getValue());
            }
            for (int i = 0; i < 20_000; i++) {
                String absent = "absent_" + i;
                assertEquals(-1, reader.idOf(absent, byId::get));
            }
            assertEquals(-1, reader.idOf("", byId::get));
        }
        assertThrows(IllegalArgumentException.class, () -> b.add("x", 0));
        assertThrows(IllegalArgumentException.class, () -> b.add("x", 1L << 31));
    }
}
