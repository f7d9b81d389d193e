package airlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock log ...}: the session log. */
@Command(name = "log", description = "Session log: seal an ended session and write it to media; verify an exported, sealed log or a home's ledger;"
        + " recover a refused database.",
        subcommands = {LogVerifyCommand.class, LogSealCommand.class, LogRecoverCommand.class})
final class LogCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
