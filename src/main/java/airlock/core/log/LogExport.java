package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.media.SafeName;
import airlock.core.media.SafeWriter;
import airlock.core.media.WrittenFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a sealed session's log ({@code <stem>.log}, one entry per line) and seal
 * ({@code <stem>.seal}) to a folder with the safe-write protocol. Only when both copies verified
 * is the session marked exported and the export recorded in the ledger; otherwise it stays sealed
 * and safe on the workstation and the export can be retried onto another stick.
 */
public final class LogExport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LogExport.class);
    private final LogStore store;
    private final SessionLog ledger;
    private final SafeWriter writer;

    public LogExport(LogStore store, SessionLog ledger, SafeWriter writer) {
        this.store = store;
        this.ledger = ledger;
        this.writer = writer;
    }

    public static String stem(String id) {
        return "session-" + SafeName.stem(id);
    }

    /** The stored state of log {@code id}: open, ended, sealed or exported; null when there is none. */
    public static String status(LogStore store, String id) throws AirlockException {
        synchronized (store) {
            return LogState.status(store.connection(), id);
        }
    }

    /** The final checkpoint of an ended session (workstation signature only), as the supervisor will sign it. */
    public static SignedNote finalNote(LogStore store, String id) throws AirlockException {
        synchronized (store) {
            return LogState.finalNote(store.connection(), id);
        }
    }

    /** The seal of a sealed session (final checkpoint with the supervisor's line). */
    public static SignedNote sealNote(LogStore store, String id) throws AirlockException {
        synchronized (store) {
            return LogState.sealNote(store.connection(), id);
        }
    }

    /** The exact bytes of the entries file: each entry's canonical bytes followed by LF. */
    public static byte[] entriesFile(LogStore store, String id) throws AirlockException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionLog.readEntries(store, id, entry -> {
            out.writeBytes(entry);
            out.write('\n');
        });
        return out.toByteArray();
    }

    /** Writes log and seal into {@code folder}; {@code archive} true when writing the local archive copy. */
    public List<WrittenFile> export(String id, Path folder, boolean archive) throws AirlockException {
        return export(id, folder, archive, List.of());
    }

    /** A file that leaves the room with the log (an annotation export): its safe name and exact bytes. */
    public record Extra(String name, byte[] content) {
    }

    /**
     * Writes {@code extras}, then the log, then the seal (last, so a folder holding a seal holds the
     * whole export), and records all of them in one ledger entry. If any write fails, the files this
     * call already wrote are removed again where the stick allows, so a retry onto the same folder
     * starts clean.
     */
    public List<WrittenFile> export(String id, Path folder, boolean archive, List<Extra> extras) throws AirlockException {
        synchronized (store) {
            SignedNote seal = LogState.sealNote(store.connection(), id);
            byte[] entries = entriesFile(store, id);
            List<WrittenFile> written = new ArrayList<>();
            try {
                for (Extra extra : extras) {
                    written.add(writer.write(folder, extra.name(), extra.content()));
                }
                written.add(writer.write(folder, stem(id) + ".log", entries));
                written.add(writer.write(folder, stem(id) + ".seal", seal.text().getBytes(StandardCharsets.UTF_8)));
            } catch (AirlockException e) {
                removeQuietly(written);
                throw e;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("session", id);
            data.put("target", archive ? "archive" : "media");
            List<Object> files = new ArrayList<>();
            for (WrittenFile file : written) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", file.path().getFileName().toString());
                item.put("size", file.size());
                item.put("sha256", file.sha256());
                files.add(item);
            }
            data.put("files", files);
            ledger.append("workstation", EntryType.EXPORT_WRITTEN, data, connection -> {
                if (archive) {
                    return;
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE log_session SET state = 'exported' WHERE id = ? AND state IN ('sealed', 'exported')")) {
                    update.setString(1, id);
                    if (update.executeUpdate() != 1) {
                        throw new SQLException("the session is not sealed");
                    }
                }
            });
            return written;
        }
    }

    private static void removeQuietly(List<WrittenFile> written) {
        for (WrittenFile file : written) {
            try {
                java.nio.file.Files.deleteIfExists(file.path());
            } catch (java.io.IOException e) {
                LOG.warn("could not remove {} after the export failed (the stick may be gone): {}", file.path(), e.toString());
            }
        }
    }
}
