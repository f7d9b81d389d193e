package airlock.ui;

import airlock.core.AirlockException;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperCodeSearch;
import airlock.keeper.client.KeeperFindings;
import airlock.keeper.client.KeeperSessionService;
import airlock.keeper.client.KeeperSymbols;
import airlock.ui.session.SessionFeature;
import airlock.ui.session.SessionViewModel;
import java.nio.file.Path;
import java.time.Clock;
import javafx.stage.Stage;

/**
 * The workstation composed on a keeper (issue 16): the window's session, code, search, navigation
 * and findings all go through {@link KeeperClient}, and nothing here opens a file of the home — no
 * key, no log store, no bundle store, no index. Two connections: one for every read and event,
 * one for the once-a-second state question (the keeper answers one request at a time).
 */
public final class KeeperWorkstation implements AutoCloseable {
    /** The view model proposes session ids from a workstation id; the keeper makes its own, so this only keeps the proposal valid. */
    private static final String PROPOSED_ID_PART = "keeper";
    private final KeeperClient client;
    private final KeeperClient statusClient;
    private final WorkstationWindow window;
    private final SessionFeature sessions;
    private airlock.ui.intake.IntakeView intakeView;

    private final airlock.ui.seal.SealFeature seal;

    private KeeperWorkstation(KeeperClient client, KeeperClient statusClient, WorkstationWindow window, SessionFeature sessions,
                              airlock.ui.seal.SealFeature seal) {
        this.seal = seal;
        this.client = client;
        this.statusClient = statusClient;
        this.window = window;
        this.sessions = sessions;
    }

    /** Connects to the keeper at {@code socket} and builds the window on {@code stage}; fails when the keeper cannot be reached. */
    public static KeeperWorkstation open(Stage stage, Texts texts, Path socket, Clock clock) throws AirlockException {
        KeeperClient client = KeeperClient.connect(socket, "airlock-workstation");
        KeeperClient statusClient;
        airlock.protocol.Answer.PolicyInfo policy;
        try {
            // asked once: the start dialog offers the credential the keeper's policy names (issue 16, k4walk)
            policy = client.policy();
            statusClient = KeeperClient.connect(socket, "airlock-workstation-status");
        } catch (AirlockException | RuntimeException e) {
            client.close();
            throw e;
        }
        Backends backends = new Backends(null, new KeeperCodeSearch(client), source -> new KeeperSymbols(client),
                session -> new KeeperFindings(client, session.inspector(), clock));
        WorkstationWindow window = new WorkstationWindow(stage, texts, clock, texts.get("status.workstation.keeper"), backends);
        // history/diff (issue 16, kread): compare, diffs, history and blame, and the tree's line counts, through the keeper
        airlock.keeper.client.KeeperVersions versions = new airlock.keeper.client.KeeperVersions(client);
        window.versions().useVersions(source -> versions);
        window.annotations().useLineCounts(new airlock.keeper.client.KeeperLineCounts(client));
        // removable media under the keeper's policy's media roots (issue 17, room): the start dialog's key, the verify screen
        window.useMedia(new airlock.ui.media.MediaWatch(airlock.core.bundle.MediaLocations.removable(
                airlock.core.media.RemovableMedia.system(policy.mediaRoots().stream().map(java.nio.file.Path::of).toList())),
                java.time.Duration.ofSeconds(2)));
        // findings export/import (issue 16, kexport): the keeper renders or parses, this process writes or reads the stick,
        // chosen with the media chooser in both directions
        window.annotations().useKeeperTransfer(new airlock.keeper.client.KeeperFindingsTransfer(client),
                owner -> airlock.ui.media.MediaChooser.chooseFile(owner, texts, texts.get("annot.import.choose"), window.media(),
                        p -> p.getFileName() != null && p.getFileName().toString().matches("annotations-.*\\.json")));
        window.annotations().setMediaChooser(owner -> new airlock.ui.media.MediaChooser(owner, texts,
                texts.get("media.export.title"), window.media()).showAndWait());
        var model = new SessionViewModel(texts, window.model(), window.session(),
                new KeeperSessionService(client, statusClient, policy), null, clock, PROPOSED_ID_PART);
        var sessions = new SessionFeature(window, texts, model);
        // the supervisor's seal screen through the keeper (issue 16, kseal): Session ▸ Review and seal…
        var seal = new airlock.ui.seal.SealFeature(window.view(), texts, window.executor(),
                new airlock.keeper.client.KeeperSealDesk(client));
        seal.setMedia(window::media); // the supervisor's key from their stick, as the start dialog's key (issue 17)
        seal.install(window.session());
        return new KeeperWorkstation(client, statusClient, window, sessions, seal);
    }

    /**
     * The demo's additions (the brief's demo, launched by {@code app/airlock} with no arguments): say
     * plainly that both processes run under one account, and show the demo room's PIN on the start dialog.
     */
    public void showDemoNotices(Texts texts) {
        window.model().showBanner(texts.get("keeper.demo.banner"));
        sessions.setDemoHint(texts.format("session.demo.pin", airlock.core.demo.DemoRoom.PIN));
    }

    /**
     * The demo's seal inputs: the demo supervisor's key on the folder that plays their stick (the
     * keeper pinned its public half when it prepared the demo home) and the demo media folder.
     */
    public void showDemoSeal(Texts texts, airlock.core.demo.DemoProject demo) {
        Path key = demo.media().resolveSibling(DEMO_SUPERVISOR_STICK).resolve(airlock.core.demo.DemoSupervisor.KEY_FILE);
        seal.setDemo(key, demo.media(), texts.format("seal.demo.hint", key, airlock.core.demo.DemoSupervisor.PASSPHRASE));
    }

    /** The folder next to the demo media that plays the demo supervisor's stick (as in the in-process demo). */
    public static final String DEMO_SUPERVISOR_STICK = "demo-supervisor-stick";

    /** The seal screen's feature (media chooser, tests). */
    public airlock.ui.seal.SealFeature seal() {
        return seal;
    }

    // ----- intake through the keeper (issue 16, kwire) -----

    /**
     * File ▸ Bundle intake…: the intake screen on {@code media} (this account mounts the sticks). Verify
     * sends the bundle's files to the keeper, which verifies its own copy against its own trusted keys,
     * records the verdict and imports; the screen says "imported" once the keeper lists it.
     */
    public airlock.ui.intake.IntakeViewModel installIntake(Texts texts, Stage stage, airlock.core.bundle.MediaLocations media) {
        var model = new airlock.ui.intake.IntakeViewModel(texts, window.model(), media,
                new airlock.keeper.client.KeeperBundleUpload(client, texts.get("task.intake.keeper")));
        var view = new airlock.ui.intake.IntakeView(model, window.model(), texts, stage);
        // not bundleOpened: that says the workspace already shows the bundle; here the session start opens it
        // through the keeper (the start dialog lists the keeper's bundles, the one just imported among them)
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(texts.get("menu.file.intake"));
        item.setOnAction(e -> view.show());
        window.view().addMenuItem(airlock.ui.main.MenuId.FILE, item);
        intakeView = view;
        return model;
    }

    /** The intake screen, once {@link #installIntake} made it. */
    public java.util.Optional<airlock.ui.intake.IntakeView> intakeView() {
        return java.util.Optional.ofNullable(intakeView);
    }

    /** Picks up a session the keeper resumed, else offers to start one. */
    public void begin() {
        sessions.model().resumeOpenSession(sessions::showStartDialog);
    }

    public WorkstationWindow window() {
        return window;
    }

    public SessionFeature sessions() {
        return sessions;
    }

    @Override
    public void close() {
        sessions.close();
        window.close();
        statusClient.close();
        client.close();
    }
}
