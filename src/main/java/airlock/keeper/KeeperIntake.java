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
        ImportResult result = new BundleIntake(home, clock, IntakeLimits.defaults())
                .importBundle(new BundleFiles(folder), Optional.empty(), ProgressMonitor.NONE);
        Map<String, Object> verified = new LinkedHashMap<>();
        verified.put("folder", folder.toString());
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
        data.put("folder", folder.toString());
        data.put("already", result.alreadyImported());
        logs.recordInLedger("workstation", EntryType.BUNDLE_IMPORTED, data);
        indexes.queue(id);
        return new Answer.BundleImported(id, KeeperService.clip(imported.label(), Limits.MAX_MESSAGE),
                KeeperService.clip(imported.manifest().reviewRef(), Limits.MAX_REF), result.alreadyImported());
    }
}
