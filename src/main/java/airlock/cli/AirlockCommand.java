package airlock.cli;

import airlock.core.BuildInfo;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code airlock <verb> ...}. Exit codes are part of the interface and are
 * listed in {@code --help}: 0 success, 1 a verification or check failed, 2 usage error,
 * 3 I/O or environment error.
 */
@Command(name = "airlock",
        mixinStandardHelpOptions = true,
        versionProvider = AirlockCommand.Version.class,
        description = "Offline source-code review workstation. With no command, starts the workstation window.",
        subcommands = {
            VersionCommand.class,
            KeygenCommand.class,
            TrustCommand.class,
            LogCommand.class,
            AnnotationsCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a verification or check failed",
            "2:usage error (bad option or argument)",
            "3:I/O or environment error"
        })
public final class AirlockCommand implements Runnable {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int IO_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with the process's standard streams. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs the command line with the given streams (tests use this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AirlockCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            err.println("airlock: " + ex.getMessage() + " (see 'airlock --help')");
            return USAGE;
        });
        cli.setExecutionExceptionHandler(new ErrorHandler(err));
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"airlock " + BuildInfo.version()};
        }
    }
}
