package airlock.keeper;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.ImportResult;
import airlock.core.bundle.IntakeLimits;
import airlock.core.home.AirlockHome;
import airlock.core.log.EntryType;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.WorkstationLogs;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bundle intake inside the keeper (issue 16): the workstation names a bundle folder on the stick; the
 * keeper reads it with its own account, verifies it against its own trust list and intake limits,
 * imports it into its store, records both steps in the workstation ledger ({@code bundle.verified},
 * then {@code bundle.imported}) and queues the build of the bundle's indexes. The workstation never
 * writes the store, and cannot name anything but a folder: no hash, no key, no verdict.
 */
final class KeeperIntake {
    private final AirlockHome home;
    private final Clock clock;
    private final BundleStore bundles;
    private final WorkstationLogs logs;
    private final KeeperIndexes indexes;

    KeeperIntake(AirlockHome home, Clock clock, BundleStore bundles, WorkstationLogs logs, KeeperIndexes indexes) {
        this.home = home;
        this.clock = clock;
        this.bundles = bundles;
        this.logs = logs;
        this.indexes = indexes;
    }

    KeeperIndexes indexes() {
        return indexes;
    }

    Answer importBundle(String path) throws AirlockException {
        Path folder = Path.of(path).normalize();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new AirlockException("bundle.not.found", "There is no bundle folder at " + KeeperService.clip(path, 300)
                    + " that the keeper can read (a symbolic link is not followed).");
        }
        return importFolder(folder, folder.toString(), false);
    }

    /**
     * Verifies {@code folder} against the keeper's own trust list and imports it; {@code named} is what the
     * ledger calls it (the path, or for an upload the folder's name the workstation gave).
     */
    private Answer importFolder(Path folder, String named, boolean uploaded) throws AirlockException {
        ImportResult result = new BundleIntake(home, clock, IntakeLimits.defaults())
                .importBundle(new BundleFiles(folder), Optional.empty(), ProgressMonitor.NONE);
        Map<String, Object> verified = new LinkedHashMap<>();
        verified.put("folder", named);
        if (uploaded) {
            verified.put("upload", true);
        }
        verified.put("verdict", result.verification().accepted() ? "accepted" : "refused");
        verified.put("reason", result.verification().reason());
        logs.recordInLedger("workstation", EntryType.BUNDLE_VERIFIED, verified);
        if (!result.verification().accepted()) {
            throw new AirlockException("bundle.refused", "The bundle was refused: " + result.verification().summary());
        }
        String id = result.storeFolder().orElseThrow().getFileName().toString();
        BundleStore.Imported imported = bundles.get(id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bundle", id);
        data.put("vendor", imported.manifest().vendor());
        data.put("product", imported.manifest().product());
        data.put("version", imported.manifest().version());
        data.put("folder", named);
        if (uploaded) {
            data.put("upload", true);
        }
        data.put("already", result.alreadyImported());
        logs.recordInLedger("workstation", EntryType.BUNDLE_IMPORTED, data);
        indexes.queue(id);
        return new Answer.BundleImported(id, KeeperService.clip(imported.label(), Limits.MAX_MESSAGE),
                KeeperService.clip(imported.manifest().reviewRef(), Limits.MAX_REF), result.alreadyImported());
    }

    // ----- intake from the workstation's medium (issue 16, kwire) -----

    /** The upload under way (one at a time: a new begin discards an unfinished one). */
    private Upload upload;
    private long nextUpload = 1;

    /** A bundle folder the workstation is sending: the keeper's own staging copy, file by file, in order. */
    private static final class Upload {
        final long id;
        final String name;
        final Path folder;
        final long[] sizes;
        final long[] received = new long[3];

        Upload(long id, String name, Path folder, long[] sizes) {
            this.id = id;
            this.name = name;
            this.folder = folder;
            this.sizes = sizes;
        }

        long expected() {
            return sizes[0] + sizes[1] + sizes[2];
        }

        long received() {
            return received[0] + received[1] + received[2];
        }
    }

    private static final String[] UPLOAD_FILES = {BundleFiles.MANIFEST, BundleFiles.SIGNATURE, BundleFiles.GIT_BUNDLE};

    Answer beginUpload(airlock.protocol.Request.UploadBegin b) throws AirlockException {
        discardUpload();
        IntakeLimits limits = IntakeLimits.defaults();
        if (b.manifestSize() > limits.maxManifestBytes() || b.signatureSize() > limits.maxSignatureBytes()
                || b.bundleSize() > limits.maxBundleBytes()) {
            throw new AirlockException("bundle.upload.size", "The bundle's files are larger than the keeper's intake limits allow.");
        }
        Path folder;
        try {
            Files.createDirectories(home.staging());
            folder = Files.createTempDirectory(home.staging(), "upload-");
            for (String name : UPLOAD_FILES) {
                Files.createFile(folder.resolve(name));
            }
        } catch (java.io.IOException e) {
            throw new AirlockException(airlock.protocol.Errors.INTERNAL, "The keeper cannot stage the upload: " + e.getMessage(), e);
        }
        upload = new Upload(nextUpload++, b.name(), folder, new long[] {b.manifestSize(), b.signatureSize(), b.bundleSize()});
        return new Answer.Upload(upload.id, 0, upload.expected());
    }

    Answer uploadChunk(airlock.protocol.Request.UploadChunk c) throws AirlockException {
        Upload u = current(c.upload());
        int file = switch (c.file()) {
            case "manifest" -> 0;
            case "signature" -> 1;
            default -> 2;
        };
        byte[] data = c.data();
        if (c.offset() != u.received[file]) {
            throw new AirlockException("bundle.upload.order", "The keeper has " + u.received[file] + " bytes of the " + c.file()
                    + ", not " + c.offset() + "; chunks come in order.");
        }
        if (u.received[file] + data.length > u.sizes[file]) {
            throw new AirlockException("bundle.upload.size", "The " + c.file() + " is longer than the " + u.sizes[file]
                    + " bytes announced.");
        }
        try {
            Files.write(u.folder.resolve(UPLOAD_FILES[file]), data, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            discardUpload();
            throw new AirlockException(airlock.protocol.Errors.INTERNAL, "The keeper cannot stage the upload: " + e.getMessage(), e);
        }
        u.received[file] += data.length;
        return new Answer.Upload(u.id, u.received(), u.expected());
    }

    /** Every byte received: verify the keeper's own copy against its own trust list, import, record; then discard the copy. */
    Answer finishUpload(airlock.protocol.Request.UploadFinish f) throws AirlockException {
        Upload u = current(f.upload());
        if (u.received() != u.expected()) {
            throw new AirlockException("bundle.upload.incomplete", "The keeper has " + u.received() + " of the " + u.expected()
                    + " bytes announced; send the rest or begin again.");
        }
        try {
            return importFolder(u.folder, u.name, true);
        } finally {
            discardUpload();
        }
    }

    Answer cancelUpload(airlock.protocol.Request.UploadCancel c) throws AirlockException {
        Upload u = current(c.upload());
        discardUpload();
        return new Answer.Upload(u.id, 0, u.expected());
    }

    private Upload current(long id) throws AirlockException {
        if (upload == null || upload.id != id) {
            throw new AirlockException("bundle.upload.unknown", "Upload " + id + " is not the one under way; begin again.");
        }
        return upload;
    }

    /** Deletes the staged copy of the upload under way, if any. */
    void discardUpload() {
        Upload u = upload;
        upload = null;
        if (u != null) {
            try {
                for (String name : UPLOAD_FILES) { // the staging folder holds these three files and nothing else
                    Files.deleteIfExists(u.folder.resolve(name));
                }
                Files.deleteIfExists(u.folder);
            } catch (java.io.IOException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(KeeperIntake.class).warn("cannot discard the staged upload {}", u.folder, e);
            }
        }
    }
}
