package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.media.MediaFolder;
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
    private final LogStore store;
    private final SessionLog ledger;
    private final SafeWriter writer;

    public LogExport(LogStore store, SessionLog ledger, SafeWriter writer) {
        this.store = store;
        this.ledger = ledger;
        this.writer = writer;
    }

    /** The extension of the disclosures file that goes with {@code <stem>.log}. */
    public static final String DISCLOSURES = ".disclosures";

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
        return export(id, folder, archive, extras, null);
    }

    /**
     * As {@link #export(String, Path, boolean, List)}; with {@code trust} (the pinned keys an auditor
     * uses) the log and seal are verified twice with {@link LogVerifier}: as stored, before anything
     * is written (refused with {@code seal.verify.refused}, nothing written), and as read back from
     * the medium after writing (refused with {@code media.verify.failed}, the copy removed), before
     * the export is recorded. The folder is opened once and confirmed (same device, still mounted)
     * before every file and before the ledger entry.
     */
    public List<WrittenFile> export(String id, Path folder, boolean archive, List<Extra> extras, PinnedKeys trust)
            throws AirlockException {
        synchronized (store) {
            SignedNote seal = LogState.sealNote(store.connection(), id);
            byte[] entries = entriesFile(store, id);
            byte[] sealBytes = seal.text().getBytes(StandardCharsets.UTF_8);
            if (trust != null) {
                LogVerification stored = verify(trust, entries, sealBytes);
                if (!stored.isValid()) {
                    throw new AirlockException("seal.verify.refused", "The sealed log of session '" + id + "' as stored on this"
                            + " workstation does not verify against the pinned keys, so nothing was written: " + stored.describe());
                }
            }
            byte[] disclosures = disclosuresOf(id, extras);
            if (disclosures != null) {
                DisclosureVerification opened = new DisclosureVerifier().verify(entries, disclosures, id);
                if (!opened.valid()) {
                    throw new AirlockException("seal.verify.refused", "The disclosures of session '" + id + "' do not match"
                            + " the log's commitments, so nothing was written: " + opened.describe());
                }
            }
            String logName = stem(id) + ".log";
            String sealName = stem(id) + ".seal";
            List<WrittenFile> written = new ArrayList<>();
            try (MediaFolder target = MediaFolder.open(folder)) {
                try {
                    for (Extra extra : extras) {
                        written.add(writer.write(target, extra.name(), extra.content()));
                    }
                    written.add(writer.write(target, logName, entries));
                    written.add(writer.write(target, sealName, sealBytes));
                    if (trust != null) {
                        verifyOnMedium(target, id, logName, sealName, trust);
                    }
                    if (disclosures != null) {
                        verifyDisclosuresOnMedium(target, id, logName, stem(id) + DISCLOSURES);
                    }
                    target.confirm(null);
                } catch (AirlockException e) {
                    for (WrittenFile file : written) {
                        target.removeQuietly(file.path().getFileName().toString());
                    }
                    throw e;
                }
                record(id, archive, written);
            }
            return written;
        }
    }

    /** The bytes of the disclosures file among {@code extras}, or null when none goes with the log. */
    private static byte[] disclosuresOf(String id, List<Extra> extras) {
        for (Extra extra : extras) {
            if (extra.name().equals(stem(id) + DISCLOSURES)) {
                return extra.content();
            }
        }
        return null;
    }

    /** Each disclosure as read back from the medium opens its commitment in the log as read back. */
    private static void verifyDisclosuresOnMedium(MediaFolder target, String id, String logName, String name)
            throws AirlockException {
        DisclosureVerification onMedium;
        try {
            onMedium = new DisclosureVerifier().verify(target.readAll(logName), target.readAll(name), id);
        } catch (java.io.IOException e) {
            throw new AirlockException("media.readback.failed", name + " was not written: reading it back from "
                    + target.path() + " to verify it failed (" + e + "); the copy was removed. Use another stick.", e);
        }
        if (!onMedium.valid()) {
            throw new AirlockException("media.verify.failed", name + " was not written: as read back from " + target.path()
                    + " it does not match the log: " + onMedium.describe() + "; the copy was removed. Use another stick.");
        }
    }

    /** Verifies the log and seal as the medium returns them (past the page cache where it can). */
    private static void verifyOnMedium(MediaFolder target, String id, String logName, String sealName, PinnedKeys trust)
            throws AirlockException {
        LogVerification onMedium;
        try {
            onMedium = verify(trust, target.readAll(logName), target.readAll(sealName));
        } catch (java.io.IOException e) {
            throw new AirlockException("media.readback.failed", logName + " was not written: reading it back from "
                    + target.path() + " to verify it failed (" + e + "); the copy was removed. Use another stick.", e);
        }
        if (!onMedium.isValid()) {
            throw new AirlockException("media.verify.failed", logName + " was not written: the log of session '" + id
                    + "' as read back from " + target.path() + " does not verify: " + onMedium.describe()
                    + "; the copy was removed. Use another stick.");
        }
    }

    private static LogVerification verify(PinnedKeys trust, byte[] entries, byte[] seal) throws AirlockException {
        try {
            return new LogVerifier(trust).verify(new java.io.ByteArrayInputStream(entries), seal, true,
                    airlock.core.progress.ProgressMonitor.NONE);
        } catch (java.io.IOException e) {
            throw new AirlockException("seal.verify.failed", "Cannot verify the log before writing it: " + e.getMessage(), e);
        }
    }

    private void record(String id, boolean archive, List<WrittenFile> written) throws AirlockException {
        List<Map<String, Object>> files = new ArrayList<>();
        for (WrittenFile file : written) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", file.path().getFileName().toString());
            item.put("size", file.size());
            item.put("sha256", file.sha256());
            files.add(item);
        }
        recordFiles(id, archive, files);
    }

    /**
     * Records a media export written by another process (the workstation, issue 16) with the files'
     * names, sizes and SHA-256 ({@code name}, {@code size}, {@code sha256}), in the same entry and state
     * change as an export written here.
     */
    public LogEntry recordWritten(String id, List<Map<String, Object>> files) throws AirlockException {
        synchronized (store) {
            return recordFiles(id, false, files);
        }
    }

    private LogEntry recordFiles(String id, boolean archive, List<Map<String, Object>> fileList) throws AirlockException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session", id);
        data.put("target", archive ? "archive" : "media");
        List<Object> files = new ArrayList<>(fileList);
        data.put("files", files);
        return ledger.append("workstation", EntryType.EXPORT_WRITTEN, data, connection -> {
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
    }
}
