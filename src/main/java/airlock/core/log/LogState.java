package airlock.core.log;

import airlock.core.AirlockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the writer needs to know about a stored log: size, last entry (its hash is the next prev),
 * the Merkle accumulator and the session's status. Immutable: an append builds the next state and
 * it replaces the current one only after COMMIT.
 */
record LogState(long size, LogEntry first, LogEntry last, MerkleAccumulator tree, String status) {
    static LogState empty() {
        return new LogState(0, null, null, new MerkleAccumulator(new LogHashes()), "open");
    }

    byte[] head() {
        return last == null ? LogHashes.genesisPrev() : last.hash();
    }

    LogState plus(LogEntry entry) {
        MerkleAccumulator next = tree.copy();
        next.add(entry.hash());
        return new LogState(size + 1, first == null ? entry : first, entry, next, status);
    }

    LogState withStatus(String newStatus) {
        return new LogState(size, first, last, tree, newStatus);
    }

    static boolean exists(Connection connection, String id) throws AirlockException {
        return status(connection, id) != null;
    }

    static String status(Connection connection, String id) throws AirlockException {
        try (PreparedStatement query = connection.prepareStatement("SELECT state FROM log_session WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AirlockException("log.store.read", "Cannot read the log '" + id + "': " + e.getMessage(), e);
        }
    }

    static LogState load(Connection connection, String id) throws AirlockException {
        String status = status(connection, id);
        if (status == null) {
            throw new AirlockException("log.session.unknown", "There is no log named '" + id + "' on this workstation");
        }
        EntryCodec codec = new EntryCodec();
        MerkleAccumulator tree = new MerkleAccumulator(new LogHashes());
        LogEntry first = null;
        byte[] lastBytes = null;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, bytes FROM log_entry WHERE session = ? ORDER BY seq")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byte[] bytes = rows.getBytes(2);
                    if (first == null) {
                        first = codec.decode(bytes);
                    }
                    tree.add(new LogHashes().entryHash(bytes));
                    lastBytes = bytes;
                }
            }
        } catch (SQLException e) {
            throw new AirlockException("log.store.read", "Cannot read the log '" + id + "': " + e.getMessage(), e);
        }
        if (first == null) {
            throw new AirlockException("log.store.damaged", "The log '" + id + "' has no entries");
        }
        return new LogState(tree.size(), first, codec.decode(lastBytes), tree, status);
    }

    static SignedNote finalNote(Connection connection, String id) throws AirlockException {
        return note(connection, id, "final_note");
    }

    static SignedNote sealNote(Connection connection, String id) throws AirlockException {
        return note(connection, id, "seal_note");
    }

    private static SignedNote note(Connection connection, String id, String column) throws AirlockException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + column + " FROM log_session WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                String text = row.next() ? row.getString(1) : null;
                if (text == null) {
                    throw new AirlockException("log.session.not-ended", "The log '" + id + "' has no "
                            + (column.equals("seal_note") ? "seal" : "final checkpoint") + " yet");
                }
                return SignedNote.parse(text);
            }
        } catch (SQLException e) {
            throw new AirlockException("log.store.read", "Cannot read the log '" + id + "': " + e.getMessage(), e);
        }
    }
}
