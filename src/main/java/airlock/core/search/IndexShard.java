package airlock.core.search;

import airlock.core.AirlockException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One SQLite file of a search index: a contentless FTS5 table with the trigram tokenizer and no
 * positions ({@code detail=none}: a trigram → files map, about the size of cindex's index), and the
 * {@code docs} table that records, per blob, that it was indexed, in the same transaction as its
 * trigrams. A crash therefore loses at most the batch in flight, and a blob absent from
 * {@code docs} is simply not indexed (searches scan it).
 */
final class IndexShard implements AutoCloseable {
    static final int KIND_TEXT = 0;
    static final int KIND_BINARY = 1;
    static final int KIND_TOO_LARGE = 2;
    private static final int SCHEMA = 1;
    private static final int HASH_BYTES = 48 << 20;

    private final Path file;
    private final Connection db;
    private PreparedStatement insertDoc;
    private PreparedStatement insertText;
    private long nextId = -1;

    private IndexShard(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    static IndexShard open(Path file) throws AirlockException {
        airlock.core.sqlite.NativeSqlite.install();
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
            IndexShard shard = new IndexShard(file, db);
            shard.migrate();
            return shard;
        } catch (SQLException e) {
            throw new AirlockException("search.index.open", "Cannot open the search index " + file + ": "
                    + e.getMessage() + ". Delete the folder to rebuild the index.", e);
        }
    }

    private void migrate() throws SQLException, AirlockException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            // derived data: after a power loss the last batches may be missing, and are redone
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA cache_size=-65536");
            s.execute("PRAGMA temp_store=MEMORY");
            s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, blob TEXT NOT NULL UNIQUE,"
                    + " kind INTEGER NOT NULL)");
            s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS grams USING fts5(body, tokenize='trigram',"
                    + " content='', detail=none)");
            // fewer, larger level-0 segments while building: less merging (the default is 1 MiB)
            s.execute("INSERT INTO grams(grams, rank) VALUES('hashsize', " + HASH_BYTES + ")");
            s.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('schema', '" + SCHEMA + "')");
            try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key='schema'")) {
                if (!rs.next() || !String.valueOf(SCHEMA).equals(rs.getString(1))) {
                    throw new AirlockException("search.index.schema", "The search index " + file
                            + " was written by another version of Airlock. Delete the folder to rebuild it.");
                }
            }
        }
    }

    /** Every recorded blob: blob id → (row id, kind). */
    Map<String, long[]> docs() throws AirlockException {
        Map<String, long[]> out = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id, blob, kind FROM docs")) {
            while (rs.next()) {
                out.put(rs.getString(2), new long[] {rs.getLong(1), rs.getInt(3)});
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return out;
    }

    void begin() throws AirlockException {
        try {
            db.setAutoCommit(false);
            if (nextId < 0) {
                try (Statement s = db.createStatement();
                     ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM docs")) {
                    nextId = rs.getLong(1);
                }
            }
            if (insertDoc == null) {
                insertDoc = db.prepareStatement("INSERT INTO docs(id, blob, kind) VALUES(?, ?, ?)");
                insertText = db.prepareStatement("INSERT INTO grams(rowid, body) VALUES(?, ?)");
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** Records a blob; its UTF-8 text (when {@code kind} is text) goes into the trigram table. */
    long add(String blobId, int kind, byte[] utf8) throws AirlockException {
        try {
            long id = nextId++;
            insertDoc.setLong(1, id);
            insertDoc.setString(2, blobId);
            insertDoc.setInt(3, kind);
            insertDoc.executeUpdate();
            if (kind == KIND_TEXT) {
                insertText.setLong(1, id);
                // a BLOB is read by FTS5 as the text it encodes: no UTF-16 round trip in the driver
                insertText.setBytes(2, utf8);
                insertText.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    void commit() throws AirlockException {
        try {
            db.commit();
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    void rollbackQuietly() {
        nextId = -1;
        try {
            if (!db.getAutoCommit()) {
                db.rollback();
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(IndexShard.class).warn("rollback of {} failed", file, e);
        }
    }

    /** Merges the trigram table into one segment: smaller, and faster to query. */
    void optimize() throws AirlockException {
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO grams(grams) VALUES('optimize')");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** The row ids of text blobs satisfying {@code fts}. */
    Set<Long> match(String fts) throws AirlockException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement("SELECT rowid FROM grams WHERE grams MATCH ?")) {
            q.setString(1, fts);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw failure("query", e);
        }
        return out;
    }

    private AirlockException failure(String what, SQLException e) {
        return new AirlockException("search.index." + what, "Search index " + file + ": " + e.getMessage()
                + ". Delete the folder to rebuild the index.", e);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(IndexShard.class).warn("closing {} failed", file, e);
        }
    }
}
