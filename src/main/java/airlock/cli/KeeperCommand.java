package airlock.cli;

import airlock.core.AirlockException;
import airlock.keeper.Keeper;
import airlock.keeper.KeeperServer;
import airlock.keeper.PeerPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code airlock keeper}: runs the keeper, the process that alone holds the workstation key, the log,
 * the store and the indexes, and answers the workstation over an AF_UNIX socket (see
 * docs/architecture.md). Runs until stopped (SIGTERM or Ctrl-C); a session still open stays open in
 * the log and is resumed at the next start.
 */
@Command(name = "keeper", description = "Run the keeper: holds key, log, store and indexes; serves the workstation on a local socket.")
final class KeeperCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", required = true, paramLabel = "DIR",
            description = "The keeper's home (mode 700, owned by the account the keeper runs as).")
    Path home;

    @Option(names = "--socket", required = true, paramLabel = "PATH",
            description = "The socket file to create (its folder must not be writable by others).")
    Path socket;

    @Option(names = "--allow-user", paramLabel = "NAME",
            description = "An account that may connect (repeatable; the keeper's own account always may).")
    List<String> users = List.of();

    @Option(names = "--allow-group", paramLabel = "NAME",
            description = "A group whose processes may connect; the socket file gets this group and mode 660.")
    String group;

    @Option(names = "--prepare-demo", paramLabel = "PROJECT",
            description = "Demo only: first make --home the demo home of PROJECT (demo room PIN, a fresh signed bundle of its "
                    + "history accepted, its symbol index); --home must be PROJECT's demo home. Used by app/airlock.")
    Path demoProject;

    @Override
    public Integer call() throws AirlockException {
        PrintWriter err = spec.commandLine().getErr();
        String account = System.getProperty("user.name");
        if (demoProject != null) {
            prepareDemo(err);
        }
        Set<String> allowed = new HashSet<>(users);
        allowed.add(account);
        Keeper keeper = Keeper.open(home, account, Clock.systemUTC());
        KeeperServer server;
        try {
            server = keeper.listen(socket, new PeerPolicy(allowed, Optional.ofNullable(group)));
        } catch (AirlockException | RuntimeException e) {
            keeper.close();
            throw e;
        }
        if (demoProject != null) {
            err.println("airlock: DEMO: the keeper and the workstation window run under ONE account (" + account
                    + "), so this demo does not keep the log from you; in a room the keeper runs as its own account.");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            keeper.close();
            stopped.countDown();
        }, "keeper-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("airlock: keeper running as " + account + " on " + server.socket() + " (home " + keeper.home().root()
                + "); allowed: " + allowed + (group == null ? "" : " and group " + group) + ". Stop it with Ctrl-C.");
        err.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from inside the JVM (tests): close as the shutdown hook would
            Runtime.getRuntime().removeShutdownHook(hook);
            keeper.close();
            err.println("airlock: keeper stopped.");
            return AirlockCommand.OK;
        }
        return AirlockCommand.OK;
    }

    /** The demo's preparation, on the keeper's side (see {@link airlock.keeper.DemoKeeperHome}). */
    private void prepareDemo(PrintWriter err) throws AirlockException {
        Path build = home.toAbsolutePath().normalize().getParent();
        airlock.core.demo.DemoProject demo = new airlock.core.demo.DemoProject(demoProject, build == null ? home : build);
        if (!demo.home().equals(home.toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--prepare-demo needs --home to be a folder named "
                    + demo.home().getFileName() + " (the demo home), not " + home);
        }
        err.println("airlock: demo: preparing the keeper's home " + demo.home() + " (signed demo bundle, intake, symbol index)...");
        err.flush();
        String bundle = airlock.keeper.DemoKeeperHome.prepare(demo, Clock.systemUTC(), new StderrProgress(err));
        err.println("airlock: demo: bundle " + bundle + " accepted into the keeper's store.");
    }
}
