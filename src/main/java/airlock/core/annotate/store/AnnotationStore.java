package airlock.core.annotate.store;

import airlock.core.AirlockException;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Bookmark;
import airlock.core.annotate.ReviewMark;
import airlock.core.export.AnnotationCodec;
import airlock.core.export.BundleIdentity;
import airlock.core.export.ImportException;
import airlock.core.log.SqlAction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Annotations and review marks of each session, in the workstation database. Changes are only
 * made through the {@link SqlAction}s this class hands out, which the session log runs in the
 * same transaction as the change's log entry; this class's own connection migrates its tables
 * and reads.
 */
public final class AnnotationStore implements AutoCloseable {
    private final Connection connection;
    private final ObjectMapper mapper = new ObjectMapper();

    private AnnotationStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens the annotation tables in the database file the log store uses (open the log store first). */
    public static AnnotationStore open(Path databaseFile) throws AirlockException {
        airlock.core.sqlite.NativeSqlite.install();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5_000);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile.toAbsolutePath(), config.toProperties());
            try {
                AnnotationSchema.migrate(connection);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new AnnotationStore(connection);
        } catch (SQLException e) {
            throw new AirlockException("annotations.store.open", "Cannot open the annotation tables in " + databaseFile + ": " + e.getMessage(), e);
        }
    }

    /** The session's live annotations, in creation order. */
    public List<Annotation> list(String session) throws AirlockException {
        List<Annotation> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT json FROM annot_annotation WHERE session = ? AND deleted = 0 ORDER BY seq")) {
            q.setString(1, session);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(parse(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return out;
    }

    public Optional<Annotation> find(String session, String id) throws AirlockException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT json FROM annot_annotation WHERE session = ? AND id = ? AND deleted = 0")) {
            q.setString(1, session);
            q.setString(2, id);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? Optional.of(parse(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    public List<ReviewMark> reviewMarks(String session) throws AirlockException {
        List<ReviewMark> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT json FROM annot_review_mark WHERE session = ? AND removed = 0 ORDER BY rowid")) {
            q.setString(1, session);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    JsonNode n = mapper.readTree(rows.getString(1));
                    out.add(new ReviewMark(n.path("id").asText(), n.path("ref").asText(), n.path("path").asText(), n.path("blobId").asText(),
                            n.path("firstLine").asInt(), n.path("lastLine").asInt(), n.path("author").asText(), Instant.parse(n.path("created").asText())));
                }
            }
        } catch (SQLException | JsonProcessingException | RuntimeException e) {
            throw readFailed(e);
        }
        return out;
    }

    /** The session's bookmarks, oldest first. */
    public List<Bookmark> bookmarks(String session) throws AirlockException {
        List<Bookmark> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT json FROM annot_bookmark WHERE session = ? ORDER BY rowid")) {
            q.setString(1, session);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    JsonNode n = mapper.readTree(rows.getString(1));
                    out.add(new Bookmark(n.path("id").asText(), n.path("ref").asText(), n.path("path").asText(), n.path("line").asInt(),
                            n.path("label").asText(), n.path("author").asText(), Instant.parse(n.path("created").asText())));
                }
            }
        } catch (SQLException | JsonProcessingException | RuntimeException e) {
            throw readFailed(e);
        }
        return out;
    }

    /** Remembers which bundle a session reviews (for exports made later, e.g. from the command line). */
    public void recordBundle(String session, BundleIdentity bundle) throws AirlockException {
        try (PreparedStatement u = connection.prepareStatement("INSERT OR REPLACE INTO annot_session(session, bundle_json) VALUES (?, ?)")) {
            u.setString(1, session);
            u.setString(2, mapper.writeValueAsString(bundle));
            u.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new AirlockException("annotations.store.write", "Cannot record the bundle of session " + session + ": " + e.getMessage(), e);
        }
    }

    public Optional<BundleIdentity> bundle(String session) throws AirlockException {
        try (PreparedStatement q = connection.prepareStatement("SELECT bundle_json FROM annot_session WHERE session = ?")) {
            q.setString(1, session);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? Optional.of(mapper.readValue(rows.getString(1), BundleIdentity.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw readFailed(e);
        }
    }

    SqlAction insert(String session, Annotation a) throws AirlockException {
        String json = json(a);
        return c -> {
            try (PreparedStatement u = c.prepareStatement("INSERT INTO annot_annotation(session, id, seq, json) VALUES (?, ?,"
                    + " (SELECT coalesce(max(seq), 0) + 1 FROM annot_annotation WHERE session = ?), ?)")) {
                u.setString(1, session);
                u.setString(2, a.id());
                u.setString(3, session);
                u.setString(4, json);
                u.executeUpdate();
            }
        };
    }

    SqlAction update(String session, Annotation a) throws AirlockException {
        String json = json(a);
        return c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE annot_annotation SET json = ? WHERE session = ? AND id = ? AND deleted = 0")) {
                u.setString(1, json);
                u.setString(2, session);
                u.setString(3, a.id());
                if (u.executeUpdate() != 1) {
                    throw new SQLException("annotation " + a.id() + " is not in session " + session);
                }
            }
        };
    }

    SqlAction delete(String session, String id) {
        return exactlyOne("UPDATE annot_annotation SET deleted = 1 WHERE session = ? AND id = ? AND deleted = 0",
                "annotation " + id + " is not in session " + session, session, id);
    }

    SqlAction insertMark(String session, ReviewMark mark, String json) {
        return exactlyOne("INSERT INTO annot_review_mark(session, id, json) VALUES (?, ?, ?)",
                "review mark " + mark.id() + " was not stored", session, mark.id(), json);
    }

    SqlAction removeMark(String session, String id) {
        return exactlyOne("UPDATE annot_review_mark SET removed = 1 WHERE session = ? AND id = ? AND removed = 0",
                "review mark " + id + " is not in session " + session, session, id);
    }

    SqlAction insertBookmark(String session, Bookmark bookmark, String json) {
        return exactlyOne("INSERT INTO annot_bookmark(session, id, json) VALUES (?, ?, ?)",
                "bookmark " + bookmark.id() + " was not stored", session, bookmark.id(), json);
    }

    /** One statement that must change exactly one row, or the transaction fails with {@code otherwise}. */
    private static SqlAction exactlyOne(String sql, String otherwise, String... values) {
        return c -> {
            try (PreparedStatement u = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    u.setString(i + 1, values[i]);
                }
                if (u.executeUpdate() != 1) {
                    throw new SQLException(otherwise);
                }
            }
        };
    }

    String json(Object value) throws AirlockException {
        try {
            return mapper.writeValueAsString(value instanceof Annotation a ? AnnotationCodec.complete(a) : value);
        } catch (JsonProcessingException e) {
            throw new AirlockException("annotations.store.write", "Cannot encode an annotation: " + e.getMessage(), e);
        }
    }

    private Annotation parse(String json) throws AirlockException {
        try {
            return AnnotationCodec.fromJson(mapper.readTree(json));
        } catch (JsonProcessingException | ImportException e) {
            throw new AirlockException("annotations.store.damaged", "A stored annotation cannot be read (" + e.getMessage()
                    + "); the database may be damaged", e);
        }
    }

    private static AirlockException readFailed(Exception e) {
        return new AirlockException("annotations.store.read", "Cannot read annotations: " + e.getMessage(), e);
    }

    @Override
    public void close() throws AirlockException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new AirlockException("annotations.store.close", "Cannot close the annotation tables: " + e.getMessage(), e);
        }
    }
}
