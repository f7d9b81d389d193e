package airlock.cli;

import airlock.core.BuildInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock version}: prints the version of this build. */
@Command(name = "version", description = "Print the version of Airlock.")
final class VersionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("airlock " + BuildInfo.version());
        return AirlockCommand.OK;
    }
}
