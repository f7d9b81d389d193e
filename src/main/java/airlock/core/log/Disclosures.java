package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.crypto.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The room's disclosure table ({@code log_disclosure}): the value and salt of every committed field,
 * written by {@link SessionLog} in the transaction of the entry that holds the commitment, and read
 * for the seal screen, the stick's {@code .disclosures} file and the room's archive (which keeps all).
 */
public final class Disclosures {
    private Disclosures() {
    }

    static void insert(Connection connection, List<Disclosure> disclosures) throws SQLException {
        if (disclosures.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO log_disclosure(session, seq, field, salt, value) VALUES (?, ?, ?, ?, ?)")) {
            for (Disclosure d : disclosures) {
                insert.setString(1, d.session());
                insert.setLong(2, d.entry());
                insert.setString(3, d.field());
                insert.setBytes(4, d.salt());
                insert.setBytes(5, CanonicalJson.write(d.value()));
                insert.executeUpdate();
            }
        }
    }

    /** Every disclosure of log {@code session}, by entry and field name. */
    public static List<Disclosure> list(LogStore store, String session) throws AirlockException {
        List<Disclosure> out = new ArrayList<>();
        synchronized (store) {
            try (PreparedStatement query = store.connection().prepareStatement(
                    "SELECT seq, field, salt, value FROM log_disclosure WHERE session = ? ORDER BY seq, field")) {
                query.setString(1, session);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        out.add(new Disclosure(session, rows.getLong(1), rows.getString(2), rows.getBytes(3),
                                CanonicalJson.parseStrict(rows.getBytes(4))));
                    }
                }
            } catch (SQLException e) {
                throw new AirlockException("log.store.read", "Cannot read the disclosures of log '" + session + "': "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The bytes of a {@code .disclosures} file: each disclosure's canonical line and LF, in the order given. */
    public static byte[] file(List<Disclosure> disclosures) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Disclosure d : disclosures) {
            out.writeBytes(d.line());
            out.write('\n');
        }
        return out.toByteArray();
    }
}
