package airlock.keeper;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.ImportResult;
import airlock.core.bundle.IntakeLimits;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoProject;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.SourceTree;
import airlock.core.symbols.IndexBuilder;
import airlock.core.symbols.SymbolIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Demo only ({@code app/airlock} with no arguments starts {@code airlock keeper --prepare-demo}):
 * before the keeper opens the demo home, this makes it what the in-process demo made it — the demo
 * room policy with the PIN the demo shows, a fresh bundle of the project's own history signed by the
 * demo vendor key on the demo media folder and accepted through the real intake, and the bundle's
 * symbol index (the keeper does not build indexes itself yet). It runs in the keeper's process, on
 * the keeper's side of the boundary; the workstation then only starts a session on the bundle.
 */
public final class DemoKeeperHome {
    private DemoKeeperHome() {
    }

    /** Prepares {@code demo.home()} (created with mode 700, as the keeper requires); returns the new bundle's id. */
    public static String prepare(DemoProject demo, Clock clock, ProgressMonitor monitor) throws AirlockException {
        Path homeDir = demo.home();
        try {
            Files.createDirectories(homeDir);
            // the demo home is this account's own build output; the keeper refuses a home others can read
            Files.setPosixFilePermissions(homeDir, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(demo.media());
        } catch (IOException | UnsupportedOperationException e) {
            throw new AirlockException("demo.home", "Cannot prepare the demo home " + homeDir + ": " + e.getMessage(), e);
        }
        AirlockHome home = AirlockHome.open(homeDir);
        WorkstationId.loadOrCreate(home, new SecureRandom());
        DemoRoom.install(home, new SecureRandom());
        // the demo supervisor (issue 16, kseal): pinned here, the key on the folder that plays their stick
        airlock.core.demo.DemoSupervisor.install(home, demo.media().resolveSibling("demo-supervisor-stick"));
        BundleIntake intake = new BundleIntake(home, clock, IntakeLimits.defaults());
        intake.discardUnfinished();
        BundleFiles files = new DemoMedia(demo, clock).prepare(home, monitor);
        ImportResult imported = intake.importBundle(files, Optional.empty(), monitor);
        if (!imported.verification().accepted() || imported.storeFolder().isEmpty()) {
            throw new AirlockException("demo.bundle", "The demo bundle was not accepted: " + imported.verification());
        }
        String id = imported.storeFolder().get().getFileName().toString();
        BundleStore store = new BundleStore(home);
        try (SourceTree source = store.open(store.get(id))) {
            Path index = SymbolIndex.fileFor(home.databases(), source.commitOf(source.reviewRef()));
            new IndexBuilder(source, source.reviewRef(), index).build(List.of(), monitor);
        }
        return id;
    }
}
