package airlock.cli;

import airlock.core.BuildInfo;
import airlock.core.crypto.Ed25519;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code airlock <verb> ...}. Exit codes are part of the interface and are
 * listed in {@code --help}: 0 success, 1 a verification or check failed, 2 usage error,
 * 3 I/O or environment error.
 *
 * <p>The subcommands are added in code, not in the annotation: when the first argument names one
 * of them, only that one is built. Picocli builds every command in the tree by reflection when the
 * tree is made, about a third of a second before {@code log verify} could start; parsing, help
 * and error messages of the named subcommand are the same either way, and any other first argument
 * (an option, a misspelt or missing name) gets the whole tree as before.
 */
@Command(name = "airlock",
        mixinStandardHelpOptions = true,
        versionProvider = AirlockCommand.Version.class,
        description = {"Offline source-code review workstation.",
            "The window: 'airlock workstation [--home DIR]' (also 'airlock' alone) on the room's home ($AIRLOCK_HOME, else /var/lib/airlock);",
            "'airlock demo' the built-in demo. The commands below work on the command line."},
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
    /** In the order {@code --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            VersionCommand.class,
            KeygenCommand.class,
            TrustCommand.class,
            BundleCommand.class,
            LogCommand.class,
            SearchCommand.class,
            SearchIndexCommand.class,
            AnnotationsCommand.class,
            PolicyCommand.class,
            RoomCommand.class,
            KeeperCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * For the launcher, before it starts the window: {@link #OK} when {@code args} name a mode the window
     * starts in ({@link airlock.core.room.StartMode#parse}), else one line on standard error and {@link #USAGE}.
     */
    public static int checkWindowMode(String[] args) {
        try {
            airlock.core.room.StartMode.parse(List.of(args), System.getenv());
            return OK;
        } catch (IllegalArgumentException e) {
            System.err.println("airlock: " + e.getMessage());
            return USAGE;
        }
    }

    /** Runs the command line with the process's standard streams. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /**
     * Runs the command line with the given streams (tests use this). Both go through
     * {@link TerminalWriter}: nothing a command prints can carry a raw control, bidi or invisible
     * character to the terminal.
     */
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        PrintWriter out = TerminalWriter.guard(rawOut);
        PrintWriter err = TerminalWriter.guard(rawErr);
        try {
            return dispatch(args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length >= 2 && args[0].equals("log") && args[1].equals("verify")) {
            Ed25519.preloadInBackground(); // on the second core while the command is set up
            LogVerifyCommand plain = LogVerifyCommand.plain(args);
            if (plain != null) {
                try {
                    return plain.verify(out);
                } catch (Exception e) { // as picocli's execute() hands a command's failure on
                    return new ErrorHandler(err).handle(e, "verify");
                }
            }
        }
        return withPicocli(args, out, err);
    }

    /** {@link #run} always through picocli (tests compare the two). */
    static int withPicocli(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(args, out, err).execute(args);
    }

    /** The command tree {@code args} need (the one subcommand named first, or all), set up to print to the given streams. */
    static CommandLine commandLine(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AirlockCommand());
        for (Class<?> subcommand : subcommandsFor(args)) {
            cli.addSubcommand(subcommand); // before the settings below, which reach only the subcommands already added
        }
        cli.addSubcommand(new Help());
        addHelpOption(cli);
        cli.setOut(out);
        cli.setErr(err);
        // no ANSI styling in help: the terminal guard would show its escape codes as ⟨U+001B⟩
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        boolean[] usageShown = {false};
        cli.setParameterExceptionHandler((ex, arguments) -> {
            err.println("airlock: " + TerminalText.escape(String.valueOf(ex.getMessage())));
            err.println();
            ex.getCommandLine().usage(err);
            usageShown[0] = true;
            return USAGE;
        });
        cli.setExecutionStrategy(parsed -> { // a command's own usage check (exit 2) gets the usage too, after its one line
            int code = new CommandLine.RunLast().execute(parsed);
            if (code == USAGE && !usageShown[0]) {
                List<CommandLine> chain = parsed.asCommandLineList();
                err.println();
                chain.get(chain.size() - 1).usage(err);
            }
            return code;
        });
        cli.setExecutionExceptionHandler(new ErrorHandler(err));
        return cli;
    }

    /**
     * Gives every command of the tree {@code -h, --help} (usage, exit 0) unless it has a help option
     * already. Not picocli's standard mixin: its {@code -V, --version} would clash with
     * {@code bundle create --version}. Added to the model here so no command body changes.
     */
    private static void addHelpOption(CommandLine cli) {
        CommandLine.Model.CommandSpec spec = cli.getCommandSpec();
        boolean hasHelp = spec.options().stream().anyMatch(CommandLine.Model.OptionSpec::usageHelp);
        if (!hasHelp && spec.findOption("--help") == null && spec.findOption("-h") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help message and exit.")
                    .build());
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            addHelpOption(sub); // a command reached twice (an alias) already has it the second time
        }
    }

    /** The one subcommand {@code args[0]} names, or all of them. */
    static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (subcommand.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(subcommand);
                }
            }
        }
        return SUBCOMMANDS;
    }

    /**
     * {@code airlock help [COMMAND...]}: the usage of the (sub)command the words name, e.g. {@code
     * help bundle create}. Picocli's own {@code HelpCommand} goes one level down only.
     */
    @Command(name = "help", helpCommand = true,
            description = "Print the usage of COMMAND (e.g. 'airlock help bundle create'), or of airlock.")
    static final class Help implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command and its subcommands.")
        List<String> commands = List.of();

        @Override
        public void run() {
            CommandLine target = spec.commandLine().getParent();
            for (String name : commands) {
                CommandLine sub = target.getSubcommands().get(name);
                if (sub == null) {
                    throw new CommandLine.ParameterException(target, "Unknown command: '" + TerminalText.escape(name)
                            + "' for '" + target.getCommandSpec().qualifiedName() + "'"); // its usage lists the known ones
                }
                target = sub;
            }
            target.usage(spec.commandLine().getOut());
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"airlock " + BuildInfo.version()};
        }
    }
}
