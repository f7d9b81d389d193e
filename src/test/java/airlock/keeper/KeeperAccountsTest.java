package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.bundle.BundleStore;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.log.LogExport;
import airlock.core.log.LogStore;
import airlock.core.log.LogVerifier;
import airlock.core.log.PinnedKeys;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.WorkstationLogs;
import airlock.core.symbols.SymbolIndex;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two-account proof (needs root): three throw-away accounts made with {@code useradd} — the
 * keeper's, an inspector's (primary group: the room's inspector group) and an outsider's — the keeper
 * started as its account in a child JVM ({@code setpriv}; the product never starts a process, this
 * test does), and probes run as the others. Shown: the inspector cannot read the key, the database,
 * the store or an index, yet reads code through the keeper after its entry; the outsider is refused
 * by the socket's mode, and, given the socket's group as a supplementary group, by the keeper's
 * {@code SO_PEERCRED} check; the log verifies afterwards. Without root it is skipped and says
 * loudly what it did not prove.
 */
class KeeperAccountsTest {
    private static final Logger LOG = LoggerFactory.getLogger(KeeperAccountsTest.class);
    private static final String NOT_PROVED = "KeeperAccountsTest SKIPPED, NOT PROVED: that another account cannot read the"
            + " keeper's key, database, store or indexes, and that a third uid cannot connect. It needs root (useradd,"
            + " setpriv); CI runs it as root.";

    private static boolean root() {
        try {
            return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/useradd"))
                    && Files.isExecutable(Path.of("/usr/bin/setpriv"));
        } catch (SecurityException e) {
            return false;
        }
    }

    @Test
    void anotherAccountReadsCodeOnlyThroughTheKeeperAndAThirdCannotConnect() throws Exception {
        if (!root()) {
            LOG.warn(NOT_PROVED);
            System.err.println(NOT_PROVED);
            Assumptions.assumeTrue(false, NOT_PROVED);
        }
        String tag = Long.toString(ProcessHandle.current().pid() % 100_000);
        String keeperUser = "alkeep" + tag;
        String inspector = "alinsp" + tag;
        String outsider = "aleve" + tag;
        String group = "alroom" + tag;
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "airlock-keeper-accounts-");
        Process keeper = null;
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            run("groupadd", group);
            run("useradd", "-r", "-M", "-U", "-G", group, "-s", "/usr/sbin/nologin", keeperUser); // a member, to give the socket its group
            run("useradd", "-r", "-M", "-N", "-g", group, "-s", "/usr/sbin/nologin", inspector);
            run("useradd", "-r", "-M", "-U", "-s", "/usr/sbin/nologin", outsider);

            Path home = dir.resolve("home");
            String bundle = KeeperFixture.prepareHome(dir.resolve("work"), home, Clock.systemUTC());
            AirlockHome opened = AirlockHome.open(home);
            BundleStore store = new BundleStore(opened);
            Path index;
            try (var source = store.open(store.get(bundle))) {
                index = SymbolIndex.fileFor(opened.databases(), source.commitOf(source.reviewRef()));
            }
            run("chown", "-R", keeperUser + ":" + keeperUser, home.toString());
            Path runDir = Files.createDirectories(dir.resolve("run"));
            run("chown", keeperUser + ":" + group, runDir.toString());
            Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwxr-x---"));
            Path tmpDir = Files.createDirectories(dir.resolve("keeper-tmp"));
            run("chown", keeperUser + ":" + keeperUser, tmpDir.toString());
            Path socket = runDir.resolve("keeper.sock");
            String classpath = readableClasspath(dir.resolve("lib"));

            List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + keeperUser, "--regid=" + keeperUser,
                    "--init-groups", "--", java(), "-Djava.io.tmpdir=" + tmpDir, "-cp", classpath, "airlock.Launcher", "keeper",
                    "--home", home.toString(), "--socket", socket.toString(), "--allow-group", group));
            Path keeperLog = dir.resolve("keeper.log");
            keeper = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(keeperLog.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(socket) && keeper.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(Files.exists(socket), "the keeper did not start (" + (keeper.isAlive() ? "still running" : "exit "
                    + keeper.exitValue()) + "): " + String.join(" ", command) + "\n" + Files.readString(keeperLog));
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertEquals(keeperUser, Files.getOwner(socket).getName());

            List<String> secrets = List.of(home.resolve("keys").resolve("workstation.key").toString(),
                    home.resolve("db").resolve(WorkstationLogs.DATABASE).toString(),
                    store.get(bundle).folder().resolve(airlock.core.bundle.BundleFiles.MANIFEST).toString(), index.toString(),
                    // the room policy holds the PIN verifier: not readable by the inspector (no offline PIN guessing)
                    airlock.core.policy.PolicyFiles.installed(opened).toString());
            List<String> probe = new ArrayList<>(List.of("inspector", socket.toString(), bundle, DemoRoom.PIN));
            probe.addAll(secrets);
            String inspectorOut = probe(classpath, List.of("--reuid=" + inspector, "--regid=" + group, "--init-groups"), probe);
            String session = inspectorOut.lines().filter(l -> l.startsWith("session ")).findFirst().orElseThrow().substring(8);

            List<String> out1 = new ArrayList<>(List.of("outsider", socket.toString()));
            out1.addAll(secrets);
            String byMode = probe(classpath, List.of("--reuid=" + outsider, "--regid=" + outsider, "--init-groups"), out1);
            assertTrue(byMode.contains("the socket's mode refuses the outsider"), byMode);
            String byUid = probe(classpath, List.of("--reuid=" + outsider, "--regid=" + outsider, "--groups=" + group), out1);
            assertTrue(byUid.contains("the keeper refuses the outsider's uid"), byUid);

            keeper.destroy();
            assertTrue(keeper.waitFor(60, TimeUnit.SECONDS), "the keeper stops on SIGTERM");
            try (LogStore log = LogStore.open(home.resolve("db").resolve(WorkstationLogs.DATABASE))) {
                var verification = new LogVerifier(PinnedKeys.load(home.resolve("trust"))).verify(
                        new ByteArrayInputStream(LogExport.entriesFile(log, session)), null, false, ProgressMonitor.NONE);
                assertTrue(verification.isValid(), verification.describe());
                String entries = new String(LogExport.entriesFile(log, session), StandardCharsets.UTF_8);
                assertTrue(entries.contains("\"type\":\"file.opened\""), entries);
            }
            String keeperOutput = Files.readString(keeperLog);
            assertTrue(keeperOutput.contains("refused"), "the keeper logged the refused peer:\n" + keeperOutput);

            // the command line (issue 16): 'airlock search' on the store is the keeper account's, with a ledger entry
            // first; the inspector's account gets one line and exit 1, and not a line of code
            List<String> search = List.of("search", "--home", home.toString(), "--bundle", bundle, "-e", ".");
            Cli byInspector = cli(classpath, List.of("--reuid=" + inspector, "--regid=" + group, "--init-groups"), search);
            assertEquals(1, byInspector.exit(), byInspector.toString());
            assertEquals("", byInspector.out(), "no code for the inspector's account");
            assertEquals(1, byInspector.err().strip().lines().count(), byInspector.toString());
            assertTrue(byInspector.err().contains("[cli.read.refused]"), byInspector.toString());
            Cli byOutsider = cli(classpath, List.of("--reuid=" + outsider, "--regid=" + outsider, "--init-groups"), search);
            assertEquals(1, byOutsider.exit(), byOutsider.toString());
            assertEquals("", byOutsider.out());
            Cli byKeeper = cli(classpath, List.of("--reuid=" + keeperUser, "--regid=" + keeperUser, "--init-groups"), search);
            assertEquals(0, byKeeper.exit(), byKeeper.toString());
            assertTrue(byKeeper.out().contains("Hello"), "the administrator on the keeper's account reads the code");
            try (LogStore log = LogStore.open(home.resolve("db").resolve(WorkstationLogs.DATABASE))) {
                String ledger = new String(LogExport.entriesFile(log, airlock.core.log.SessionHeader.LEDGER_SESSION),
                        StandardCharsets.UTF_8);
                assertEquals(1, ledger.lines().filter(l -> l.contains("\"type\":\"search.run\"")).count(),
                        "one ledger entry, the keeper account's read; none for the refused ones:\n" + ledger);
                assertTrue(ledger.contains("\"actor\":\"cli:" + keeperUser + "\""), ledger);
            }
        } finally {
            if (keeper != null && keeper.isAlive()) {
                keeper.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            for (String user : List.of(keeperUser, inspector, outsider)) {
                quietly("userdel", user);
            }
            quietly("groupdel", group);
            quietly("groupdel", keeperUser);
            quietly("groupdel", outsider);
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One {@code airlock} command-line run as another account: exit code, standard output, standard error. */
    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String classpath, List<String> identity, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("setpriv"));
        command.addAll(identity);
        command.addAll(List.of("--", java(), "-Djava.io.tmpdir=/tmp", "-Duser.home=/tmp", "-cp", classpath, "airlock.Launcher"));
        command.addAll(args);
        Path err = Files.createTempFile("airlock-cli-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command did not finish");
            return new Cli(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String probe(String classpath, List<String> identity, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("setpriv"));
        command.addAll(identity);
        command.addAll(List.of("--", java(), "-Djava.io.tmpdir=/tmp", "-cp", classpath, KeeperProbe.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe did not finish");
        assertEquals(0, p.exitValue(), "probe " + identity + " failed:\n" + out);
        return out;
    }

    /** The test class path, with every jar copied where the throw-away accounts can read it (~/.m2 is root's). */
    private static String readableClasspath(Path lib) throws IOException {
        Files.createDirectories(lib);
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).contains("surefire")) {
            try (JarFile jar = new JarFile(entries.get(0))) {
                entries = new ArrayList<>();
                for (String url : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                    entries.add(Path.of(java.net.URI.create(url)).toString());
                }
            }
        }
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : entries) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                out.add(p.toString());
            } else if (Files.isRegularFile(p)) {
                Path copy = lib.resolve((n++) + "-" + p.getFileName());
                Files.copy(p, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                out.add(copy.toString());
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + " failed: " + out);
    }

    private static void quietly(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            LOG.warn("clean-up '{}' failed: {}", String.join(" ", command), e.getMessage());
        }
    }
}
