package airlock.core.log;

import airlock.core.AirlockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/** Re-verifies one stored log: contiguous sequence numbers, canonical entries, stored hashes and prev links. */
final class ChainCheck {
    private final Connection connection;
    private final String id;
    private long goodPrefix;

    ChainCheck(Connection connection, String id) {
        this.connection = connection;
        this.id = id;
    }

    /** Number of entries from 0 that passed, valid after {@link #run()}. */
    long goodPrefix() {
        return goodPrefix;
    }

    /** Returns the first problem found, or null when the whole chain is intact. */
    String run() throws SQLException {
        EntryCodec codec = new EntryCodec();
        byte[] prev = LogHashes.genesisPrev();
        long expected = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seq, bytes, hash FROM log_entry WHERE session = ? ORDER BY seq")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    if (seq != expected) {
                        return "entry " + expected + " is missing (next stored entry is " + seq + ")";
                    }
                    LogEntry entry;
                    try {
                        entry = codec.decode(rows.getBytes(2));
                    } catch (AirlockException e) {
                        return "entry " + seq + ": " + e.getMessage();
                    }
                    if (entry.seq() != seq || !Arrays.equals(entry.hash(), rows.getBytes(3))) {
                        return "entry " + seq + " does not match its stored hash";
                    }
                    if (!Arrays.equals(entry.prev(), prev)) {
                        return "entry " + seq + " does not link to entry " + (seq - 1);
                    }
                    prev = entry.hash();
                    expected++;
                    goodPrefix = expected;
                }
            }
        }
        return null;
    }
}
