package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.room.RoomInit;
import airlock.core.room.RoomStatus;
import airlock.core.room.StartMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code airlock room init|status}: a real workstation's day-one set-up. The work is done by
 * {@link RoomInit} and {@link RoomStatus} in core (the GUI's provisioning screen calls the same); this
 * only reads options and prints. The home is the workstation window's: {@code --home}, else
 * {@code AIRLOCK_HOME}, else {@value StartMode#SYSTEM_HOME}.
 */
@Command(name = "room", description = "Set up a real workstation (room init) and check its set-up (room status).",
        subcommands = {RoomCommand.Init.class, RoomCommand.Status.class})
final class RoomCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Path home(Path option) {
        return option != null ? option.toAbsolutePath() : StartMode.home(System.getenv());
    }

    @Command(name = "init", description = {
        "Set up this workstation for a real room: create its id and key, pin the room administrator's key,",
        "install the room policy signed by that key, pin the supervisor and vendor keys. Every file is checked",
        "before anything is written, and every step is read back. Exit 1 if a check refuses (nothing written)."})
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--home", paramLabel = "DIR",
                description = "Workstation home (default: $AIRLOCK_HOME, else " + StartMode.SYSTEM_HOME + ").")
        Path home;
        @Option(names = "--admin-key", required = true, paramLabel = "FILE",
                description = "The room administrator's public key (PEM).")
        Path adminKey;
        @Option(names = "--policy", required = true, paramLabel = "FILE",
                description = "The room policy signed with the administrator's key (FILE and FILE.sig, from 'airlock policy sign').")
        Path policy;
        @Option(names = "--supervisor-key", required = true, paramLabel = "FILE",
                description = "A supervisor's public key (PEM); repeat for each supervisor.")
        List<Path> supervisorKeys;
        @Option(names = "--vendor-key", required = true, paramLabel = "FILE",
                description = "A vendor's public key (PEM); repeat for each vendor.")
        List<Path> vendorKeys;

        @Override
        public Integer call() throws AirlockException {
            RoomInit.Result result = RoomInit.init(home(home),
                    new RoomInit.Request(adminKey, policy, supervisorKeys, vendorKeys), new SecureRandom());
            PrintWriter out = spec.commandLine().getOut();
            result.steps().forEach(step -> out.println(TerminalText.escape(step)));
            out.println("workstation set up: " + TerminalText.of(result.status().root())
                    + " (checked: 'airlock room status' reports every item ok)");
            return AirlockCommand.OK;
        }
    }

    @Command(name = "status", description = {
        "List what of this workstation's set-up is in place and what is missing, one line per item.",
        "Exit 0 when complete, 1 when anything is missing or refused."})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--home", paramLabel = "DIR",
                description = "Workstation home (default: $AIRLOCK_HOME, else " + StartMode.SYSTEM_HOME + ").")
        Path home;

        @Override
        public Integer call() {
            RoomStatus status = RoomStatus.check(home(home));
            PrintWriter out = spec.commandLine().getOut();
            status.items().forEach(item -> out.println(TerminalText.escape(item.line())));
            out.println(status.complete() ? "complete: this workstation is set up"
                    : "not set up: " + status.missing().size() + " of " + status.items().size() + " items missing or refused");
            return status.complete() ? AirlockCommand.OK : AirlockCommand.CHECK_FAILED;
        }
    }
}
