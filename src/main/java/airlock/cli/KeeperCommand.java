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

    @Override
    public Integer call() throws AirlockException {
        PrintWriter err = spec.commandLine().getErr();
        String account = System.getProperty("user.name");
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
}
