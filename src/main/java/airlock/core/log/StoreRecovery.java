package airlock.core.log;

import airlock.core.AirlockException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery of a damaged store into a NEW file: the damaged file is only read. Every log's intact
 * prefix (contiguous, canonical, correctly chained entries from 0) is copied; each log that stays
 * or becomes open gets a recovery entry naming the damaged file, its SHA-256 and the first entry
 * that was lost. A log that lost entries after it ended is re-opened (its seal could no longer
 * verify) and must be ended again. Entries the damaged store acknowledged (its high-water record)
 * but no longer holds count as lost too, so the recovery entry names them instead of the next
 * entry silently taking their sequence numbers. The other tables in the file (the annotation
 * tables) are copied as they are, row by row, as far as they can be read.
 */
public final class StoreRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private StoreRecovery() {
    }

    /** What recovery did for one log. */
    public record Recovered(String id, long keptEntries, long lostFrom, String problem) {
    }

    /** What recovery did for the other tables of the file: rows copied per table, and what could not be copied. */
    public record OtherTables(Map<String, Long> copied, List<String> problems) {
    }

    public static List<Recovered> recover(Path damaged, Path target, String problem, WorkstationSigner signer, Clock clock)
            throws AirlockException {
        return recover(damaged, target, problem, signer, clock, null);
    }

    /** As above; {@code others} (when not null) receives what happened to the file's other tables. */
    public static List<Recovered> recover(Path damaged, Path target, String problem, WorkstationSigner signer, Clock clock,
                                          List<OtherTables> others) throws AirlockException {
        if (Files.exists(target)) {
            throw new AirlockException("log.recover.target-exists", "The recovery file " + target
                    + " already exists; choose a new name (nothing is ever written over an existing database)");
        }
        String damagedSha256 = sha256(damaged);
        HighWater.Record acknowledged = null;
        try {
            acknowledged = HighWater.read(HighWater.fileFor(damaged));
        } catch (java.io.IOException e) {
            LOG.warn("the damaged store's high-water record cannot be read: {}", e.toString());
        }
        List<Recovered> recovered = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<String> tableProblems = new ArrayList<>();
        try (Connection source = LogStore.connect(damaged, true)) {
            for (String id : LogStore.ids(source)) {
                Copy copy = read(source, id);
                HighWater.Mark mark = acknowledged == null ? null : acknowledged.mark(id);
                if (mark != null && mark.size() > copy.rows().size() && copy.complete()) {
                    // the chain is intact but shorter than what was acknowledged: the tail is lost
                    copy = new Copy(copy.id(), copy.origin(), "open", null, null, copy.rows(), false,
                            "entries " + copy.rows().size() + " to " + (mark.size() - 1) + " were acknowledged but are gone",
                            copy.disclosures());
                }
                copies.add(copy);
            }
            tables = readOtherTables(source, tableProblems);
        } catch (SQLException | AirlockException e) {
            LOG.warn("nothing readable in the damaged log store {}: {}", damaged, e.toString());
            tableProblems.add("the damaged file cannot be read: " + e.getMessage());
        }
        try (LogStore store = LogStore.open(target)) {
            Connection connection = store.connection();
            for (Copy copy : copies) {
                if (!copy.rows().isEmpty()) {
                    write(connection, copy);
                }
            }
            Map<String, Long> copiedRows = writeOtherTables(connection, tables, tableProblems);
            if (others != null) {
                others.add(new OtherTables(copiedRows, List.copyOf(tableProblems)));
            }
            for (Copy copy : copies) {
                if (copy.rows().isEmpty()) {
                    recovered.add(new Recovered(copy.id(), 0, 0, copy.problem()));
                    continue;
                }
                SessionLog log = SessionLog.resume(store, copy.id(), signer, clock, SessionLog.DEFAULT_CHECKPOINT_INTERVAL);
                if ("open".equals(log.status())) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("reason", "recovered from a damaged database: " + problem);
                    data.put("previousFile", damaged.getFileName().toString());
                    data.put("previousFileSha256", damagedSha256);
                    data.put("lostFrom", copy.complete() ? null : (Object) (long) copy.rows().size());
                    log.append("workstation", EntryType.RECOVERY, data, SqlAction.NONE);
                }
                recovered.add(new Recovered(copy.id(), copy.rows().size(), copy.complete() ? -1 : copy.rows().size(), copy.problem()));
            }
        }
        return recovered;
    }

    private record Table(String name, String create, List<String> indexes, List<Object[]> rows) {
    }

    /** Every table outside the log's own (log_*) and SQLite's, with its indexes and the rows that can be read. */
    private static List<Table> readOtherTables(Connection source, List<String> problems) throws SQLException {
        List<Table> tables = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        try (PreparedStatement query = source.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'log\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        for (String[] name : names) {
            List<String> indexes = new ArrayList<>();
            try (PreparedStatement query = source.prepareStatement(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")) {
                query.setString(1, name[0]);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        indexes.add(rows.getString(1));
                    }
                }
            }
            List<Object[]> data = new ArrayList<>();
            try (PreparedStatement query = source.prepareStatement("SELECT * FROM \"" + name[0].replace("\"", "\"\"") + "\"");
                 ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rows.getObject(c + 1);
                    }
                    data.add(row);
                }
            } catch (SQLException e) {
                problems.add("table " + name[0] + ": only " + data.size() + " rows could be read (" + e.getMessage() + ")");
            }
            tables.add(new Table(name[0], name[1], indexes, data));
        }
        return tables;
    }

    private static Map<String, Long> writeOtherTables(Connection connection, List<Table> tables, List<String> problems) {
        Map<String, Long> copied = new LinkedHashMap<>();
        for (Table table : tables) {
            try {
                connection.setAutoCommit(false);
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.executeUpdate(table.create());
                    for (String index : table.indexes()) {
                        statement.executeUpdate(index);
                    }
                    if (!table.rows().isEmpty()) {
                        String marks = String.join(", ", java.util.Collections.nCopies(table.rows().get(0).length, "?"));
                        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO \""
                                + table.name().replace("\"", "\"\"") + "\" VALUES (" + marks + ")")) {
                            for (Object[] row : table.rows()) {
                                for (int c = 0; c < row.length; c++) {
                                    insert.setObject(c + 1, row[c]);
                                }
                                insert.executeUpdate();
                            }
                        }
                    }
                    connection.commit();
                    copied.put(table.name(), (long) table.rows().size());
                } catch (SQLException e) {
                    connection.rollback();
                    problems.add("table " + table.name() + " could not be copied (" + e.getMessage() + ")");
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                problems.add("table " + table.name() + " could not be copied (" + e.getMessage() + ")");
            }
        }
        return copied;
    }

    private record Copy(String id, String origin, String state, String finalNote, String sealNote, List<byte[][]> rows,
                        boolean complete, String problem, List<Object[]> disclosures) {
    }

    /**
     * The disclosures (values of committed fields) of the entries that survive; none when the
     * damaged file predates the table or the table cannot be read (the entries still recover).
     */
    private static List<Object[]> disclosures(Connection source, String id, long entries) {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement query = source.prepareStatement(
                "SELECT seq, field, salt, value FROM log_disclosure WHERE session = ? AND seq < ? ORDER BY seq, field")) {
            query.setString(1, id);
            query.setLong(2, entries);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    out.add(new Object[] {row.getLong(1), row.getString(2), row.getBytes(3), row.getBytes(4)});
                }
            }
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(StoreRecovery.class).warn("the disclosures of log {} could not be read from the"
                    + " damaged file and are not recovered: {}", id, e.getMessage());
            return List.of();
        }
        return out;
    }

    private static Copy read(Connection source, String id) throws SQLException {
        ChainCheck check = new ChainCheck(source, id);
        String problem = check.run();
        List<byte[][]> rows = new ArrayList<>();
        try (PreparedStatement query = source.prepareStatement(
                "SELECT bytes, hash FROM log_entry WHERE session = ? ORDER BY seq LIMIT ?")) {
            query.setString(1, id);
            query.setLong(2, check.goodPrefix());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new byte[][] {row.getBytes(1), row.getBytes(2)});
                }
            }
        }
        try (PreparedStatement query = source.prepareStatement(
                "SELECT origin, state, final_note, seal_note FROM log_session WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                boolean complete = problem == null;
                return new Copy(id, row.getString(1), complete ? row.getString(2) : "open", complete ? row.getString(3) : null,
                        complete ? row.getString(4) : null, rows, complete, problem, disclosures(source, id, rows.size()));
            }
        }
    }

    private static void write(Connection connection, Copy copy) throws AirlockException {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement session = connection.prepareStatement(
                    "INSERT INTO log_session(id, origin, state, final_note, seal_note) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement entry = connection.prepareStatement(
                         "INSERT INTO log_entry(session, seq, bytes, hash) VALUES (?, ?, ?, ?)")) {
                session.setString(1, copy.id());
                session.setString(2, copy.origin());
                session.setString(3, copy.state());
                session.setString(4, copy.finalNote());
                session.setString(5, copy.sealNote());
                session.executeUpdate();
                long seq = 0;
                for (byte[][] row : copy.rows()) {
                    entry.setString(1, copy.id());
                    entry.setLong(2, seq++);
                    entry.setBytes(3, row[0]);
                    entry.setBytes(4, row[1]);
                    entry.executeUpdate();
                }
                try (PreparedStatement disclosure = connection.prepareStatement(
                        "INSERT INTO log_disclosure(session, seq, field, salt, value) VALUES (?, ?, ?, ?, ?)")) {
                    for (Object[] d : copy.disclosures()) {
                        disclosure.setString(1, copy.id());
                        disclosure.setLong(2, (Long) d[0]);
                        disclosure.setString(3, (String) d[1]);
                        disclosure.setBytes(4, (byte[]) d[2]);
                        disclosure.setBytes(5, (byte[]) d[3]);
                        disclosure.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AirlockException("log.recover.write", "Cannot write the recovered log '" + copy.id() + "': " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) throws AirlockException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new AirlockException("log.recover.read", "Cannot read the damaged database " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }
}
