package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Verifies an exported log from files: {@code session-….log} and the seal next to it
 * ({@code session-….seal}). Used by {@code airlock log verify} and the verify screen.
 */
public final class LogFiles {
    private LogFiles() {
    }

    /** The entries file named by {@code path}: the file itself, or the one .log file in a folder. */
    public static Path entriesFile(Path path) throws AirlockException {
        if (Files.isDirectory(path)) {
            List<Path> logs;
            try (Stream<Path> listing = Files.list(path)) {
                logs = listing.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
            } catch (IOException e) {
                throw new AirlockException("log.file.unreadable", "Cannot list " + path + ": " + e.getMessage(), e);
            }
            if (logs.size() != 1) {
                throw new AirlockException("log.file.ambiguous", "The folder " + path + " holds " + logs.size()
                        + " .log files; name the log file to verify");
            }
            return logs.get(0);
        }
        if (!Files.isRegularFile(path)) {
            throw new AirlockException("log.file.missing", "There is no log file at " + path);
        }
        return path;
    }

    /** The seal that belongs next to {@code entries}: same name, extension .seal. */
    public static Path sealFor(Path entries) {
        String name = entries.getFileName().toString();
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        return entries.resolveSibling(stem + ".seal");
    }

    /** The disclosures that belong next to {@code entries}: same name, extension .disclosures. */
    public static Path disclosuresFor(Path entries) {
        String name = entries.getFileName().toString();
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        return entries.resolveSibling(stem + LogExport.DISCLOSURES);
    }

    /**
     * Checks {@code disclosures} against the entries file {@code entries} of {@code session}, which
     * must already have verified (see {@link DisclosureVerifier}).
     */
    public static DisclosureVerification verifyDisclosures(Path entries, Path disclosures, String session)
            throws AirlockException {
        byte[] log;
        try {
            log = Files.readAllBytes(entries);
        } catch (IOException e) {
            throw new AirlockException("log.file.unreadable", "Cannot read " + entries + ": " + e.getMessage(), e);
        }
        byte[] lines;
        try {
            lines = Files.readAllBytes(disclosures);
        } catch (IOException e) {
            throw new AirlockException("log.file.unreadable", "Cannot read " + disclosures + ": " + e.getMessage(), e);
        }
        return new DisclosureVerifier().verify(log, lines, session);
    }

    /**
     * Verifies {@code entries} against {@code seal} (absent or empty: no seal). Only the first
     * {@link SignedNote#MAX_NOTE_BYTES} + 1 bytes of the seal are read: a larger one is reported
     * as a malformed seal at the seal step, like any other seal that cannot be read.
     */
    public static LogVerification verify(Path entries, Path seal, PinnedKeys trust, ProgressMonitor monitor)
            throws AirlockException, CancelledException {
        try (InputStream in = Files.newInputStream(entries)) {
            byte[] sealBytes = null;
            if (seal != null && Files.isRegularFile(seal)) {
                try (InputStream sealIn = Files.newInputStream(seal)) {
                    sealBytes = sealIn.readNBytes(SignedNote.MAX_NOTE_BYTES + 1);
                }
            }
            return new LogVerifier(trust).verify(in, sealBytes, true, monitor);
        } catch (IOException e) {
            throw new AirlockException("log.file.unreadable", "Cannot read " + entries + ": " + e.getMessage(), e);
        }
    }

    /**
     * When {@code entries} is named like an Airlock export ({@code session-….log}) but not with the
     * name Airlock gives session {@code session}'s export ({@link LogExport#stem}: the id in lower
     * case, other characters as '-'), that name; else null (the names agree, or the file was given
     * another name such as {@code session.log}, which is not compared).
     */
    public static String exportNameMismatch(Path entries, String session) {
        String name = entries.getFileName().toString();
        if (session == null || !name.startsWith("session-") || !name.endsWith(".log")) {
            return null;
        }
        String expected = LogExport.stem(session) + ".log";
        return name.equals(expected) ? null : expected;
    }
}
