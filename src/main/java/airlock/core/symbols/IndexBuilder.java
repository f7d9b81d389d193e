package airlock.core.symbols;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import airlock.core.syntax.Language;
import airlock.core.text.ContentLimits;
import airlock.core.text.DecodedContent;
import airlock.core.text.Decoder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds (or resumes) the symbol index of one ref: lists the tree, then extracts and stores files in
 * batches, priority files (those open on screen) first. Each batch commits with its files marked done,
 * so cancelling or crashing leaves a PARTIAL index that the next build continues.
 */
public final class IndexBuilder {
    /** Files larger than this are not indexed for symbols (generated tables); the code view still opens them. */
    public static final long MAX_FILE_BYTES = 32L << 20;
    private static final int BATCH_FILES = 256;
    /**
     * Batches per transaction: index pages dirtied by one batch are mostly dirtied again by the next, so
     * committing every 8 batches writes each to the WAL once instead of 8 times (cancel keeps what was done).
     */
    private static final int BATCHES_PER_COMMIT = 8;
    /** Files read and extracted ahead of the writer (bounds the memory held by finished results). */
    private static final int AHEAD = 64;

    private final SourceTree source;
    private final String ref;
    private final Path dbFile;
    private final Decoder decoder = new Decoder(ContentLimits.DEFAULT);
    private final int threads;

    public IndexBuilder(SourceTree source, String ref, Path dbFile) {
        this(source, ref, dbFile, Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
    }

    /** @param threads how many files are read and extracted in parallel (one thread writes the database) */
    public IndexBuilder(SourceTree source, String ref, Path dbFile, int threads) {
        this.source = source;
        this.ref = ref;
        this.dbFile = dbFile;
        this.threads = threads;
    }

    /** Builds or resumes; returns the final state. Throws CancelledException if cancelled (work so far is kept). */
    public IndexState build(Collection<String> priorityPaths, ProgressMonitor monitor) throws AirlockException {
        Path refsFile = RefsFile.of(dbFile);
        Path defsFile = RefsFile.defsOf(dbFile);
        try (Connection c = SymbolDatabase.open(dbFile)) {
            c.setAutoCommit(false);
            String commit = source.commitOf(ref);
            prepare(c, commit, refsFile, defsFile);
            List<Object[]> todo = pending(c, priorityPaths);
            long total = count(c, "SELECT count(*) FROM files");
            if (todo.isEmpty() && "complete".equals(meta(c, "state"))) {
                return new IndexState(IndexState.Status.COMPLETE, total, total, "");
            }
            try (Statement s = c.createStatement()) {
                // an index of names kept up to date costs a B-tree insert per new name scattered over the whole
                // index, and created at the end it was a 5 to 7 s sort: a complete index looks names up in its
                // name file (NameSlots), a partial one scans the table
                s.execute("DROP INDEX IF EXISTS names_by_name");
            }
            c.commit();
            monitor.beginTask("Indexing symbols", todo.size());
            Map<String, SourceEntry> entries = new HashMap<>();
            for (SourceEntry e : source.list(ref)) {
                entries.put(e.path(), e);
            }
            try (Statement s = c.createStatement()) {
                // a build writes far more than a query reads: a bigger page cache keeps the indexes' hot pages
                s.execute("PRAGMA cache_size=-262144");
                s.execute("PRAGMA wal_autocheckpoint=16384");
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads, IndexBuilder::worker);
            try (RefsFile.Writer refs = RefsFile.Writer.open(refsFile, Long.parseLong(meta(c, "refs_end")));
                    RefsFile.Writer defs = RefsFile.Writer.open(defsFile, Long.parseLong(meta(c, "defs_end")));
                    PreparedStatement insName = c.prepareStatement("INSERT INTO names(id, name) VALUES (?,?)");
                    PreparedStatement ends = c.prepareStatement("UPDATE meta SET value=? WHERE key=?");
                    PreparedStatement done = c.prepareStatement(
                            "UPDATE files SET done=1, batch=?, marks=?, defs=? WHERE id=?")) {
                Inserter ins = new Inserter(count(c, "SELECT coalesce(max(id), 0) FROM names") + 1, insName, refs, defs);
                loadNames(c, ins);
                long batch = count(c, "SELECT coalesce(max(batch), 0) FROM files") + 1;
                int inBatch = 0;
                // workers read, decode and extract ahead, in path order (priority files first); this thread is the
                // single writer and takes files as they finish, so one huge file does not hold up the others
                CompletionService<Extracted> ahead = new ExecutorCompletionService<>(pool);
                int submitted = 0;
                // the priority files (on screen) are written first: none of the others is started before them
                Set<String> priority = new java.util.HashSet<>(priorityPaths);
                int head = 0;
                while (head < todo.size() && priority.contains((String) todo.get(head)[1])) {
                    head++;
                }
                for (int i = 0; i < todo.size(); i++) {
                    int limit = i < head ? head : todo.size();
                    while (submitted < limit && submitted - i < AHEAD) {
                        Object[] f = todo.get(submitted++);
                        ahead.submit(() -> extract((Long) f[0], entries.get((String) f[1]), ins));
                    }
                    if (monitor.isCancelled()) {
                        done.executeBatch();
                        end(ends, ins.flush(batch));
                        c.commit();
                        monitor.checkCancelled();
                    }
                    Extracted x = next(ahead);
                    ins.insert(x.symbols());
                    done.setLong(1, batch);
                    done.setInt(2, x.marks());
                    done.setBytes(3, x.symbols().fileDefinitions());
                    done.setLong(4, x.fileId());
                    done.addBatch();
                    monitor.update(1);
                    if (++inBatch >= BATCH_FILES) {
                        done.executeBatch();
                        // the reference and definition records are written before the transaction that marks
                        // their files done, and the files' committed ends are part of that transaction
                        end(ends, ins.flush(batch++));
                        if (batch % BATCHES_PER_COMMIT == 0) {
                            c.commit();
                        }
                        inBatch = 0;
                    }
                }
                done.executeBatch();
                end(ends, ins.flush(batch));
                c.commit();
                // the name file, then the files' directories, each forced to disk before the index says
                // complete; one after the other (together, the two directories' arrays did not fit the heap of
                // a four-kernel build: -Xmx1500m)
                long namesSize = ins.writeNames(NameSlots.of(dbFile));
                long defsSize = defs.finish();
                long refsSize = refs.finish();
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT OR REPLACE INTO meta VALUES ('refs_size','" + refsSize + "')");
                    s.execute("INSERT OR REPLACE INTO meta VALUES ('defs_size','" + defsSize + "')");
                    s.execute("INSERT OR REPLACE INTO meta VALUES ('names_size','" + namesSize + "')");
                    s.execute("INSERT OR REPLACE INTO meta VALUES ('state','complete')");
                }
                c.commit();
            } finally {
                pool.shutdownNow();
            }
            monitor.endTask();
            return new IndexState(IndexState.Status.COMPLETE, total, total, "");
        } catch (SQLException | NumberFormatException e) {
            throw new AirlockException("symbols.build", "Building the symbol index failed (" + e.getMessage()
                    + "). The partial index is kept; building again resumes it.", e);
        }
    }

    /** Records the reference and definition files' committed ends ({@link Inserter#flush}) in the meta table. */
    private static void end(PreparedStatement ends, long[] end) throws SQLException {
        String[] keys = {"refs_end", "defs_end"};
        for (int i = 0; i < keys.length; i++) {
            ends.setString(1, Long.toString(end[i]));
            ends.setString(2, keys[i]);
            ends.executeUpdate();
        }
    }

    /** One file's results, computed by a worker. */
    private record Extracted(long fileId, Inserter.Resolved symbols, int marks) {
    }

    private static Thread worker(Runnable r) {
        Thread t = new Thread(r, "airlock-symbols");
        t.setDaemon(true);
        return t;
    }

    /** The next finished file's results; a worker's failure rethrown as it was or said as a build failure. */
    private static Extracted next(CompletionService<Extracted> finished) throws AirlockException {
        try {
            return finished.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AirlockException a) {
                throw a;
            }
            throw new AirlockException("symbols.build", "Extracting symbols failed: " + e.getCause(), e.getCause());
        }
    }

    private void prepare(Connection c, String commit, Path refsFile, Path defsFile) throws SQLException,
            AirlockException {
        String existing = meta(c, "commit");
        if (existing != null && !existing.equals(commit)) {
            throw new AirlockException("symbols.db.mismatch", "The symbol index " + dbFile + " belongs to commit "
                    + existing + ", not " + commit + ". Delete it to rebuild.");
        }
        if (existing != null) {
            String damage = damage(c, refsFile, defsFile, NameSlots.of(dbFile));
            if (damage == null) {
                return;
            }
            // derived data: an index whose reference or definition file is damaged, or one of a format before
            // them, is rebuilt
            org.slf4j.LoggerFactory.getLogger(IndexBuilder.class).warn("The symbol index {} is rebuilt: {}", dbFile,
                    damage);
            try (Statement s = c.createStatement()) {
                for (String t : new String[] {"names", "files", "meta"}) {
                    s.execute("DELETE FROM " + t);
                }
            }
        }
        try (PreparedStatement m = c.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?,?)");
                PreparedStatement f = c.prepareStatement("INSERT INTO files(path, blob, lang, size) VALUES (?,?,?,?)")) {
            for (String[] kv : new String[][] {{"ref", ref}, {"commit", commit}, {"state", "building"},
                    {"refs_format", "1"}, {"refs_end", "0"}, {"defs_format", "1"}, {"defs_end", "0"}}) {
                m.setString(1, kv[0]);
                m.setString(2, kv[1]);
                m.executeUpdate();
            }
            for (SourceEntry e : source.list(ref)) {
                Language lang = Language.forPath(e.path());
                // plain text is read too, for the tree's marks; the extractor skips it
                boolean indexable = (e.kind() == EntryKind.FILE || e.kind() == EntryKind.EXECUTABLE)
                        && e.size() <= MAX_FILE_BYTES;
                if (indexable) {
                    f.setString(1, e.path());
                    f.setString(2, e.blobId());
                    f.setString(3, lang.name());
                    f.setLong(4, e.size());
                    f.addBatch();
                }
            }
            f.executeBatch();
        }
        c.commit();
    }

    /**
     * Why the index's reference, definition or name file cannot be used, or null when all can: a complete
     * index's files are checked as a reader opens them (size, structure, checksums), a partial one's
     * committed records are read and checked (the writer then cuts what follows them); an index without a
     * file's format is of a version before that file.
     */
    private static String damage(Connection c, Path refsFile, Path defsFile, Path namesFile) throws SQLException {
        if (!"1".equals(meta(c, "refs_format"))) {
            return "its references are in the format before the reference file";
        }
        if (!"1".equals(meta(c, "defs_format"))) {
            return "its definitions are in the format before the definition file";
        }
        String refs = damage(c, refsFile, "refs");
        String defs = refs != null ? refs : damage(c, defsFile, "defs");
        if (defs != null || !"complete".equals(meta(c, "state"))) {
            return defs;
        }
        try {
            NameSlots.Reader.open(namesFile, Long.parseLong(meta(c, "names_size"))).close();
            return null;
        } catch (AirlockException e) {
            return e.getMessage();
        } catch (NumberFormatException e) {
            return "bad names file size in its meta table";
        }
    }

    /** One record file's damage ({@code key}: its meta keys' prefix), or null. */
    private static String damage(Connection c, Path file, String key) throws SQLException {
        try {
            if ("complete".equals(meta(c, "state"))) {
                RefsFile.Reader.complete(file, Long.parseLong(meta(c, key + "_size"))).close();
            } else {
                long end = Long.parseLong(meta(c, key + "_end"));
                if (end > 0) {
                    try (RefsFile.Reader r = RefsFile.Reader.partial(file, end)) {
                        r.ofBatch(-1); // reads and checks every committed record
                    }
                }
            }
            return null;
        } catch (AirlockException e) {
            return e.getMessage();
        } catch (NumberFormatException e) {
            return "bad " + key + " file size in its meta table";
        }
    }

    private static List<Object[]> pending(Connection c, Collection<String> priority) throws SQLException {
        Set<String> first = new LinkedHashSet<>(priority);
        List<Object[]> head = new ArrayList<>();
        List<Object[]> rest = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, path FROM files WHERE done=0 ORDER BY path")) {
            while (rs.next()) {
                Object[] row = {rs.getLong(1), rs.getString(2)};
                (first.contains((String) row[1]) ? head : rest).add(row);
            }
        }
        head.addAll(rest);
        return head;
    }

    private Extracted extract(long fileId, SourceEntry e, Inserter ins) throws AirlockException {
        if (e == null) {
            return new Extracted(fileId, Inserter.Resolved.NONE, 0);
        }
        byte[] bytes = source.read(e, MAX_FILE_BYTES);
        DecodedContent content = decoder.decode(bytes, e.size());
        int marks = FileMark.ofEntry(e, ContentLimits.DEFAULT) | FileMark.ofContent(content);
        if (!content.isText()) {
            return new Extracted(fileId, Inserter.Resolved.NONE, marks); // binary: nothing to hand to the extractor
        }
        FileSymbols fs = new TagsExtractor().extract(Language.detect(e.path(), content.text()), content.text());
        return new Extracted(fileId, ins.resolve(fileId, fs), marks); // resolved and encoded here, off the writer
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static String meta(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key=?")) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A resumed build's names, with their ids, into the inserter's table. */
    private static void loadNames(Connection c, Inserter ins) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM names")) {
            while (rs.next()) {
                ins.existing(rs.getString(2), rs.getLong(1));
            }
        }
    }
}
