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
 * references, then ending the session. Each JVM is traced and judged separately.
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
        } else {
            System.err.println("usage: KeeperAirgapSmoke prepare HOME | client SOCKET");
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
