package airlock.core.symbols;

import airlock.core.AirlockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read side of a symbol index: definitions, paged references, fuzzy symbol search, outlines and
 * search-based callers/callees. Usable while {@link IndexBuilder} is still writing (answers then cover
 * the files indexed so far; {@link #state()} says so).
 */
public final class SymbolIndex implements SymbolLookup {
    private final Connection c;
    private final Path refsFile;
    private Map<Long, String> paths;
    private NameTable names;
    /** The reference and definition files' readers, each reopened when its meta values change. */
    private final Opened refs;
    private final Opened defs;
    private final Path db;
    /** A complete index's name file, and the size it was opened for. */
    private NameSlots.Reader nameSlots;
    private String nameSlotsFor;

    private SymbolIndex(Connection c, Path db) {
        this.c = c;
        this.db = db;
        this.refsFile = RefsFile.of(db);
        this.refs = new Opened(refsFile, "refs");
        this.defs = new Opened(RefsFile.defsOf(db), "defs");
    }

    /** The index file for {@code commit} under the home's database folder. */
    public static Path fileFor(Path databases, String commit) {
        return databases.resolve("symbols").resolve(commit.replaceAll("[^0-9a-fA-F]", "") + ".sqlite");
    }

    public static SymbolIndex open(Path file) throws AirlockException {
        return new SymbolIndex(SymbolDatabase.open(file), file);
    }

    public static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    @Override
    public synchronized IndexState state() throws AirlockException {
        try {
            long total = IndexBuilder.count(c, "SELECT count(*) FROM files");
            long done = IndexBuilder.count(c, "SELECT count(*) FROM files WHERE done=1");
            String st = IndexBuilder.meta(c, "state");
            if (st == null) {
                return new IndexState(IndexState.Status.ABSENT, 0, 0, "not built");
            }
            if (st.equals("complete")) {
                return new IndexState(IndexState.Status.COMPLETE, done, total, "");
            }
            return new IndexState(IndexState.Status.PARTIAL, done, total, "indexed " + done + " of " + total + " files");
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /**
     * The content marks (bits of {@link FileMark}) found so far, by path: files with invisible or bidi
     * characters, binary or generated-looking content. Files not yet indexed are absent.
     */
    @Override
    public synchronized Map<String, Integer> contentMarks() throws AirlockException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT path, marks FROM files WHERE marks != 0");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /**
     * Every definition of {@code name}, in the chooser's order: declarations without a body last, then shorter
     * paths (in characters), then paths in UTF-8 byte order, then lines, then the order they were indexed.
     */
    @Override
    public synchronized List<Definition> definitions(String name) throws AirlockException {
        try {
            long id = nameId(name);
            if (id < 0) {
                return List.of();
            }
            List<Definition> out = new ArrayList<>();
            for (Ranked r : ranked(Map.of(id, 0), List.of(name))) {
                out.add(r.def());
            }
            return out;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /** The definitions in one file, in line order (then column, then as indexed): the outline. */
    public synchronized List<Definition> outline(String path) throws AirlockException {
        try {
            byte[] blob = null;
            try (PreparedStatement p = c.prepareStatement("SELECT defs FROM files WHERE path=?")) {
                p.setString(1, path);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        blob = rs.getBytes(1);
                    }
                }
            }
            if (blob == null) {
                return List.of();
            }
            List<DefEntries.Entry> entries;
            try {
                entries = DefEntries.decodeFile(blob);
            } catch (IllegalArgumentException e) {
                throw new AirlockException("symbols.damaged", "The symbol index's definitions of " + path
                        + " are damaged (" + e.getMessage() + "). Building the index again replaces it.");
            }
            Map<Long, String> names = namesOf(entries.stream().map(DefEntries.Entry::key).toList());
            List<Definition> out = new ArrayList<>(entries.size());
            for (DefEntries.Entry e : entries) {
                String name = names.get(e.key());
                if (name == null) {
                    throw new AirlockException("symbols.damaged", "The symbol index's definitions of " + path
                            + " name an id (" + e.key() + ") it does not have. Building the index again replaces it.");
                }
                out.add(definition(path, name, e));
            }
            out.sort(Comparator.comparingInt(Definition::line).thenComparingInt(Definition::column));
            return out;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private static Definition definition(String path, String name, DefEntries.Entry e) {
        // the definition's source line is read from the source when shown (DefinitionLines): not stored
        return new Definition(path, name, e.kind(), e.line(), e.column(), e.endLine(), e.scope(), "", e.condition());
    }

    /** The names of these ids, read by rowid in chunks. */
    private Map<Long, String> namesOf(List<Long> ids) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        List<Long> distinct = ids.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            List<Long> part = distinct.subList(from, Math.min(distinct.size(), from + 500));
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < part.size(); i++) {
                in.append(i == 0 ? "?" : ",?");
            }
            try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM names WHERE id IN (" + in + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    p.setLong(i + 1, part.get(i));
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /** A definition with what the chooser orders it by. */
    private record Ranked(int rank, boolean prototype, int pathLength, byte[] path, long seq, Definition def) {
    }

    /**
     * The definitions of the names {@code rank} holds (id → rank; {@code names.get(rank)} is the name), read
     * from the definition file and ordered: name rank, prototypes last, shorter path (in characters), path in
     * UTF-8 byte order (as SQLite compared them), line, then the order they were indexed.
     */
    private List<Ranked> ranked(Map<Long, Integer> rank, List<String> names) throws SQLException, AirlockException {
        RefsFile.Reader r = defs.reader();
        if (r == null) {
            return List.of();
        }
        Map<Long, String> paths = paths();
        List<Ranked> rows = new ArrayList<>();
        long seq = 0;
        for (Map.Entry<Long, List<RefsFile.Record>> e : r.ofNames(rank.keySet()).entrySet()) {
            int k = rank.get(e.getKey());
            for (RefsFile.Record rec : e.getValue()) {
                List<DefEntries.Entry> entries;
                try {
                    entries = DefEntries.decodeAll(rec.blob(), rec.count());
                } catch (IllegalArgumentException x) {
                    throw RefsFile.damaged(defs.file, "the record at offset " + rec.offset() + ": " + x.getMessage());
                }
                for (DefEntries.Entry d : entries) {
                    String path = paths.get(d.key());
                    if (path == null) {
                        throw RefsFile.damaged(defs.file, "the record at offset " + rec.offset()
                                + " names a file id (" + d.key() + ") the index does not have");
                    }
                    rows.add(new Ranked(k, d.kind() == SymbolKind.PROTOTYPE, path.codePointCount(0, path.length()),
                            path.getBytes(java.nio.charset.StandardCharsets.UTF_8), seq++,
                            definition(path, names.get(k), d)));
                }
            }
        }
        rows.sort(Comparator.comparingInt(Ranked::rank).thenComparing(Ranked::prototype)
                .thenComparingInt(Ranked::pathLength).thenComparing(Ranked::path, java.util.Arrays::compareUnsigned)
                .thenComparingInt(x -> x.def().line()).thenComparingLong(Ranked::seq));
        return rows;
    }

    /**
     * References to {@code name} from {@code offset}, at most {@code limit}, ordered by path then position.
     * The name's rows are decoded to per-file groups (a few rows per build batch) and the groups ordered by
     * path; only the files that fall in the page become {@link Reference}s, so a first page of a heavy name
     * (22,700 references to {@code mutex_lock}) costs one small sort of files, not of every reference.
     */
    @Override
    public synchronized ReferencePage references(String name, long offset, int limit) throws AirlockException {
        try {
            Map<Long, String> paths = paths();
            List<PathGroup> groups = new ArrayList<>();
            long total = 0;
            long id = nameId(name);
            RefsFile.Reader r = id < 0 ? null : refs.reader();
            for (RefsFile.Record rec : r == null ? List.<RefsFile.Record>of() : r.ofName(id)) {
                for (Occurrences.Group g : groups(rec)) {
                    String path = paths.get(g.fileId());
                    if (path != null && g.triples().length >= 3) {
                        groups.add(new PathGroup(path, g.triples()));
                        total += g.triples().length / 3;
                    }
                }
            }
            groups.sort(Comparator.comparing(PathGroup::path));
            List<Reference> page = new ArrayList<>(Math.max(0, (int) Math.min(limit, total)));
            long skipped = 0;
            for (int i = 0; i < groups.size() && page.size() < limit; ) {
                // the groups of one path (one file id per path, so normally one group)
                int j = i;
                int count = 0;
                while (j < groups.size() && groups.get(j).path().equals(groups.get(i).path())) {
                    count += groups.get(j).triples().length / 3;
                    j++;
                }
                if (skipped + count <= offset) {
                    skipped += count;
                } else {
                    List<Reference> here = new ArrayList<>(count);
                    for (int k = i; k < j; k++) {
                        int[] pos = groups.get(k).triples();
                        for (int t = 0; t + 2 < pos.length; t += 3) {
                            here.add(new Reference(groups.get(k).path(), pos[t], pos[t + 1],
                                    (pos[t + 2] & Occurrences.CALL) != 0));
                        }
                    }
                    here.sort(Comparator.comparingInt(Reference::line).thenComparingInt(Reference::column));
                    int from = (int) Math.max(0, offset - skipped);
                    skipped += count;
                    for (int k = from; k < here.size() && page.size() < limit; k++) {
                        page.add(here.get(k));
                    }
                }
                i = j;
            }
            return new ReferencePage(List.copyOf(page), offset, total);
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /**
     * The name's id, or -1 when the index has no such name: from the name file once the index is complete
     * ({@link NameSlots}), else by scanning the names table (a build has no index of names until it ends).
     */
    private long nameId(String name) throws SQLException, AirlockException {
        String complete = null;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT value FROM meta WHERE key='names_size' AND EXISTS (SELECT 1 FROM meta WHERE key='state'"
                        + " AND value='complete')"); ResultSet rs = p.executeQuery()) {
            if (rs.next()) {
                complete = rs.getString(1);
            }
        }
        if (complete == null) {
            if (nameSlots != null) {
                nameSlots.close();
                nameSlots = null;
            }
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM names WHERE name=?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1;
                }
            }
        }
        if (nameSlots == null || !complete.equals(nameSlotsFor)) {
            if (nameSlots != null) {
                nameSlots.close();
                nameSlots = null;
            }
            try {
                nameSlots = NameSlots.Reader.open(NameSlots.of(db), Long.parseLong(complete));
            } catch (NumberFormatException e) {
                throw NameSlots.damaged(NameSlots.of(db), "bad size in the index's meta table");
            }
            nameSlotsFor = complete;
        }
        return nameSlots.idOf(name, this::nameOf);
    }

    /** The name with this id, or null. */
    private String nameOf(long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT name FROM names WHERE id=?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A record's occurrence groups; a blob that does not decode to its stated count is damage. */
    private List<Occurrences.Group> groups(RefsFile.Record rec) throws AirlockException {
        List<Occurrences.Group> out = Occurrences.decodeGroups(rec.blob());
        long n = 0;
        for (Occurrences.Group g : out) {
            n += g.triples().length / 3;
        }
        if (n != rec.count()) {
            throw RefsFile.damaged(refsFile, "the record at offset " + rec.offset() + " holds " + n
                    + " positions where it says " + rec.count());
        }
        return out;
    }

    /**
     * The reference or definition file as the index's meta describes it now: with its directory once the
     * build is complete, else its committed records (null: nothing committed yet). Reopened when the meta
     * changes, so an index opened before or during a build follows it.
     */
    private final class Opened {
        final Path file;
        /** The meta keys' prefix: "refs" or "defs". */
        private final String key;
        private RefsFile.Reader reader;
        private String openedFor;
        /** What the open reader covers, as a number that grows with the file (for the name table's reload). */
        private long stamp;

        Opened(Path file, String key) {
            this.file = file;
            this.key = key;
        }

        RefsFile.Reader reader() throws SQLException, AirlockException {
            Map<String, String> meta = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT key, value FROM meta");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
            if (meta.get("commit") == null) {
                close();
                return null; // not built yet
            }
            if (!"1".equals(meta.get(key + "_format"))) {
                throw new AirlockException("symbols.refs.format", "The symbol index " + file.getFileName()
                        + " was built by an earlier version that kept " + (key.equals("refs") ? "references"
                        : "definitions") + " in SQLite. Building the index again replaces it.");
            }
            boolean complete = "complete".equals(meta.get("state"));
            String now = complete ? "size " + meta.get(key + "_size") : "end " + meta.get(key + "_end");
            if (reader != null && now.equals(openedFor)) {
                return reader;
            }
            close();
            try {
                if (complete) {
                    long size = Long.parseLong(meta.get(key + "_size"));
                    reader = RefsFile.Reader.complete(file, size);
                    stamp = size * 2 + 1;
                } else {
                    long end = Long.parseLong(meta.get(key + "_end"));
                    if (end <= 0) {
                        return null;
                    }
                    reader = RefsFile.Reader.partial(file, end);
                    stamp = end * 2;
                }
            } catch (NumberFormatException e) {
                throw RefsFile.damaged(file, "bad size in the index's meta table");
            }
            openedFor = now;
            return reader;
        }

        long stamp() {
            return reader == null ? 0 : stamp;
        }

        void close() {
            if (reader != null) {
                reader.close();
                reader = null;
                openedFor = null;
                stamp = 0;
            }
        }
    }

    /** One file's reference positions (line, column, flags triples) with the file's path. */
    private record PathGroup(String path, int[] triples) {
    }

    /**
     * Loads what the first reference query would otherwise load (the file id → path map, 78,000 rows for
     * the kernel) and runs one reference query, so the user's first one answers at once; call it off the
     * UI thread right after opening.
     */
    public synchronized void preload() throws AirlockException {
        try {
            paths();
            names(); // go to symbol's name table
            // one real reference query, so the first one the user asks for runs compiled code on a warm
            // statement cache instead of paying the JIT and the driver's first-use costs (about 80 ms)
            String any = null;
            RefsFile.Reader r = refs.reader(); // opened (and its directory checked) here, not on the first query
            defs.reader();
            long id = r == null ? -1 : r.anyName();
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM names WHERE id=?")) {
                p.setLong(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        any = rs.getString(1);
                    }
                }
            }
            if (any != null) {
                references(any, 0, 1);
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /** File id → path, loaded once (the file list is written before any reference). */
    private Map<Long, String> paths() throws SQLException {
        if (paths == null || paths.isEmpty()) {
            Map<Long, String> m = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, path FROM files");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getLong(1), rs.getString(2));
                }
            }
            paths = m;
        }
        return paths;
    }

    /**
     * Defined names matching {@code query} fuzzily, best first (then by name), at most {@code limit}. The
     * names are scanned in memory ({@link NameTable}, loaded on first use or by {@link #preload} and reloaded
     * when the index has gained definitions since, e.g. while a build is running).
     */
    @Override
    public synchronized List<SymbolMatch> searchSymbols(String query, int limit) throws AirlockException {
        List<SymbolMatch> out = new ArrayList<>();
        for (NameTable.Hit h : searchNames(query, limit)) {
            out.add(new SymbolMatch(h.name(), h.score(), h.definitions()));
        }
        return out;
    }

    /**
     * Go to symbol: the definitions of the best {@code maxNames} names for {@code query}, name by name in
     * {@link #searchSymbols} order and each name's definitions in {@link #definitions} order, at most
     * {@code maxRows} in all. Only the rows shown are read from the index.
     */
    @Override
    public synchronized List<Definition> goToSymbol(String query, int maxNames, int maxRows) throws AirlockException {
        List<NameTable.Hit> hits = searchNames(query, maxNames);
        if (hits.isEmpty() || maxRows <= 0) {
            return List.of();
        }
        Map<Long, Integer> rank = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (NameTable.Hit h : hits) {
            if (rank.putIfAbsent(h.id(), names.size()) == null) {
                names.add(h.name());
            }
        }
        try {
            List<Ranked> rows = ranked(rank, names);
            List<Definition> out = new ArrayList<>(Math.min(rows.size(), maxRows));
            for (int i = 0; i < rows.size() && i < maxRows; i++) {
                out.add(rows.get(i).def());
            }
            return out;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private List<NameTable.Hit> searchNames(String query, int limit) throws AirlockException {
        String q = query.strip();
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        try {
            return names().search(q, limit);
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /**
     * The in-memory table of defined names, (re)loaded when the index has new definitions: each name's count
     * from one scan of the definition file, the names from the names table.
     */
    private NameTable names() throws SQLException, AirlockException {
        RefsFile.Reader r = defs.reader();
        long stamp = defs.stamp();
        if (names == null || names.stamp() != stamp) {
            long[] counts = r == null ? new long[0] : r.counts();
            NameTable.Loader l = new NameTable.Loader();
            try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM names ORDER BY id");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id >= 0 && id < counts.length && counts[(int) id] > 0) {
                        l.add(id, rs.getString(2), (int) Math.min(Integer.MAX_VALUE, counts[(int) id]));
                    }
                }
            }
            names = l.build(stamp);
        }
        return names;
    }

    /** Calls of {@code name} (occurrences followed by '(') inside function bodies, each with its function. */
    @Override
    public synchronized List<CallSite> callers(String name, int limit) throws AirlockException {
        List<CallSite> out = new ArrayList<>();
        Map<String, List<Definition>> outlines = new HashMap<>();
        long offset = 0;
        while (out.size() < limit) {
            ReferencePage page = references(name, offset, 2000);
            for (Reference r : page.references()) {
                if (!r.call()) {
                    continue;
                }
                List<Definition> defs = outlines.computeIfAbsent(r.path(), this::outlineOrEmpty);
                Definition enclosing = null;
                for (Definition d : defs) {
                    if (d.kind().isCallable() && d.line() <= r.line() && r.line() <= d.endLine()
                            && (enclosing == null || d.line() >= enclosing.line())) {
                        enclosing = d;
                    }
                }
                if (enclosing == null) {
                    continue; // a prototype or file-level macro use, not a call from a function
                }
                out.add(new CallSite(enclosing, r));
                if (out.size() >= limit) {
                    break;
                }
            }
            if (!page.hasMore() || page.references().isEmpty()) {
                break;
            }
            offset += page.references().size();
        }
        return out;
    }

    /** Names called inside the body of {@code def}, in order of first call. */
    public synchronized List<Callee> callees(Definition def) throws AirlockException {
        Map<String, int[]> first = new LinkedHashMap<>();
        try {
            long fileId = -1;
            long batch = -1;
            try (PreparedStatement p = c.prepareStatement("SELECT id, batch FROM files WHERE path=?")) {
                p.setString(1, def.path());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        fileId = rs.getLong(1);
                        batch = rs.getLong(2);
                    }
                }
            }
            RefsFile.Reader r = fileId < 0 ? null : refs.reader();
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM names WHERE id=?")) {
                for (RefsFile.Record rec : r == null ? List.<RefsFile.Record>of() : r.ofBatch(batch)) {
                    for (Occurrences.Group g : groups(rec)) {
                        if (g.fileId() != fileId) {
                            continue;
                        }
                        int[] pos = g.triples();
                        for (int i = 0; i + 2 < pos.length; i += 3) {
                            boolean inBody = pos[i] >= def.line() && pos[i] <= def.endLine()
                                    && !(pos[i] == def.line() && pos[i + 1] < def.column());
                            if (inBody && (pos[i + 2] & Occurrences.CALL) != 0) {
                                p.setLong(1, rec.nameId());
                                try (ResultSet rs = p.executeQuery()) {
                                    if (rs.next()) {
                                        first.putIfAbsent(rs.getString(1), new int[] {pos[i], pos[i + 1]});
                                    }
                                }
                                break;
                            }
                        }
                    }
                }
            }
            List<Callee> out = new ArrayList<>();
            for (Map.Entry<String, int[]> e : first.entrySet()) {
                out.add(new Callee(e.getKey(), e.getValue()[0], e.getValue()[1], countDefs(e.getKey())));
            }
            out.sort(Comparator.comparingInt(Callee::line).thenComparingInt(Callee::column));
            return out;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private int countDefs(String name) throws SQLException, AirlockException {
        long id = nameId(name);
        RefsFile.Reader r = id < 0 ? null : defs.reader();
        long n = 0;
        for (RefsFile.Record rec : r == null ? List.<RefsFile.Record>of() : r.ofName(id)) {
            n += rec.count();
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private List<Definition> outlineOrEmpty(String path) {
        try {
            return outline(path);
        } catch (AirlockException e) {
            org.slf4j.LoggerFactory.getLogger(SymbolIndex.class).warn("outline of {} unavailable: {}", path,
                    e.getMessage());
            return List.of();
        }
    }

    private static AirlockException fail(SQLException e) {
        return new AirlockException("symbols.query", "The symbol index could not answer (" + e.getMessage()
                + "). Rebuild the index.", e);
    }

    @Override
    public synchronized void close() {
        refs.close();
        defs.close();
        if (nameSlots != null) {
            nameSlots.close();
            nameSlots = null;
        }
        try {
            c.close();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(SymbolIndex.class).warn("closing symbol index: {}", e.getMessage());
        }
    }
}
