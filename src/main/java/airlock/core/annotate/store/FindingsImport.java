package airlock.core.annotate.store;

import airlock.core.AirlockException;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.ReanchorResult;
import airlock.core.export.AnnotationImporter;
import airlock.core.export.AnnotationsJsonReader;
import airlock.core.export.ImportedExport;
import airlock.core.log.LogVerification;
import airlock.core.log.LogVerifier;
import airlock.core.log.PinnedKeys;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.SourceTree;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Brings a previous {@code annotations.json} into the running session, the one path for the window
 * and {@code airlock annotations import}: the file is read as hostile input; when its session log
 * is given, the log is verified against the pinned keys (and its seal) and the export must match
 * it; then every finding is adopted as the inspector's own, re-anchored to the ref under review,
 * and recorded in the log one entry each.
 */
public final class FindingsImport {
    private final PinnedKeys trust;
    private final Clock clock;
    private final Supplier<String> ids;

    /** @param trust the workstation's pinned keys, needed only to check a log (may be null otherwise) */
    public FindingsImport(PinnedKeys trust, Clock clock, Supplier<String> ids) {
        this.trust = trust;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * What an import did.
     *
     * @param source   what the file said (session, bundle)
     * @param logCheck how the file matched its log, or null when no log was given
     * @param added    the new findings, in file order
     */
    public record Outcome(ImportedExport source, String logCheck, List<ReanchorResult> added) {
        public long count(AnchorState state) {
            return added.stream().filter(r -> r.state() == state).count();
        }
    }

    /**
     * @param log  the entries file of the session the export came from, or null
     * @param seal that log's seal, or null (then the log need not be sealed)
     */
    public Outcome run(Path file, Path log, Path seal, SourceTree tree, String ref, AnnotationService service)
            throws AirlockException {
        byte[] bytes = read(file, AnnotationsJsonReader.MAX_BYTES);
        ImportedExport imported = new AnnotationsJsonReader().read(new ByteArrayInputStream(bytes));
        String logCheck = null;
        if (log != null) {
            logCheck = checkLog(bytes, imported, log, seal);
        } else if (seal != null) {
            throw new AirlockException("annotations.import.log", "A seal was given without its session log; give both, or neither");
        }
        List<ReanchorResult> results = new AnnotationImporter(clock, ids).adopt(imported, tree, ref, service.inspector());
        service.addImported(results, imported.session().id());
        return new Outcome(imported, logCheck, results);
    }

    /**
     * Imports the bytes of an {@code annotations.json} the keeper received from the workstation (issue 16,
     * kexport): the same hostile-input reader, adoption and entries as {@link #run}, without a log to check.
     */
    public Outcome runBytes(byte[] bytes, SourceTree tree, String ref, AnnotationService service) throws AirlockException {
        return runBytes(bytes, null, tree, ref, service);
    }

    /** The bytes of the session log an export is checked against (entries, seal or null, disclosures or null), as received. */
    public record LogBytes(String name, byte[] entries, byte[] seal, byte[] disclosures) {
    }

    /**
     * As {@link #runBytes(byte[], SourceTree, String, AnnotationService)}, with the export first checked
     * against {@code log} (null: no check) exactly as {@link #run} checks the files it reads: the log
     * verified against this importer's pinned keys (and its seal when given), then the export matched
     * with it; nothing is imported when either fails (issue 16: the keeper's import with the check).
     */
    public Outcome runBytes(byte[] bytes, LogBytes log, SourceTree tree, String ref, AnnotationService service)
            throws AirlockException {
        if (bytes.length > AnnotationsJsonReader.MAX_BYTES) {
            throw new AirlockException("annotations.import.invalid", "The file is larger than any Airlock export");
        }
        ImportedExport imported = new AnnotationsJsonReader().read(new ByteArrayInputStream(bytes));
        String logCheck = log == null ? null : checkLog(bytes, imported, log.name(), log.entries(), log.seal(), log.disclosures());
        List<ReanchorResult> results = new AnnotationImporter(clock, ids).adopt(imported, tree, ref, service.inspector());
        service.addImported(results, imported.session().id());
        return new Outcome(imported, logCheck, results);
    }

    private String checkLog(byte[] bytes, ImportedExport imported, Path log, Path seal) throws AirlockException {
        if (trust == null) {
            throw new AirlockException("annotations.import.log", "No pinned keys to check the session log " + log + " against");
        }
        byte[] entries = read(log, Long.MAX_VALUE);
        byte[] sealBytes = seal == null ? null : read(seal, 1 << 20);
        Path disclosures = airlock.core.log.LogFiles.disclosuresFor(log);
        byte[] opened = Files.isRegularFile(disclosures) ? read(disclosures, Long.MAX_VALUE) : null;
        return checkLog(bytes, imported, String.valueOf(log.getFileName()), entries, sealBytes, opened);
    }

    private String checkLog(byte[] bytes, ImportedExport imported, String log, byte[] entries, byte[] sealBytes, byte[] opened)
            throws AirlockException {
        if (trust == null) {
            throw new AirlockException("annotations.import.log", "No pinned keys to check the session log " + log + " against");
        }
        LogVerification verdict;
        try {
            verdict = new LogVerifier(trust).verify(new ByteArrayInputStream(entries), sealBytes, sealBytes != null, ProgressMonitor.NONE);
        } catch (IOException e) {
            throw new AirlockException("annotations.import.read", "Cannot read the session log " + log + ": " + e.getMessage(), e);
        }
        if (!verdict.isValid()) {
            throw new AirlockException("annotations.import.log", "The session log " + log + " does not verify: "
                    + verdict.describe() + ". Nothing was imported.");
        }
        ExportLogCheck.Result match = new ExportLogCheck().check(bytes, imported, entries, opened);
        if (!match.matches()) {
            throw new AirlockException("annotations.import.log", "The export does not match its session log: " + match.reason()
                    + ". Nothing was imported.");
        }
        return match.reason();
    }

    private static byte[] read(Path file, long max) throws AirlockException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new AirlockException("annotations.import.read", file + " is not a regular file; choose the annotations.json"
                        + " of a previous export (and its session log)");
            }
            if (Files.size(file) > max) {
                throw new AirlockException("annotations.import.invalid", file.getFileName() + " is larger than any Airlock export");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AirlockException("annotations.import.read", "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
