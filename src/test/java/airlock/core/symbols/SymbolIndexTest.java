package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolIndexTest {
    @TempDir
    Path dir;

    private static MapSource demo() {
        MapSource s = new MapSource();
        s.put("include/lock.h", "#define LOCK_MAX 4\nvoid mutex_lock(struct mutex *m);\nvoid mutex_unlock(struct mutex *m);\n");
        s.put("kernel/lock.c", """
                #include "lock.h"
                void mutex_lock(struct mutex *m)
                {
                    spin(m);
                }
                void mutex_unlock(struct mutex *m)
                {
                    release(m);
                }
                """);
        s.put("drivers/a.c", """
                static int probe(struct dev *d)
                {
                    mutex_lock(&d->lock);
                    setup(d);
                    mutex_unlock(&d->lock);
                    return 0;
                }
                static int remove(struct dev *d)
                {
                    mutex_lock(&d->lock);
                    mutex_unlock(&d->lock);
                    return 0;
                }
                """);
        s.put("tools/run.py", "def mutex_lock():\n    pass\n");
        s.putBytes("drivers/logo.c", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0});
        s.put("README", "mutex_lock everywhere\n");
        return s;
    }

    private Path build(MapSource s) throws AirlockException {
        Path db = SymbolIndex.fileFor(dir, s.commitOf("x"));
        IndexState st = new IndexBuilder(s, "refs/heads/main", db).build(List.of(), ProgressMonitor.NONE);
        assertTrue(st.isComplete());
        return db;
    }

    /** Issue 21: the preprocessor branch of a definition is stored with it and read back by every query. */
    @Test
    void definitionsKeepTheirPreprocessorBranch() throws AirlockException {
        MapSource s = new MapSource();
        s.put("include/linux/audit.h", """
                #ifdef CONFIG_AUDIT
                static inline kuid_t audit_get_loginuid(struct task_struct *tsk)
                {
                	return tsk->loginuid;
                }
                #else /* CONFIG_AUDIT */
                static inline kuid_t audit_get_loginuid(struct task_struct *tsk)
                {
                	return INVALID_UID;
                }
                #endif
                int audit_enabled;
                void audit_log(void) { }
                """);
        try (SymbolIndex idx = SymbolIndex.open(build(s))) {
            assertEquals(List.of("2 #ifdef CONFIG_AUDIT", "7 #else of CONFIG_AUDIT"), idx.definitions("audit_get_loginuid")
                    .stream().map(d -> d.line() + " " + d.condition()).toList());
            assertEquals(List.of("#ifdef CONFIG_AUDIT", "#else of CONFIG_AUDIT", ""), idx.outline("include/linux/audit.h")
                    .stream().map(Definition::condition).toList(), "unconditional: empty, never null");
            assertEquals(List.of("#ifdef CONFIG_AUDIT", "#else of CONFIG_AUDIT"),
                    idx.goToSymbol("audit_get_loginuid", 5, 10).stream().map(Definition::condition).toList());
        }
    }

    /**
     * Issues 20 and 21: an index of schema V3 (names with a UNIQUE constraint kept up to date while building)
     * is emptied on open and built again; the complete build has no SQLite index of names (a sort of every name
     * at its end) but a name file, and neither the defs nor the refs table (their own files).
     */
    @Test
    void aV3IndexIsRebuiltWithTheNameFileWrittenLast() throws Exception {
        MapSource s = demo();
        Path db = SymbolIndex.fileFor(dir, s.commitOf("x"));
        Files.createDirectories(db.getParent());
        airlock.core.sqlite.NativeSqlite.install();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement st = c.createStatement()) {
            oldSchema(st, "V1__symbols.sql", "V2__file_marks.sql", "V3__definition_conditions.sql");
            st.execute("INSERT INTO files(id, path, blob, lang, size, done) VALUES (1, 'a.c', 'b', 'C', 1, 1)");
            st.execute("INSERT INTO names VALUES (1, 'stale_name')");
            st.execute("INSERT INTO defs VALUES (1, 1, 'FUNCTION', 1, 1, 1, '', '', NULL)");
            st.execute("INSERT INTO meta VALUES ('state', 'complete')");
        }
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            assertEquals(List.of(), idx.definitions("stale_name"), "V4 drops the rows a V3 build wrote");
        }
        IndexState state = new IndexBuilder(s, "refs/heads/main", db).build(List.of(), ProgressMonitor.NONE);
        assertTrue(state.isComplete());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(
                        "SELECT name FROM sqlite_master WHERE name IN ('defs', 'refs') OR tbl_name='names'")) {
            assertTrue(rs.next(), "the names table");
            assertEquals("names", rs.getString(1));
            assertFalse(rs.next(), "no index of names, no defs or refs table");
        }
        assertTrue(Files.size(NameSlots.of(db)) > 0, "the name file");
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            assertEquals(List.of("tools/run.py", "kernel/lock.c"),
                    idx.definitions("mutex_lock").stream().map(Definition::path).toList());
            assertEquals(3, idx.references("mutex_lock", 0, 100).total());
            assertEquals(List.of(), idx.definitions("stale_name"));
        }
    }

    /** Creates the schema as the given first migrations left it, with their versions recorded (an index of an older build). */
    private static void oldSchema(java.sql.Statement st, String... migrations) throws Exception {
        StringBuilder versions = new StringBuilder();
        for (int i = 0; i < migrations.length; i++) {
            String sql = new String(SymbolDatabase.class.getResourceAsStream("/airlock/db/symbols/" + migrations[i])
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String body : sql.lines().filter(l -> !l.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b).split(";")) {
                if (!body.isBlank()) {
                    st.execute(body);
                }
            }
            versions.append(i == 0 ? "" : ", ").append('(').append(i + 1).append(')');
        }
        st.execute("CREATE TABLE schema_version(version INTEGER NOT NULL)");
        st.execute("INSERT INTO schema_version VALUES " + versions);
    }

    /** An index built before conditions were stored (schema V2) is emptied on open, so the next build fills them. */
    @Test
    void aV2IndexIsRebuiltToGainConditions() throws Exception {
        Path db = dir.resolve("old.sqlite");
        airlock.core.sqlite.NativeSqlite.install();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement st = c.createStatement()) {
            oldSchema(st, "V1__symbols.sql", "V2__file_marks.sql");
            st.execute("INSERT INTO files(id, path, blob, lang, size, done) VALUES (1, 'a.c', 'b', 'C', 1, 1)");
            st.execute("INSERT INTO names VALUES (1, 'f')");
            st.execute("INSERT INTO defs VALUES (1, 1, 'FUNCTION', 1, 1, 1, '', '')");
        }
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            assertEquals(List.of(), idx.definitions("f"), "V3 drops the rows a build without conditions wrote");
        }
    }

    @Test
    void definitionsReferencesOutlineAndSearch() throws AirlockException {
        try (SymbolIndex idx = SymbolIndex.open(build(demo()))) {
            assertEquals(IndexState.Status.COMPLETE, idx.state().status());
            List<Definition> defs = idx.definitions("mutex_lock");
            assertEquals(List.of("tools/run.py", "kernel/lock.c"), defs.stream().map(Definition::path).toList());
            assertEquals(2, defs.get(1).line());
            assertEquals(5, defs.get(1).endLine());

            ReferencePage all = idx.references("mutex_lock", 0, 100);
            assertEquals(3, all.total()); // two in drivers/a.c, one declaration in the header
            assertEquals("drivers/a.c", all.references().get(0).path());
            assertEquals(3, all.references().get(0).line());
            ReferencePage second = idx.references("mutex_lock", 1, 1);
            assertEquals(10, second.references().get(0).line());
            assertTrue(second.hasMore());
            assertFalse(idx.references("mutex_lock", 2, 5).hasMore());
            assertEquals(0, idx.references("no_such_name", 0, 10).total());

            assertEquals(List.of("probe", "remove"), idx.outline("drivers/a.c").stream().map(Definition::name).toList());
            List<SymbolMatch> hits = idx.searchSymbols("mxlk", 10);
            assertEquals("mutex_lock", hits.get(0).name());
            assertEquals(2, hits.get(0).definitions());
            assertTrue(idx.searchSymbols("%_", 10).isEmpty());
            // go to symbol: the best names' definitions, name by name, in the chooser's order, capped
            List<Definition> rows = idx.goToSymbol("mxlk", 100, 300);
            assertEquals(defs, rows.subList(0, 2));
            assertEquals(1, idx.goToSymbol("mxlk", 100, 1).size());
            assertEquals(defs.subList(0, 1), idx.goToSymbol("mutex_lock", 1, 1));
            assertTrue(idx.goToSymbol("  ", 100, 300).isEmpty());
        }
    }

    @Test
    void callersAndCallees() throws AirlockException {
        try (SymbolIndex idx = SymbolIndex.open(build(demo()))) {
            List<CallSite> callers = idx.callers("mutex_lock", 50);
            assertEquals(List.of("probe", "remove"), callers.stream().map(c -> c.caller().name()).toList());
            Definition probe = idx.definitions("probe").get(0);
            assertEquals(List.of("mutex_lock", "setup", "mutex_unlock"),
                    idx.callees(probe).stream().map(Callee::name).toList());
            assertEquals(0, idx.callees(probe).get(1).definitions());
        }
    }

    @Test
    void cancelledBuildIsPartialAndResumes() throws AirlockException {
        MapSource s = demo();
        Path db = SymbolIndex.fileFor(dir, s.commitOf("x"));
        ProgressMonitor cancelAfterOne = new ProgressMonitor() {
            int done;
            @Override public void beginTask(String title, long totalWork) { }
            @Override public void update(long completed) { done += (int) completed; }
            @Override public void endTask() { }
            @Override public boolean isCancelled() { return done >= 1; }
        };
        assertThrows(CancelledException.class,
                () -> new IndexBuilder(s, "refs/heads/main", db).build(List.of("tools/run.py"), cancelAfterOne));
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            IndexState st = idx.state();
            assertEquals(IndexState.Status.PARTIAL, st.status());
            assertEquals(1, st.filesDone());
            assertEquals(6, st.filesTotal(), "plain text files get a row too, for their marks");
            assertEquals("tools/run.py", idx.definitions("mutex_lock").get(0).path(), "priority file indexed first");
        }
        assertEquals(List.of(), byNameIndexes(db), "a build drops the by-name indexes until it completes");
        s.reads = 0;
        try (SymbolIndex open = SymbolIndex.open(db)) {
            // go to symbol's in-memory name table follows the build: loaded now, reloaded after the resume
            assertTrue(open.searchSymbols("probe", 10).isEmpty());
            assertTrue(new IndexBuilder(s, "refs/heads/main", db).build(List.of(), ProgressMonitor.NONE).isComplete());
            assertEquals("probe", open.searchSymbols("probe", 10).get(0).name());
            assertEquals("drivers/a.c", open.goToSymbol("probe", 10, 10).get(0).path());
        }
        assertEquals(5, s.reads, "resume reads only the files not yet done");
        assertEquals(List.of(), byNameIndexes(db), "a complete index looks names up in its name file");
        assertTrue(Files.isRegularFile(NameSlots.of(db)), "written once, at the end");
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            assertEquals(2, idx.definitions("mutex_lock").size());
        }
    }

    @Test
    void goToSymbolIsEachBestNamesDefinitionsInTheChoosersOrder() throws AirlockException {
        MapSource s = demo();
        // names defined in several files of different path lengths, prototypes among them, several per line
        for (int f = 0; f < 40; f++) {
            s.put("d" + "x".repeat(f % 7) + "/m" + f + ".c", "int mx_lock" + (f % 5) + "(void);\n"
                    + "int mx_lock" + (f % 5) + "(void) { return 0; } int mx_lock" + ((f + 1) % 5) + "(void) { return 1; }\n"
                    + "#define MX_LOCK" + (f % 3) + " 1\n");
        }
        s.put("\uD83D\uDE00/m.c", "int mx_lock1(void) { return 2; }\n"); // an astral path: UTF-8 order, code points
        s.put("\uFFFD/m.c", "int mx_lock1(void) { return 3; }\n");
        Path db = SymbolIndex.fileFor(dir, s.commitOf("x"));
        assertTrue(new IndexBuilder(s, "refs/heads/main", db, 2).build(List.of(), ProgressMonitor.NONE).isComplete());
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            for (String q : new String[] {"mx", "mxl", "m", "lock1", "MX_LOCK", "k"}) {
                List<Definition> expected = new java.util.ArrayList<>();
                for (SymbolMatch m : idx.searchSymbols(q, 100)) {
                    expected.addAll(idx.definitions(m.name()));
                }
                assertTrue(expected.size() > 3, q);
                for (int rows : new int[] {1, 7, 50, 300}) {
                    assertEquals(expected.subList(0, Math.min(rows, expected.size())), idx.goToSymbol(q, 100, rows),
                            q + " capped at " + rows);
                }
            }
        }
    }

    private static List<String> byNameIndexes(Path db) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE"
                        + " type='index' AND name LIKE '%by_name' ORDER BY name")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyPageOfReferencesIsTheSameSliceOfTheOneOrderedList() throws AirlockException {
        MapSource s = demo();
        // files added out of path order, several build threads: the rows hold the files in no useful order
        for (int f = 29; f >= 0; f--) {
            StringBuilder c = new StringBuilder();
            for (int l = 0; l < f % 4 + 1; l++) {
                c.append("void f").append(l).append("(void) { mutex_lock(&m); mutex_lock(&n); }\n");
            }
            s.put(String.format("z%02d/file.c", (f * 7) % 30), c.toString());
        }
        Path db = dir.resolve("pages.sqlite");
        assertTrue(new IndexBuilder(s, "refs/heads/main", db, 3).build(List.of(), ProgressMonitor.NONE).isComplete());
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            idx.preload();
            List<Reference> all = idx.references("mutex_lock", 0, Integer.MAX_VALUE).references();
            int expected = 3; // the demo's own
            for (int f = 0; f < 30; f++) {
                expected += 2 * (f % 4 + 1);
            }
            assertEquals(expected, all.size(), "all references");
            for (int i = 1; i < all.size(); i++) {
                Reference a = all.get(i - 1);
                Reference b = all.get(i);
                int order = a.path().compareTo(b.path()) != 0 ? a.path().compareTo(b.path())
                        : a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
                assertTrue(order <= 0, "ordered by path, line, column at " + i + ": " + a + " then " + b);
            }
            for (int size : new int[] {1, 3, 7, 100}) {
                for (int offset = 0; offset <= all.size(); offset += size) {
                    ReferencePage page = idx.references("mutex_lock", offset, size);
                    assertEquals(all.size(), page.total());
                    assertEquals(all.subList(offset, Math.min(all.size(), offset + size)), page.references(),
                            "page at " + offset + " of " + size);
                }
            }
        }
    }

    @Test
    void marksFoundWhileIndexingAreStoredForTheTree() throws AirlockException {
        MapSource s = demo();
        s.put("drivers/trojan.c", "int ok = strcmp(level, \"user\u202E \u2066// admin\u2069 \u2066\");\n");
        s.put("notes.txt", "a zero\u200Bwidth space in plain text\n");
        s.put("gen/regs.h", "/* This file is automatically generated. DO NOT EDIT. */\n#define R 1\n");
        s.put("web/app.min.js", "var a=1;\n");
        for (int threads : new int[] {1, 3}) {
            Path db = dir.resolve("marks-" + threads + ".sqlite");
            assertTrue(new IndexBuilder(s, "refs/heads/main", db, threads).build(List.of(), ProgressMonitor.NONE).isComplete());
            try (SymbolIndex idx = SymbolIndex.open(db)) {
                java.util.Map<String, Integer> marks = idx.contentMarks();
                assertEquals(java.util.Set.of(FileMark.INVISIBLE), FileMark.of(marks.get("drivers/trojan.c")));
                assertEquals(java.util.Set.of(FileMark.INVISIBLE), FileMark.of(marks.get("notes.txt")));
                assertEquals(java.util.Set.of(FileMark.BINARY), FileMark.of(marks.get("drivers/logo.c")));
                assertEquals(java.util.Set.of(FileMark.GENERATED), FileMark.of(marks.get("gen/regs.h")));
                assertEquals(java.util.Set.of(FileMark.GENERATED), FileMark.of(marks.get("web/app.min.js")));
                assertFalse(marks.containsKey("kernel/lock.c"));
                assertEquals(2, idx.definitions("mutex_lock").size(), threads + " threads give the same index");
                assertEquals(3, idx.references("mutex_lock", 0, 100).total());
            }
        }
    }

    @Test
    void entryMarksComeFromKindSizeAndName() {
        airlock.core.text.ContentLimits limits = airlock.core.text.ContentLimits.DEFAULT;
        assertEquals(java.util.Set.of(FileMark.SYMLINK), FileMark.of(FileMark.ofEntry(new airlock.core.source.SourceEntry(
                "a/link", airlock.core.source.EntryKind.SYMLINK, 11, "00"), limits)));
        assertEquals(java.util.Set.of(FileMark.SUBMODULE), FileMark.of(FileMark.ofEntry(new airlock.core.source.SourceEntry(
                "vendor/lib", airlock.core.source.EntryKind.SUBMODULE, 0, "00"), limits)));
        assertEquals(java.util.Set.of(FileMark.HUGE), FileMark.of(FileMark.ofEntry(new airlock.core.source.SourceEntry(
                "regs.h", airlock.core.source.EntryKind.FILE, limits.highlightBytes() + 1, "00"), limits)));
        assertEquals(java.util.Set.of(FileMark.GENERATED), FileMark.of(FileMark.ofEntry(new airlock.core.source.SourceEntry(
                "api/v1/service.pb.go", airlock.core.source.EntryKind.FILE, 10, "00"), limits)));
        assertTrue(FileMark.of(FileMark.ofEntry(new airlock.core.source.SourceEntry(
                "src/main.c", airlock.core.source.EntryKind.FILE, 10, "00"), limits)).isEmpty());
    }

    @Test
    void indexOfAnotherCommitIsRefused() throws Exception {
        Path db = build(demo());
        MapSource other = new MapSource() {
            @Override public String commitOf(String ref) { return "ffffffffffffffffffffffffffffffffffffffff"; }
        };
        AirlockException e = assertThrows(AirlockException.class,
                () -> new IndexBuilder(other, "refs/heads/main", db).build(List.of(), ProgressMonitor.NONE));
        assertEquals("symbols.db.mismatch", e.code());
    }

    @Test
    void corruptDatabaseGivesAClearError() throws Exception {
        Path db = dir.resolve("bad.sqlite");
        Files.writeString(db, "this is not a database at all, just text that is long enough to be read");
        AirlockException e = assertThrows(AirlockException.class, () -> SymbolIndex.open(db));
        assertEquals("symbols.db.open", e.code());
        assertTrue(e.getMessage().contains("Delete the file"));
    }

    @Test
    void occurrenceBlobsRoundTripAndSurviveCorruption() {
        int[] triples = {1, 5, 1, 1, 9, 0, 300, 70000, 1};
        assertEquals(java.util.Arrays.toString(triples), java.util.Arrays.toString(
                Occurrences.decode(Occurrences.encode(triples))));
        byte[] broken = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertEquals(0, Occurrences.decode(broken).length);
        java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
        Occurrences.appendGroup(batch, 7, triples);
        Occurrences.appendGroup(batch, 300, new int[] {2, 1, 0});
        List<Occurrences.Group> groups = Occurrences.decodeGroups(batch.toByteArray());
        assertEquals(2, groups.size());
        assertEquals(300, groups.get(1).fileId());
        assertEquals(java.util.Arrays.toString(triples), java.util.Arrays.toString(groups.get(0).triples()));
        byte[] cut = java.util.Arrays.copyOf(batch.toByteArray(), batch.size() - 2);
        assertEquals(2, Occurrences.decodeGroups(cut).size(), "a cut blob keeps what decoded before the damage");
        assertTrue(Occurrences.decodeGroups(broken).isEmpty());
    }

    @Test
    void fuzzyFileFinderPrefersBasenameAndWordStarts() {
        FileFinder f = new FileFinder(List.of("drivers/gpu/drm/drm_file.c", "fs/file.c", "kernel/fork.c",
                "include/linux/fs.h", "Documentation/filesystems/files.rst"));
        assertEquals("fs/file.c", f.find("file.c", 5).get(0).path());
        assertEquals("include/linux/fs.h", f.find("fs.h", 5).get(0).path());
        assertEquals("kernel/fork.c", f.find("kfork", 5).get(0).path());
        assertTrue(f.find("zzz", 5).isEmpty());
        assertEquals(5, f.find("", 10).size());
    }
}
