package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.media.MediaFolder;
import airlock.core.media.SafeWriter;
import airlock.core.media.WriteHooks;
import airlock.core.media.WrittenFile;
import airlock.core.progress.ProgressMonitor;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Export and import of the open session's findings through the keeper (issue 16, kexport), the
 * workstation's half. Export: the keeper renders the files under its room policy; this process
 * fetches each, checks it against the size and SHA-256 the keeper named, writes it to the chosen
 * medium with the safe write (temporary name, forced, renamed, read back), compares the read-back
 * SHA-256 with the keeper's and only then reports the list; the keeper records the export only when
 * the list is exactly its own files. On any failure the files of the attempt are removed. Import:
 * this process reads the file from the medium (a regular file, no link followed, its size unchanged
 * while read) and sends its bytes; the keeper parses its own copy as hostile input and writes the
 * entries before it answers. Nothing of this process's judgement crosses.
 */
public final class KeeperFindingsTransfer {
    private final KeeperClient client;

    public KeeperFindingsTransfer(KeeperClient client) {
        this.client = client;
    }

    /** What the keeper imported: findings added, of which moved and outdated, its last entry, and how the export matched its log (or null). */
    public record Imported(int added, int moved, int outdated, long entry, String logCheck) {
    }

    /** Writes the export of {@code formats} (ids: json, sarif, html, md) to {@code folder}; returns the files once recorded. */
    public List<WrittenFile> export(List<String> formats, Path folder, ProgressMonitor monitor) throws AirlockException {
        Answer.FindingsExport rendered = client.call(new Request.FindingsExport(formats), Answer.FindingsExport.class);
        List<byte[]> contents = new ArrayList<>();
        long total = 0;
        for (Answer.ExportFileInfo info : rendered.files()) {
            monitor.checkCancelled();
            contents.add(fetch(info));
            total += info.size();
        }
        monitor.beginTask("Writing " + contents.size() + " files to " + folder, total);
        SafeWriter writer = new SafeWriter(WriteHooks.NONE);
        List<WrittenFile> written = new ArrayList<>();
        long done = 0;
        try (MediaFolder target = MediaFolder.open(folder)) {
            try {
                for (int i = 0; i < contents.size(); i++) {
                    monitor.checkCancelled();
                    Answer.ExportFileInfo info = rendered.files().get(i);
                    WrittenFile w = writer.write(target, info.name(), contents.get(i));
                    written.add(w);
                    if (!w.sha256().equals(info.sha256()) || w.size() != info.size()) {
                        throw new AirlockException("media.verify.failed", info.name() + " as read back from " + folder
                                + " is not the keeper's file (SHA-256 or size differs); the copies were removed. Use another stick.");
                    }
                    done += info.size();
                    monitor.update(done);
                }
                target.confirm(null);
                List<Request.WrittenFile> report = new ArrayList<>();
                for (WrittenFile w : written) {
                    report.add(new Request.WrittenFile(w.path().getFileName().toString(), w.size(), w.sha256()));
                }
                client.call(new Request.FindingsExported(report), Answer.Recorded.class);
            } catch (AirlockException | RuntimeException e) {
                for (WrittenFile file : written) {
                    target.removeQuietly(file.path().getFileName().toString());
                }
                throw e;
            }
        }
        monitor.endTask();
        return written;
    }

    /** One file's bytes, piece by piece, checked against the size and SHA-256 the keeper named. */
    private byte[] fetch(Answer.ExportFileInfo info) throws AirlockException {
        return ChunkedFetch.fetch(info.name(), info.size(), info.sha256(), offset -> {
            Answer.FindingsFileData p = client.call(new Request.FindingsFile(info.name(), offset, Limits.MAX_SEAL_CHUNK),
                    Answer.FindingsFileData.class);
            return new ChunkedFetch.Piece(p.name(), p.offset(), p.data(), p.size(), p.sha256(), p.end());
        }, "it named", new ChunkedFetch.Mismatch("keeper.protocol", "The keeper's bytes of " + info.name()
                + " do not have the SHA-256 it named."));
    }

    /** Sends {@code file}'s bytes (a regular file on the medium) for the keeper to import; returns what it imported. */
    public Imported importFile(Path file, ProgressMonitor monitor) throws AirlockException {
        return importFile(file, null, null, monitor);
    }

    /**
     * As {@link #importFile(Path, ProgressMonitor)}, checked against the session log the export came
     * from (protocol version 5): {@code log} (the entries file, or null: no check), its {@code seal}
     * (or null) and the disclosures file beside the log when there is one are sent too, and the keeper
     * verifies the log against its own pinned keys and matches the export with it before it imports.
     */
    public Imported importFile(Path file, Path log, Path seal, ProgressMonitor monitor) throws AirlockException {
        if (seal != null && log == null) {
            throw new KeeperException("annotations.import.log", "A seal was given without its session log; give both, or neither");
        }
        long size = regularSize(file, Limits.MAX_IMPORT_BYTES);
        Path fileName = file.getFileName();
        String name = KeeperBundleUpload.sanitize(fileName == null ? "annotations.json" : fileName.toString());
        if (name.length() > Limits.MAX_SEAL_FILE_NAME) {
            name = name.substring(0, Limits.MAX_SEAL_FILE_NAME);
        }
        long upload = client.call(new Request.FindingsImportBegin(name, size), Answer.FindingsImportProgress.class).upload();
        boolean whole = false;
        try {
            send(upload, file, size, monitor);
            if (log != null) {
                attach(upload, "log", log, Limits.MAX_IMPORT_BYTES, monitor);
                if (seal != null) {
                    attach(upload, "seal", seal, Limits.MAX_IMPORT_SEAL_BYTES, monitor);
                }
                Path disclosures = airlock.core.log.LogFiles.disclosuresFor(log);
                if (Files.isRegularFile(disclosures, LinkOption.NOFOLLOW_LINKS)) {
                    attach(upload, "disclosures", disclosures, Limits.MAX_IMPORT_BYTES, monitor);
                }
            }
            whole = true;
        } finally {
            if (!whole) {
                cancelQuietly(upload); // cancelled or unreadable: the keeper drops its copy now (findings.import.cancel)
            }
        }
        Answer.FindingsImported done = client.call(new Request.FindingsImportFinish(upload), Answer.FindingsImported.class);
        monitor.endTask();
        return new Imported(done.added(), done.moved(), done.outdated(), done.entry(), done.logCheck());
    }

    private void attach(long upload, String part, Path file, long max, ProgressMonitor monitor) throws AirlockException {
        long size = regularSize(file, max);
        long number = client.call(new Request.FindingsImportAttach(upload, part, size), Answer.FindingsImportProgress.class).upload();
        send(number, file, size, monitor);
    }

    /** The size of {@code file}, a regular file (no link followed) of 1 to {@code max} bytes. */
    private static long regularSize(Path file, long max) throws AirlockException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new KeeperException("annotations.import.read", "Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!a.isRegularFile()) {
            throw new KeeperException("annotations.import.read", file.getFileName() + " is not a regular file (a link is not followed).");
        }
        if (a.size() < 1 || a.size() > max) {
            throw new KeeperException("annotations.import.invalid", file.getFileName() + " has " + a.size()
                    + " bytes; an Airlock export or log file has 1 to " + max + ".");
        }
        return a.size();
    }

    /** Sends {@code size} bytes of {@code file} as upload {@code upload}'s chunks; refuses a file that changes size while read. */
    private void send(long upload, Path file, long size, ProgressMonitor monitor) throws AirlockException {
        Path fileName = file.getFileName();
        monitor.beginTask("Sending " + fileName + " to the keeper", size);
        byte[] buffer = new byte[Limits.MAX_UPLOAD_CHUNK];
        long sent = 0;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            while (sent < size) {
                monitor.checkCancelled();
                int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, size - sent));
                if (n <= 0) {
                    throw new KeeperException("annotations.import.read", fileName + " became shorter while it was read; is the stick still in?");
                }
                client.call(new Request.FindingsImportChunk(upload, sent, java.util.Arrays.copyOf(buffer, n)),
                        Answer.FindingsImportProgress.class);
                sent += n;
                monitor.update(sent);
            }
            if (in.read() >= 0) {
                throw new KeeperException("annotations.import.read", fileName + " grew while it was read; nothing was imported.");
            }
        } catch (IOException e) {
            throw new KeeperException("annotations.import.read", "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Tells the keeper to discard an import given up; a failure (e.g. the keeper already dropped it) changes nothing here. */
    private void cancelQuietly(long upload) {
        try {
            client.call(new Request.FindingsImportCancel(upload), Answer.FindingsImportProgress.class);
        } catch (KeeperException e) {
            // the import is not the keeper's current one any more, or the connection is gone: nothing to discard
        }
    }
}
