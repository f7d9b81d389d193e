package airlock.ui;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.IntakeLimits;
import airlock.core.bundle.MediaLocations;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoOpening;
import airlock.core.demo.DemoProject;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.core.room.StartMode;
import airlock.ui.room.RoomGate;
import airlock.ui.intake.IntakeView;
import airlock.ui.intake.IntakeViewModel;
import airlock.ui.main.MenuId;
import airlock.ui.task.BackgroundTask;
import javafx.scene.control.MenuItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application and composition root, in the {@link StartMode} decided once at start.
 * The real workstation ({@code airlock workstation}, {@code airlock} alone) opens the room's home only
 * when its set-up is complete ({@link RoomGate}: otherwise the not-set-up screen, never a demo
 * credential). The demo ({@code airlock demo}, {@code app/airlock} alone) goes through the real
 * intake: a demo vendor key signs a bundle of this project's own history (from the folder named by
 * {@code airlock.project.dir}, set by {@code app/airlock}) onto the demo media folder, and the intake
 * screen shows it; the demo home lives under the build output. Everything of the demo is reached
 * only through {@link #demo} (null in the real workstation) and {@link #installDemoRoom}.
 */
public final class AirlockApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(AirlockApp.class);
    private WorkstationWindow window;
    private airlock.core.session.WorkstationLogs logs;
    /** The session manager's count of refused supervisor credentials, which the seal screen counts on too (null without sessions). */
    private airlock.core.session.SupervisorLockout lockout;
    private airlock.core.annotate.store.AnnotationStore annotations;
    private airlock.ui.session.SessionFeature sessions;
    private KeeperWorkstation keeperWorkstation;
    /** The keeper's socket ({@code -Dairlock.keeper.socket=PATH}); when set, this process opens no file of the home. */
    public static final String KEEPER_SOCKET = "airlock.keeper.socket";
    /** Set by {@code app/airlock} when it started the demo keeper: the window then says the demo runs under one account. */
    public static final String KEEPER_DEMO = "airlock.keeper.demo";
    /** Removable media under the room policy's media roots (default /media, /run/media), for intake, export and the start dialog. */
    private MediaLocations media = MediaLocations.removable(airlock.core.media.RemovableMedia.system(java.util.List.of()));
    private final airlock.ui.media.MediaWatch mediaWatch = new airlock.ui.media.MediaWatch(media, java.time.Duration.ofSeconds(2));
    /** The mode given by a test; else read from the launch arguments. */
    private final StartMode given;
    /** The demo project, only in the demo mode; null in the real workstation. */
    private DemoProject demo;
    private RoomGate gate;
    private airlock.ui.seal.SealFeature sealFeature;

    public AirlockApp() {
        this(null);
    }

    /** For tests: the application in {@code mode}, whatever the launch arguments. */
    AirlockApp(StartMode mode) {
        this.given = mode;
    }

    public static void launchApp(String[] args) {
        Application.launch(AirlockApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Texts texts = Texts.load(Locale.getDefault());
        StartMode mode = given != null ? given : StartMode.parse(getParameters().getRaw(), System.getenv());
        String socket = System.getProperty(KEEPER_SOCKET);
        if (mode.keeper() != null || (socket != null && !socket.isBlank())) {
            startThroughKeeper(stage, texts, mode.keeper() != null ? mode.keeper() : Path.of(socket));
            return;
        }
        if (mode.demo()) {
            demo = new DemoProject(Path.of(System.getProperty("airlock.project.dir", ".")));
            open(stage, texts, demo.home());
        } else {
            gate = new RoomGate(stage, texts, mode.home(), () -> open(stage, texts, mode.home()));
            gate.open();
        }
    }

    /** The real workstation's door (tests); null in the demo. */
    // for the real-mode GUI tests (room): the window, its sessions and the seal screen's feature
    WorkstationWindow window() {
        return window;
    }

    airlock.ui.session.SessionFeature sessions() {
        return sessions;
    }

    airlock.ui.seal.SealFeature sealFeature() {
        return sealFeature;
    }

    RoomGate gate() {
        return gate;
    }

    /** The workstation window on the home at {@code root} (the demo's when {@link #demo} is set). */
    private void open(Stage stage, Texts texts, Path root) {
        String workstationId = texts.get("status.workstation.unknown");
        String homeProblem = "";
        AirlockHome home = null;
        Path symbolDatabases = null;
        try {
            home = AirlockHome.open(root);
            symbolDatabases = home.databases();
            if (demo != null) {
                Files.createDirectories(demo.media());
            }
            workstationId = WorkstationId.loadOrCreate(home, new SecureRandom());
        } catch (AirlockException | java.io.IOException e) {
            LOG.warn("workstation home unavailable", e);
            homeProblem = texts.format(demo != null ? "demo.home.failed" : "room.home.failed", root, e.getMessage());
        }
        window = new WorkstationWindow(stage, texts, Clock.systemDefaultZone(), workstationId, symbolDatabases);
        window.useMedia(mediaWatch);
        window.model().showBanner(homeProblem);
        stage.show();
        // the first file opened then paints as fast as later ones (1.4 s otherwise, in a fresh JVM)
        new airlock.ui.code.CodeViewWarmup(texts, window.view().root().getStylesheets(),
                airlock.ui.code.CodeViewWarmup.ROUNDS).start(window.executor(), texts.get("task.warmup"), result -> { });
        if (home == null) {
            if (demo != null) {
                window.model().background(BackgroundTask.of(texts.get("task.demo"), monitor -> demo.open())
                        .onSuccess(opening -> showDemo(texts, opening)));
            }
            return;
        }
        sessions = installSessions(texts, home, workstationId);
        installSeal(texts, home);
        showIntake(texts, stage, home, sessions);
    }

    /** The removable media are looked for under the room policy's {@code mediaRoots} (issue 17, room). */
    private void useMediaRoots(java.util.List<Path> roots) {
        media = MediaLocations.removable(airlock.core.media.RemovableMedia.system(roots));
        mediaWatch.useLocations(media);
    }

    /**
     * The demo's room, in the demo home only: its policy (PIN shown on screen) unless one is installed,
     * before the sessions read the policy.
     */
    private static void installDemoRoom(AirlockHome home) throws AirlockException {
        airlock.core.demo.DemoRoom.install(home, new SecureRandom());
    }

    /**
     * The two-process workstation: everything through the keeper at {@code socket}; no home, key,
     * log or store is opened here. When the keeper cannot be reached the window says so and offers nothing.
     */
    private void startThroughKeeper(Stage stage, Texts texts, Path socket) {
        try {
            keeperWorkstation = KeeperWorkstation.open(stage, texts, socket, Clock.systemUTC());
        } catch (AirlockException e) {
            LOG.warn("the keeper at {} cannot be reached", socket, e);
            window = new WorkstationWindow(stage, texts, Clock.systemDefaultZone(), texts.get("status.workstation.keeper"),
                    new Backends(null, null, null, null));
            window.model().showBanner(texts.format("keeper.connect.failed", socket, e.getMessage()));
            stage.show();
            return;
        }
        window = keeperWorkstation.window();
        // the seal screen writes to removable media chosen as in-process (issue 16, kseal)
        keeperWorkstation.seal().setMediaChooser(owner -> new airlock.ui.media.MediaChooser(owner, texts,
                texts.get("media.export.title"), mediaWatch).showAndWait());
        mediaWatch.start();
        keeperWorkstation.installIntake(texts, stage, media); // intake through the keeper (issue 16, kwire)
        if (Boolean.getBoolean(KEEPER_DEMO)) {
            showKeeperDemoNotices(texts);
        }
        stage.show();
        new airlock.ui.code.CodeViewWarmup(texts, window.view().root().getStylesheets(),
                airlock.ui.code.CodeViewWarmup.ROUNDS).start(window.executor(), texts.get("task.warmup"), result -> { });
        // the start dialog (modal, owned by the window) opens once the window manager has given the window
        // its size: opened in the same moment, openbox left the main window at 200x200 (issue 16's xvfb run)
        PauseTransition settle = new PauseTransition(WindowSize.SETTLE.multiply(1.5));
        settle.setOnFinished(e -> keeperWorkstation.begin());
        settle.play();
    }

    /** Demo only: the one-account notice in the banner (stderr has it from app/airlock) and the demo PIN on the start dialog. */
    private void showKeeperDemoNotices(Texts texts) {
        keeperWorkstation.showDemoNotices(texts);
        keeperWorkstation.showDemoSeal(texts, new DemoProject(Path.of(System.getProperty("airlock.project.dir", "."))));
    }

    /**
     * The supervisor's end of a session (Session ▸ Review and seal…, and at once when a session
     * ends), on the same database as the sessions. In the demo the demo supervisor's key is on a
     * folder next to the demo media, its passphrase shown on the seal screen; in the real workstation
     * the supervisor chooses their own key from their stick.
     */
    private void installSeal(Texts texts, AirlockHome home) {
        if (logs == null || !logs.store().health().writable()) {
            return;
        }
        try {
            var trust = new airlock.core.trust.TrustStore(home);
            var policy = new airlock.core.policy.PolicyLoader(home, trust).load();
            annotations = airlock.core.annotate.store.AnnotationStore.open(
                    home.databases().resolve(airlock.core.session.WorkstationLogs.DATABASE));
            var exports = new airlock.core.export.ExportService(new airlock.core.cwe.CweCatalogueLoader(
                    new com.fasterxml.jackson.databind.ObjectMapper()).loadBundled(),
                    new airlock.core.media.SafeWriter(airlock.core.media.WriteHooks.NONE));
            var services = new airlock.ui.seal.SealServices(logs, annotations, trust, policy.policy(), exports, Clock.systemUTC(),
                    airlock.core.BuildInfo.version(), new BundleStore(home), lockout);
            var seal = new airlock.ui.seal.SealFeature(window.view(), texts, window.executor(), services);
            sealFeature = seal;
            seal.setMediaChooser(owner -> new airlock.ui.media.MediaChooser(owner, texts, texts.get("media.export.title"), mediaWatch)
                    .showAndWait());
            // the supervisor's key from their stick, chosen as the start dialog's key on the window's media (issue 17;
            // in the demo its two stick folders)
            seal.setMedia(window::media);
            mediaWatch.start();
            if (demo != null) {
                Path key = airlock.core.demo.DemoSupervisor.install(home, demo.media().resolveSibling("demo-supervisor-stick"));
                // the demo's screens choose on its two sticks (folders), as a room's would on removable media (room)
                window.useMedia(new airlock.ui.media.MediaWatch(MediaLocations.folders(java.util.List.of(demo.media(),
                        key.getParent())), java.time.Duration.ofSeconds(2)));
                seal.setDemo(key, demo.media(), texts.format("seal.demo.hint", key, airlock.core.demo.DemoSupervisor.PASSPHRASE));
            }
            seal.install(window.session());
        } catch (AirlockException e) {
            LOG.warn("the supervisor's seal screen is unavailable on {}", home.root(), e);
            window.model().showBanner(texts.format("seal.unavailable", e.getMessage()));
        }
    }

    /**
     * The session feature on the demo home: the workstation key (created on first run), the demo
     * room policy (supervisor PIN shown on screen), the log store, and resumption of a session
     * left open. Anything that stops sessions from working is said in the banner and the start dialog.
     */
    private airlock.ui.session.SessionFeature installSessions(Texts texts, AirlockHome home, String workstationId) {
        Clock clock = Clock.systemUTC();
        airlock.core.session.SessionManager manager = null;
        String unavailable = null;
        try {
            var signer = airlock.core.session.WorkstationKey.loadOrCreate(home, workstationId);
            if (demo != null) {
                installDemoRoom(home);
            }
            logs = airlock.core.session.WorkstationLogs.open(home, signer, clock);
            if (!logs.store().health().writable()) {
                unavailable = logs.store().health().problem();
            } else if (logs.rollbackProblem() != null) {
                unavailable = logs.rollbackProblem();
            } else {
                var trust = new airlock.core.trust.TrustStore(home);
                var policy = new airlock.core.policy.PolicyLoader(home, trust).load();
                useMediaRoots(policy.policy().mediaRoots());
                manager = new airlock.core.session.SessionManager(logs, signer, trust, policy, clock,
                        airlock.core.log.SessionLog.DEFAULT_CHECKPOINT_INTERVAL);
                lockout = manager.lockout();
            }
        } catch (AirlockException e) {
            LOG.warn("sessions unavailable on {}", home.root(), e);
            unavailable = e.getMessage();
        }
        if (unavailable != null) {
            window.model().showBanner(texts.format("session.unavailable", unavailable));
        }
        if (logs != null && (!logs.store().health().writable() || logs.rollbackProblem() != null)) {
            offerRecovery(texts, home, unavailable);
        }
        var model = new airlock.ui.session.SessionViewModel(texts, window.model(), window.session(), manager, unavailable,
                new BundleStore(home), clock, workstationId);
        var feature = new airlock.ui.session.SessionFeature(window, texts, model);
        if (demo != null && model.policyName().equals(airlock.core.demo.DemoRoom.NAME)) {
            feature.setDemoHint(texts.format("session.demo.pin", airlock.core.demo.DemoRoom.PIN));
        }
        Path dismissed = home.root().resolve("hints-dismissed");
        if (demo != null && !Files.exists(dismissed)) {
            feature.showHints(() -> {
                try {
                    Files.writeString(dismissed, "the first-run hints were dismissed\n");
                } catch (java.io.IOException e) {
                    LOG.warn("cannot remember that the hints were dismissed", e);
                    window.model().showStatus(texts.format("session.hints.unsaved", e.getMessage()));
                }
            });
        }
        model.resumeOpenSession();
        return feature;
    }

    /**
     * The read-only state's way out: Session ▸ Recover the session database…, after a
     * confirmation naming the reason, runs {@link airlock.core.session.HomeRecovery} off the FX
     * thread (the same as {@code airlock log recover}); the old files are kept, and the result is
     * used at the next start.
     */
    private void offerRecovery(Texts texts, AirlockHome home, String reason) {
        MenuItem item = new MenuItem(texts.get("menu.session.recover"));
        item.setOnAction(e -> {
            var alert = airlock.ui.ReadableAlerts.wrapped(new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    texts.format("session.recover.confirm.text", airlock.core.text.VisibleText.escape(String.valueOf(reason))),
                    javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL));
            alert.setTitle(texts.get("session.recover.confirm.title"));
            alert.setHeaderText(texts.get("session.recover.confirm.header"));
            if (alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isEmpty()) {
                return;
            }
            item.setDisable(true);
            if (logs != null) {
                try {
                    logs.close();
                } catch (AirlockException closing) {
                    LOG.warn("closing the refused store before recovery", closing);
                }
                logs = null;
            }
            window.model().background(BackgroundTask.of(texts.get("session.task.recover"), monitor ->
                    airlock.core.session.HomeRecovery.recover(home, airlock.core.session.WorkstationKey.loadOrCreate(home,
                            airlock.core.home.WorkstationId.loadOrCreate(home, new SecureRandom())), Clock.systemUTC()))
                    .onSuccess(result -> {
                        if (!result.needed() && result.remaining().isEmpty()) {
                            window.model().showBanner(texts.format("session.recover.nothing", String.valueOf(result.problem())));
                        } else if (!result.remaining().isEmpty()) {
                            window.model().showBanner(texts.format("session.recover.remaining", airlock.core.text.VisibleText.escape(
                                    result.remaining().stream().map(f -> f.describe()).collect(java.util.stream.Collectors.joining("; ")))));
                        } else {
                            window.model().showBanner(texts.format("session.recover.done", result.logs().size(),
                                    result.keptAside().stream().map(p -> p.getFileName().toString())
                                            .collect(java.util.stream.Collectors.joining(", "))));
                        }
                    })
                    .onFailure(failure -> item.setDisable(false)));
        });
        window.view().addMenuItem(MenuId.SESSION, item);
    }

    /**
     * The intake screen, shown at once. The demo goes through the real intake: a signed bundle of this
     * project on the demo media; the real workstation shows the removable media as they are.
     */
    private void showIntake(Texts texts, Stage stage, AirlockHome home, airlock.ui.session.SessionFeature sessions) {
        Clock clock = Clock.systemUTC();
        BundleIntake intake = new BundleIntake(home, clock, IntakeLimits.defaults());
        IntakeViewModel model = new IntakeViewModel(texts, window.model(), media, intake, new BundleStore(home));
        IntakeView view = new IntakeView(model, window.model(), texts, stage);
        // removable media, looked at every 2 s off the FX thread; a stick inserted with a bundle is offered at once
        mediaWatch.media().addListener((javafx.collections.ListChangeListener<MediaLocations.Medium>) c ->
                model.setMedia(java.util.List.copyOf(mediaWatch.media())));
        mediaWatch.setOnBundleInserted(medium -> {
            view.show();
            model.offerInserted(medium);
        });
        mediaWatch.start();
        window.annotations().setMediaChooser(owner -> new airlock.ui.media.MediaChooser(owner, texts,
                texts.get("media.export.title"), mediaWatch).showAndWait());
        window.annotations().setMediaRoots(() -> mediaWatch.media().stream().map(MediaLocations.Medium::root).toList());
        // after intake the demo offers to start a session on the bundle just opened
        model.setOnBundleOpened(id -> {
            sessions.model().bundleOpened(id);
            sessions.showStartDialog();
        });
        MenuItem item = new MenuItem(texts.get("menu.file.intake"));
        item.setOnAction(e -> view.show());
        window.view().addMenuItem(MenuId.FILE, item);
        if (demo == null) {
            window.model().background(BackgroundTask.of(texts.get("task.intake.discard"), monitor -> {
                intake.discardUnfinished();
                return home;
            }).onSuccess(done -> view.show()).onFailure(failure -> view.show()));
            return;
        }
        window.model().background(BackgroundTask.of(texts.get("task.intake.demo"), monitor -> {
            intake.discardUnfinished();
            return new DemoMedia(demo, clock).prepare(home, monitor);
        }).onSuccess(bundle -> {
            model.openFolderAsMedium(demo.media());
            view.show();
        }).onFailure(failure -> view.show()));
    }

    private void showDemo(Texts texts, DemoOpening opening) {
        if (opening.opened()) {
            window.model().openSource(opening.source(), opening.firstFile());
        } else {
            window.model().showBanner(texts.format("demo.unavailable", opening.reason()));
        }
    }

    @Override
    public void stop() {
        if (keeperWorkstation != null) {
            keeperWorkstation.close();
        }
        mediaWatch.close();
        if (sessions != null) {
            sessions.close();
        }
        if (window != null) {
            window.close();
        }
        if (annotations != null) {
            try {
                annotations.close();
            } catch (AirlockException e) {
                LOG.warn("the annotation tables did not close cleanly", e);
            }
        }
        if (logs != null) {
            try {
                logs.close();
            } catch (AirlockException e) {
                LOG.warn("the session log database did not record a clean stop; the next start adds a recovery entry", e);
            }
        }
    }
}
