package airlock.core.symbols;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** Writes one file's definitions and occurrences, interning names. */
final class Inserter {
    private final Map<String, Long> names;
    private final PreparedStatement insName;
    private final PreparedStatement insDef;
    private final PreparedStatement insRef;

    Inserter(Map<String, Long> names, PreparedStatement insName, PreparedStatement insDef, PreparedStatement insRef) {
        this.names = names;
        this.insName = insName;
        this.insDef = insDef;
        this.insRef = insRef;
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
        insDef.executeBatch();
        for (Map.Entry<String, int[]> e : fs.occurrences().entrySet()) {
            insRef.setLong(1, nameId(e.getKey()));
            insRef.setLong(2, fileId);
            insRef.setInt(3, e.getValue().length / 3);
            insRef.setBytes(4, Occurrences.encode(e.getValue()));
            insRef.addBatch();
        }
        insRef.executeBatch();
    }

    private long nameId(String name) throws SQLException {
        Long id = names.get(name);
        if (id != null) {
            return id;
        }
        insName.setString(1, name);
        insName.executeUpdate();
        try (ResultSet rs = insName.getGeneratedKeys()) {
            rs.next();
            id = rs.getLong(1);
        }
        names.put(name, id);
        return id;
    }
}
