package airlock.core.symbols;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** Writes one file's definitions and occurrences, interning names. */
final class Inserter {
    private final Map<String, Long> names;
    private final PreparedStatement insName;
    private final PreparedStatement insDef;
    private final PreparedStatement insRef;
    private long nextId;

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
            insDef.setString(8, t.signature());
            insDef.addBatch();
        }
        for (Map.Entry<String, int[]> e : fs.occurrences().entrySet()) {
            insRef.setLong(1, nameId(e.getKey()));
            insRef.setLong(2, fileId);
            insRef.setInt(3, e.getValue().length / 3);
            insRef.setBytes(4, Occurrences.encode(e.getValue()));
            insRef.addBatch();
        }
        insName.executeBatch();
        insDef.executeBatch();
        insRef.executeBatch();
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
