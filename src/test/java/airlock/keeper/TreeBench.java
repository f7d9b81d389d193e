package airlock.keeper;

import airlock.core.bundle.BundleStore;
import airlock.core.demo.DemoRoom;
import airlock.core.git.GitSource;
import airlock.core.home.AirlockHome;
import airlock.core.policy.PolicyLoader;
import airlock.core.log.SessionLog;
import airlock.core.session.SessionManager;
import airlock.core.home.WorkstationId;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.core.source.SourceEntry;
import airlock.core.trust.TrustStore;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperSourceTree;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import airlock.ui.tree.FileTreeViewModel;
import airlock.ui.tree.PathIndex;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Benchmark harness (not a test) of the file tree's opening, issue 20 (four kernels: 315,000 files in
 * under 1 s). For each bundle of HOME, RUNS times in turn:
 * <ul>
 * <li>{@code inproc}: a freshly opened store source ({@code BundleStore.open}), its review ref listed
 * (the kept listing, {@code ListingFile}, once written) and the tree model the window shows
 * ({@code FileTreeViewModel.setEntries}, the top level's children);</li>
 * <li>{@code walk}: the same with the tree walked as before the kept listing (A/B in the same run);</li>
 * <li>{@code keeper}: the same through a keeper's socket ({@link KeeperSourceTree}, binary listing frames of up to 100,000 entries, version 5), in a
 * session, the keeper serving in this process from the same home (its service and server, without its
 * background index build, which would share the two cores with what is measured).</li>
 * </ul>
 * Prints {@code mode run list_ms model_ms total_ms cpu_ms files folders top note}; cpu_ms is this
 * process's CPU over the opening (both ends of the socket are in it).
 * Arguments: {@code HOME RUNS [MODES]} (modes comma-separated, in the order run; default all three). Installs the demo room policy into HOME if it has none (a scratch home).
 */
public final class TreeBench {
    private TreeBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("serve")) {
            serve(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args[0].equals("client")) {
            client(Path.of(args[1]), args.length > 2 ? args[2] : "fresh");
            return;
        }
        if (args[0].equals("intake")) {
            intakeListing(Path.of(args[1]).toAbsolutePath());
            return;
        }
        Path homeDir = Path.of(args[0]).toAbsolutePath();
        int runs = Integer.parseInt(args[1]);
        List<String> modes = args.length > 2 ? List.of(args[2].split(",")) : List.of("inproc", "walk", "keeper");
        AirlockHome home = AirlockHome.open(homeDir);
        if (!Files.exists(homeDir.resolve("policy").resolve("room-policy.json"))) {
            DemoRoom.install(home, new SecureRandom());
        }
        BundleStore store = new BundleStore(home);
        Clock clock = Clock.systemUTC();
        String workstation = WorkstationId.loadOrCreate(home, new SecureRandom());
        var signer = WorkstationKey.loadOrCreate(home, workstation);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        Path socket = Files.createTempDirectory("treebench").resolve("k.sock");
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer, clock);
             var annotations = airlock.core.annotate.store.AnnotationStore.open(home.databases().resolve(WorkstationLogs.DATABASE))) {
            TrustStore trust = new TrustStore(home);
            var policy = new PolicyLoader(home, trust).load();
            SessionManager manager = new SessionManager(logs, signer, trust, policy, clock, SessionLog.DEFAULT_CHECKPOINT_INTERVAL);
            KeeperService service = new KeeperService(manager, store, annotations, home.databases(), clock, workstation, workers);
            service.resumeOpenSession();
            try (KeeperServer server = KeeperServer.start(service, socket, PeerPolicy.only(System.getProperty("user.name")))) {
                for (BundleStore.Imported b : store.list()) {
                    bench(store, b, socket, runs, modes);
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * {@code intake HOME}: what intake now does after an import ({@code BundleStore.keepListing}, the same
     * call {@code BundleIntake} makes), timed per bundle, so the bench's fresh-process modes open a tree whose
     * listing was written the way intake writes it (the bench removes the listing first).
     */
    private static void intakeListing(Path homeDir) throws Exception {
        BundleStore store = new BundleStore(AirlockHome.open(homeDir));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (BundleStore.Imported b : store.list()) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            String note = store.keepListing(b);
            System.out.printf(Locale.ROOT, "intake_listing wall_ms %.0f cpu_ms %d note %s (fresh JVM, as the intake's last step)%n",
                    (System.nanoTime() - t0) / 1e6, (os.getProcessCpuTime() - cpu0) / 1_000_000, note);
        }
    }

    /**
     * {@code serve HOME SOCKET WARM}: a keeper (service and server, no background index build) on SOCKET with
     * a session open on the first bundle; the tree is listed WARM times through its own client first (a keeper
     * that has been running: its code compiled), then {@code SOCKET.ready} is written and it serves until
     * {@code SOCKET.stop} appears. Prints its own CPU time at ready and at stop.
     */
    private static void serve(Path homeDir, Path socket, int warm) throws Exception {
        AirlockHome home = AirlockHome.open(homeDir);
        if (!Files.exists(homeDir.resolve("policy").resolve("room-policy.json"))) {
            DemoRoom.install(home, new SecureRandom());
        }
        BundleStore store = new BundleStore(home);
        Clock clock = Clock.systemUTC();
        String workstation = WorkstationId.loadOrCreate(home, new SecureRandom());
        var signer = WorkstationKey.loadOrCreate(home, workstation);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer, clock);
             var annotations = airlock.core.annotate.store.AnnotationStore.open(home.databases().resolve(WorkstationLogs.DATABASE))) {
            TrustStore trust = new TrustStore(home);
            var policy = new PolicyLoader(home, trust).load();
            SessionManager manager = new SessionManager(logs, signer, trust, policy, clock, SessionLog.DEFAULT_CHECKPOINT_INTERVAL);
            KeeperService service = new KeeperService(manager, store, annotations, home.databases(), clock, workstation, workers);
            service.resumeOpenSession();
            try (KeeperServer server = KeeperServer.start(service, socket, PeerPolicy.only(System.getProperty("user.name")));
                 KeeperClient client = KeeperClient.connect(socket, "tree-bench-keeper")) {
                if (!"none".equals(client.status().state())) {
                    client.endSession();
                }
                BundleStore.Imported b = store.list().get(0);
                Answer.SessionInfo session = client.startSession("Bench Inspector", "Bench", null, b.id(), DemoRoom.PIN);
                for (int i = 0; i < warm; i++) {
                    new KeeperSourceTree(client, session).list(session.reviewRef());
                }
                System.out.println("keeper warmed_by " + warm + " listings cpu_ms " + os.getProcessCpuTime() / 1_000_000);
                Path stop = Path.of(socket + ".stop");
                Files.writeString(Path.of(socket + ".ready"), "ready\n");
                while (!Files.exists(stop)) {
                    Thread.sleep(50);
                }
                System.out.println("keeper stopping cpu_ms " + os.getProcessCpuTime() / 1_000_000);
                client.endSession();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * {@code client SOCKET LABEL}: the workstation's side in a process started for this one measurement:
     * connect, the session's review ref listed through the keeper ({@link KeeperSourceTree}) and the tree
     * model the window shows, timed from the process's own clock; the JVM's age when the timing began says
     * how much of its start-up is not in the figure.
     */
    private static void client(Path socket, String label) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (KeeperClient client = KeeperClient.connect(socket, "tree-bench-client")) {
            Answer.SessionInfo session = client.status().session();
            long t1 = System.nanoTime();
            List<SourceEntry> listed = new KeeperSourceTree(client, session).list(session.reviewRef());
            long t2 = System.nanoTime();
            FileTreeViewModel model = new FileTreeViewModel();
            model.setEntries(listed);
            PathIndex index = model.indexProperty().get();
            int top = index.children("").size();
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s connect_ms %.0f list_ms %.0f model_ms %.0f open_ms %.0f cpu_ms %d jvm_age_at_start_ms %d files %d folders %d top %d threads_cpu_ms_since_jvm_start %s%n",
                    label, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t1) / 1e6,
                    (os.getProcessCpuTime() - cpu0) / 1_000_000, uptime, index.fileCount(), index.folderCount(), top,
                    threadCpu());
        }
    }

    /** This process's CPU by kind of thread since it started (Linux /proc): main, JIT compilers, GC, other. */
    private static String threadCpu() {
        long ticks = 100; // USER_HZ on Linux
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / ticks;
                String kind = name.equals("main") || name.equals("java") ? "main"
                        : name.contains("Compiler") ? "jit"
                        : name.startsWith("G1") || name.startsWith("GC") ? "gc" : "other";
                byKind.merge(kind, cpu, Long::sum);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "unavailable";
        }
        StringBuilder out = new StringBuilder();
        byKind.forEach((k, v) -> out.append(out.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return out.toString();
    }

    private static void bench(BundleStore store, BundleStore.Imported b, Path socket, int runs, List<String> modes)
            throws Exception {
        try (KeeperClient client = KeeperClient.connect(socket, "tree-bench")) {
            if (!"none".equals(client.status().state())) {
                client.endSession();
            }
            Answer.SessionInfo session = client.startSession("Bench Inspector", "Bench", null, b.id(), DemoRoom.PIN);
            try {
                java.util.Map<String, Callable<Listed>> all = new java.util.LinkedHashMap<>();
                all.put("inproc", () -> {
                    try (GitSource source = store.open(b)) {
                        List<SourceEntry> list = source.list(source.reviewRef());
                        return new Listed(list, source.listingNote(source.reviewRef()));
                    }
                });
                all.put("walk", () -> {
                    try (GitSource opened = store.open(b);
                         GitSource source = new GitSource(opened.repository(), opened.label(), refs(opened),
                                 opened.reviewRef())) {
                        opened.repository().incrementOpen();
                        return new Listed(source.list(source.reviewRef()), "walked");
                    }
                });
                all.put("keeper", () -> new Listed(new KeeperSourceTree(client, session).list(session.reviewRef()),
                        "listing_frames_of_up_to_" + Limits.MAX_LISTING_PAGE));
                List<SourceEntry> reference = null;
                for (int run = 1; run <= runs; run++) {
                    for (String mode : modes) {
                        System.gc(); // each mode starts on a collected heap, not the previous mode's garbage
                        List<SourceEntry> listed = time(mode, run, all.get(mode));
                        if (reference == null) {
                            try (GitSource source = store.open(b)) {
                                reference = source.list(source.reviewRef());
                            }
                        }
                        System.out.println("  " + mode + " " + run + " same_entries_same_order_as_store "
                                + same(reference, listed));
                    }
                }
            } finally {
                client.endSession();
            }
        }
    }

    private static java.util.Map<String, String> refs(GitSource source) throws Exception {
        java.util.Map<String, String> refs = new java.util.TreeMap<>();
        for (String ref : source.refs()) {
            refs.put(ref, source.commitOf(ref));
        }
        return refs;
    }

    private record Listed(List<SourceEntry> entries, String note) {
    }

    /** Path, kind and size of every entry, in order (the keeper sends no blob ids). */
    private static boolean same(List<SourceEntry> a, List<SourceEntry> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            SourceEntry x = a.get(i);
            SourceEntry y = b.get(i);
            if (!x.path().equals(y.path()) || x.kind() != y.kind() || x.size() != y.size()) {
                return false;
            }
        }
        return true;
    }

    private static List<SourceEntry> time(String mode, int run, Callable<Listed> listing) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Listed listed = listing.call();
        long t1 = System.nanoTime();
        FileTreeViewModel model = new FileTreeViewModel();
        model.setEntries(listed.entries());
        PathIndex index = model.indexProperty().get();
        int top = index.children("").size();
        long t2 = System.nanoTime();
        long cpu = os.getProcessCpuTime() - cpu0;
        System.out.printf(Locale.ROOT, "%s %d list_ms %.0f model_ms %.0f total_ms %.0f cpu_ms %d files %d folders %d top %d note %s%n",
                mode, run, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, cpu / 1_000_000, index.fileCount(),
                index.folderCount(), top, listed.note());
        return listed.entries();
    }
}
