package airlock.core.log;

import airlock.core.AirlockException;
import java.sql.Connection;
import java.sql.SQLException;

/** A feature's own database work, run inside the log entry's transaction (both commit or neither). */
@FunctionalInterface
public interface SqlAction {
    SqlAction NONE = connection -> { };

    void run(Connection connection) throws SQLException, AirlockException;
}
