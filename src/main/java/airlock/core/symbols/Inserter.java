package airlock.core.symbols;

import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes files' definitions at once and collects their occurrences per name for the whole batch, so a
 * batch of 256 files costs one reference row per name instead of one per name and file.
 */
final class Inserter {
    private final Map<String, Long> names;
    private final PreparedStatement insName;
    private final PreparedStatement insDef;
    private final PreparedStatement insRef;
    private long nextId;
    private final Map<Long, ByteArrayOutputStream> pending = new TreeMap<>();
    private final Map<Long, int[]> pendingCount = new java.util.HashMap<>();

    Inserter(Map<String, Long> names, PreparedStatement insName, PreparedStatement insDef, PreparedStatement insRef) {
        this.names = names;
        this.insName = insName;
        this.insDef = insDef;
        this.insRef = insRef;
        this.nextId = names.values().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
    }

    void insert(long fileId, FileSymbols fs) throws SQLException {
        for (Tag t : fs.definitions()) {
            insDef.setLong(1, nameId(t.name()));
            insDef.setLong(2, fileId);
            insDef.setString(3, t.kind().name());
            insDef.setInt(4, t.line());
            insDef.setInt(5, t.column());
            insDef.setInt(6, t.endLine());
            insDef.setString(7, t.scope());
            // the definition's line is read from the source when shown (DefinitionLines): kept here it was a
            // third of the index, written twice while building
            insDef.setString(8, "");
            insDef.addBatch();
        }
        for (Map.Entry<String, int[]> e : fs.occurrences().entrySet()) {
            long id = nameId(e.getKey());
            Occurrences.appendGroup(pending.computeIfAbsent(id, k -> new ByteArrayOutputStream()), fileId, e.getValue());
            pendingCount.computeIfAbsent(id, k -> new int[1])[0] += e.getValue().length / 3;
        }
        insName.executeBatch();
        insDef.executeBatch();
    }

    /** Writes the batch's reference rows (call before the batch commits). */
    void flush(long batch) throws SQLException {
        for (Map.Entry<Long, ByteArrayOutputStream> e : pending.entrySet()) {
            insRef.setLong(1, e.getKey());
            insRef.setLong(2, batch);
            insRef.setInt(3, pendingCount.get(e.getKey())[0]);
            insRef.setBytes(4, e.getValue().toByteArray());
            insRef.addBatch();
        }
        insRef.executeBatch();
        pending.clear();
        pendingCount.clear();
    }

    /** Ids are assigned here (one writer) and names inserted in the same batch as the rows that use them. */
    private long nameId(String name) throws SQLException {
        Long id = names.get(name);
        if (id != null) {
            return id;
        }
        id = nextId++;
        insName.setLong(1, id);
        insName.setString(2, name);
        insName.addBatch();
        names.put(name, id);
        return id;
    }
}
