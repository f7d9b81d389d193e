package airlock.airgap;

import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.IntakeLimits;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoProject;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.progress.ProgressMonitor;
import airlock.keeper.client.KeeperClient;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import airlock.testutil.TestRepository;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The two-process part of {@code .ci/airgap-check.sh} (test sources, not a test). {@code prepare HOME}
 * makes a keeper home with the demo room policy and one imported bundle; {@code client SOCKET} is
 * the workstation side: a whole session through a running keeper (the real {@code airlock keeper},
 * traced in its own JVM by the script), reading a file, searching, looking up a definition and
 * references, then ending the session; {@code gui SOCKET} is the real JavaFX window in keeper mode
 * starting a session through the same keeper. Each JVM is traced and judged separately.
 */
public final class KeeperAirgapSmoke {
    private KeeperAirgapSmoke() {
    }

    public static void main(String[] args) throws Exception {
        airlock.core.git.IsolatedGit.install(); // the test repository is written with JGit: no 'sh -c umask'
        if (args.length == 2 && args[0].equals("prepare")) {
            prepare(Path.of(args[1]).toAbsolutePath());
        } else if (args.length == 2 && args[0].equals("client")) {
            client(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("gui")) {
            gui(Path.of(args[1]));
        } else {
            System.err.println("usage: KeeperAirgapSmoke prepare HOME | client SOCKET | gui SOCKET");
            System.exit(2);
        }
    }

    private static void prepare(Path homeDir) throws Exception {
        Path work = homeDir.resolveSibling("keeper-source");
        Path repo = TestRepository.create(work.resolve("repo"));
        AirlockHome home = AirlockHome.open(homeDir);
        DemoRoom.install(home, new SecureRandom());
        Clock clock = Clock.systemUTC();
        BundleFiles files = new DemoMedia(new DemoProject(repo, work.resolve("media")), clock).prepare(home, ProgressMonitor.NONE);
        new BundleIntake(home, clock, IntakeLimits.defaults()).importBundle(files, Optional.empty(), ProgressMonitor.NONE);
        System.out.println("keeper-smoke: home prepared at " + homeDir);
    }

    /**
     * The real JavaFX window in keeper mode (headless, Monocle), as {@code app/airlock} starts it with
     * {@code -Dairlock.keeper.socket}: it connects, asks the keeper's policy and bundles and offers the
     * start dialog; the smoke fills it in (the demo PIN) and presses Start, so the session is started by
     * the window through the socket (the keeper says {@code active}); then it ends the session on a
     * connection of its own and closes the window. A window that could not reach the keeper shows no
     * start dialog: that fails here.
     */
    private static void gui(Path socket) throws Exception {
        System.setProperty(airlock.ui.AirlockApp.KEEPER_SOCKET, socket.toAbsolutePath().toString());
        Thread fx = new Thread(() -> airlock.ui.AirlockApp.launchApp(new String[0]), "airgap-keeper-gui");
        fx.setDaemon(true);
        fx.start();
        javafx.scene.Scene dialog = waitFor("the start dialog (the window did not reach the keeper?)", () -> startDialog());
        System.out.println("keeper-gui: the window in keeper mode shows the keeper's start dialog");
        waitFor("a bundle offered in the start dialog", () -> onFx(() -> {
            javafx.scene.control.ComboBox<?> bundle = (javafx.scene.control.ComboBox<?>) dialog.lookup("#session-bundle");
            return bundle != null && bundle.getValue() != null ? bundle : null;
        }));
        onFx(() -> {
            ((javafx.scene.control.TextInputControl) dialog.lookup("#session-inspector")).setText("Airgap Window");
            ((javafx.scene.control.TextInputControl) dialog.lookup("#session-organisation")).setText("CI");
            ((javafx.scene.control.TextInputControl) dialog.lookup("#session-pin")).setText(DemoRoom.PIN);
            ((javafx.scene.control.Button) dialog.lookup("#session-start-button")).fire();
            return Boolean.TRUE;
        });
        try (KeeperClient client = KeeperClient.connect(socket, "airgap-smoke-gui-check")) {
            waitFor("the session started by the window", () -> "active".equals(client.status().state()) ? Boolean.TRUE : null);
            // let the window poll the keeper's state and show the session for a moment
            Thread.sleep(3_000);
            Answer.SessionEnded ended = client.endSession();
            System.out.println("keeper-gui: the window started session " + ended.id() + " through the keeper; "
                    + ended.entries() + " entries");
        }
        javafx.application.Platform.exit();
        fx.join(10_000);
        System.out.println("keeper-gui: the window in keeper mode ran");
        System.exit(0);
    }

    /** The scene of the showing window that holds the session start button, or null. */
    private static javafx.scene.Scene startDialog() throws Exception {
        return onFx(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null && w.getScene().lookup("#session-start-button") != null) {
                    return w.getScene();
                }
            }
            return null;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> body) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(body);
        try {
            javafx.application.Platform.runLater(task);
        } catch (IllegalStateException e) {
            return null; // the toolkit is not up yet
        }
        return task.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Polls {@code probe} until it gives a value (90 s at most); fails the smoke with {@code what} otherwise. */
    private static <T> T waitFor(String what, java.util.concurrent.Callable<T> probe) throws Exception {
        long end = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < end) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        System.err.println("keeper-gui: FAILED waiting for " + what);
        System.exit(1);
        return null;
    }

    private static void client(Path socket) throws Exception {
        try (KeeperClient client = KeeperClient.connect(socket, "airgap-smoke")) {
            List<Answer.BundleInfo> bundles = client.bundles();
            String bundle = bundles.get(0).id();
            Answer.SessionInfo session = client.startSession("Airgap Smoke", "CI", null, bundle, DemoRoom.PIN);
            String ref = session.reviewRef();
            byte[] bytes = client.read(ref, TestRepository.MAIN, 1 << 20);
            Answer.SearchResults hits = client.search(new Request.Search("hello", false, true, false, List.of(), List.of(),
                    List.of(), ref, 50));
            Answer.Definitions defs = client.definitions("main", 10);
            Answer.References refs = client.references("main", 0, 10);
            client.call(new Request.IndexStatus(), Answer.Indexes.class);
            Answer.SessionEnded ended = client.endSession();
            System.out.println("keeper-smoke: read " + bytes.length + " bytes, " + hits.linesMatched() + " search lines, "
                    + defs.definitions().size() + " definitions, " + refs.total() + " references; " + ended.entries()
                    + " entries");
            System.out.println("keeper-smoke: session through the keeper ended");
        }
    }
}
