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
    /** The reference file's reader and the meta values it was opened for (reopened when they change). */
    private RefsFile.Reader refs;
    private String refsKey;

    private SymbolIndex(Connection c, Path refsFile) {
        this.c = c;
        this.refsFile = refsFile;
    }

    /** The index file for {@code commit} under the home's database folder. */
    public static Path fileFor(Path databases, String commit) {
        return databases.resolve("symbols").resolve(commit.replaceAll("[^0-9a-fA-F]", "") + ".sqlite");
    }

    public static SymbolIndex open(Path file) throws AirlockException {
        return new SymbolIndex(SymbolDatabase.open(file), RefsFile.of(file));
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

    /** Every definition of {@code name}, shortest path first, declarations without a body last (the chooser's order). */
    @Override
    public synchronized List<Definition> definitions(String name) throws AirlockException {
        return defs("SELECT f.path, n.name, d.kind, d.line, d.col, d.end_line, d.scope, d.signature, d.cond FROM defs d"
                + " JOIN names n ON n.id=d.name_id JOIN files f ON f.id=d.file_id WHERE n.name=?"
                + " ORDER BY d.kind='PROTOTYPE', length(f.path), f.path, d.line", name);
    }

    /** The definitions in one file, in line order: the outline. */
    public synchronized List<Definition> outline(String path) throws AirlockException {
        return defs("SELECT f.path, n.name, d.kind, d.line, d.col, d.end_line, d.scope, d.signature, d.cond FROM defs d"
                + " JOIN names n ON n.id=d.name_id JOIN files f ON f.id=d.file_id WHERE f.path=? ORDER BY d.line, d.col",
                path);
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
            RefsFile.Reader r = id < 0 ? null : refs();
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

    /** The name's id, or -1 when the index has no such name. */
    private long nameId(String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM names WHERE name=?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
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
     * The reference file as the index's meta describes it now: with its directory once the build is
     * complete, else its committed records (null: nothing committed yet). Reopened when the meta changes,
     * so an index opened before or during a build follows it.
     */
    private RefsFile.Reader refs() throws SQLException, AirlockException {
        Map<String, String> meta = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT key, value FROM meta");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
        }
        if (meta.get("commit") == null) {
            return null; // not built yet
        }
        if (!"1".equals(meta.get("refs_format"))) {
            throw new AirlockException("symbols.refs.format", "The symbol index " + refsFile.getFileName()
                    + " was built by an earlier version that kept references in SQLite. Building the index again"
                    + " replaces it.");
        }
        boolean complete = "complete".equals(meta.get("state"));
        String key = complete ? "size " + meta.get("refs_size") : "end " + meta.get("refs_end");
        if (refs != null && key.equals(refsKey)) {
            return refs;
        }
        if (refs != null) {
            refs.close();
            refs = null;
        }
        try {
            if (complete) {
                refs = RefsFile.Reader.complete(refsFile, Long.parseLong(meta.get("refs_size")));
            } else {
                long end = Long.parseLong(meta.get("refs_end"));
                if (end <= 0) {
                    return null;
                }
                refs = RefsFile.Reader.partial(refsFile, end);
            }
        } catch (NumberFormatException e) {
            throw RefsFile.damaged(refsFile, "bad size in the index's meta table");
        }
        refsKey = key;
        return refs;
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
            RefsFile.Reader r = refs(); // opened (and its directory checked) here, not on the first query
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
        // one statement for all the names (it was one per name: up to 100 statements per keystroke), ordered
        // here as definitions() orders them: name rank, prototypes last, shorter path, path (UTF-8 bytes, as
        // SQLite compares), line, then row order
        Map<Long, Integer> rank = new HashMap<>();
        StringBuilder in = new StringBuilder();
        for (NameTable.Hit h : hits) {
            rank.putIfAbsent(h.id(), rank.size());
            in.append(in.length() == 0 ? "?" : ",?");
        }
        record Row(int rank, boolean prototype, int pathLength, byte[] path, long rowid, Definition def) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT d.name_id, f.path, d.kind, d.line, d.col, d.end_line,"
                + " d.scope, d.signature, d.cond, d.rowid FROM defs d JOIN files f ON f.id=d.file_id WHERE d.name_id IN (" + in
                + ")")) {
            for (int i = 0; i < hits.size(); i++) {
                p.setLong(i + 1, hits.get(i).id());
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    int r = rank.get(rs.getLong(1));
                    String path = rs.getString(2);
                    SymbolKind kind = SymbolKind.valueOf(rs.getString(3));
                    rows.add(new Row(r, kind == SymbolKind.PROTOTYPE, path.codePointCount(0, path.length()),
                            path.getBytes(java.nio.charset.StandardCharsets.UTF_8), rs.getLong(10),
                            new Definition(path, hits.get(r).name(), kind, rs.getInt(4), rs.getInt(5), rs.getInt(6),
                                    rs.getString(7), rs.getString(8), rs.getString(9))));
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw new AirlockException("symbols.query", "The symbol index could not answer (" + e.getMessage()
                    + "). Rebuild the index.", e);
        }
        rows.sort(Comparator.comparingInt(Row::rank).thenComparing(Row::prototype).thenComparingInt(Row::pathLength)
                .thenComparing(Row::path, java.util.Arrays::compareUnsigned)
                .thenComparingInt(r -> r.def().line()).thenComparingLong(Row::rowid));
        List<Definition> out = new ArrayList<>(Math.min(rows.size(), maxRows));
        for (int i = 0; i < rows.size() && i < maxRows; i++) {
            out.add(rows.get(i).def());
        }
        return out;
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

    /** The in-memory table of defined names, (re)loaded when the index has new definitions. */
    private NameTable names() throws SQLException {
        long stamp = IndexBuilder.count(c, "SELECT coalesce(max(rowid), 0) FROM defs");
        if (names == null || names.stamp() != stamp) {
            NameTable.Loader l = new NameTable.Loader();
            try (PreparedStatement p = c.prepareStatement("SELECT d.name_id, n.name, count(*) FROM defs d"
                    + " JOIN names n ON n.id=d.name_id GROUP BY d.name_id"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    l.add(rs.getLong(1), rs.getString(2), rs.getInt(3));
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
            RefsFile.Reader r = fileId < 0 ? null : refs();
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

    private int countDefs(String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT count(*) FROM defs d JOIN names n ON n.id=d.name_id WHERE n.name=?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
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

    private List<Definition> defs(String sql, String arg) throws AirlockException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            List<Definition> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Definition(rs.getString(1), rs.getString(2), SymbolKind.valueOf(rs.getString(3)),
                            rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException | IllegalArgumentException e) {
            throw new AirlockException("symbols.query", "The symbol index could not answer (" + e.getMessage()
                    + "). Rebuild the index.", e);
        }
    }

    private static AirlockException fail(SQLException e) {
        return new AirlockException("symbols.query", "The symbol index could not answer (" + e.getMessage()
                + "). Rebuild the index.", e);
    }

    @Override
    public synchronized void close() {
        if (refs != null) {
            refs.close();
            refs = null;
        }
        try {
            c.close();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(SymbolIndex.class).warn("closing symbol index: {}", e.getMessage());
        }
    }
}
