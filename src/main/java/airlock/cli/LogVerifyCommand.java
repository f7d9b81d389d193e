package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.log.DisclosureVerification;
import airlock.core.log.LogFiles;
import airlock.core.log.LogSummary;
import airlock.core.log.LogVerification;
import airlock.core.log.PinnedKeys;
import airlock.core.progress.ProgressMonitor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code airlock log verify PATH [--seal FILE] [--disclosures FILE] [--trust DIR]}: exit 0 when valid and sealed (and every
 * disclosure given or next to the log opens its commitment), 1 naming the first failure.
 * Without PATH, the home's ledger ({@code --home DIR}): see {@link airlock.core.log.LedgerCheck}.
 */
@Command(name = "verify", description = {"Verify an exported session log and its supervisor seal;",
        "without PATH, the workstation home's ledger: its chain and checkpoint, and every sealed session's rows and archive copy."})
final class LogVerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "PATH", arity = "0..1",
            description = "The .log file, or a folder holding exactly one (none: check the home's ledger).")
    Path path;

    @Option(names = "--seal", paramLabel = "FILE", description = "The seal (default: the .seal file next to the log).")
    Path seal;

    @Option(names = "--disclosures", paramLabel = "FILE",
            description = "Disclosures of committed fields to check against the log (default: the .disclosures file next to it, if any).")
    Path disclosures;

    @Option(names = "--trust", paramLabel = "DIR",
            description = "Trust folder with workstation/ and supervisor/ public keys (default: the workstation home's).")
    Path trust;

    /** Kept so that existing scripts keep working: every check it used to add is now always made. */
    @Option(names = "--strict", description = "Accepted and ignored: every entry is always checked in full (one verdict).")
    boolean strict;

    @Override
    public Integer call() throws AirlockException {
        return verify(spec.commandLine().getOut());
    }

    /**
     * The command set up from {@code args} when they are {@code log verify PATH} with only these
     * options, each at most once ({@code --trust DIR}, {@code --trust=DIR}, ...), no value empty or
     * starting with '-' or '@'; else null, and picocli parses them. Picocli's first command tree costs
     * a cold JVM about a third of a second, the most of the start of a verification; these plain
     * forms mean the same to picocli, and any other (help, an unknown or repeated option, a second
     * path) goes to picocli for its usual answer.
     */
    static LogVerifyCommand plain(String[] args) {
        if (args.length < 3 || !args[0].equals("log") || !args[1].equals("verify")) {
            return null;
        }
        LogVerifyCommand command = new LogVerifyCommand();
        command.home = new HomeOption();
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--strict")) {
                if (command.strict) {
                    return null;
                }
                command.strict = true;
                continue;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                value = args[++i];
            }
            if (!name.startsWith("-")) {
                if (command.path != null || !plainValue(name)) {
                    return null;
                }
                command.path = Path.of(name);
                continue;
            }
            if (value == null || !plainValue(value)) {
                return null;
            }
            switch (name) {
                case "--trust" -> {
                    if (command.trust != null) {
                        return null;
                    }
                    command.trust = Path.of(value);
                }
                case "--disclosures" -> {
                    if (command.disclosures != null) {
                        return null;
                    }
                    command.disclosures = Path.of(value);
                }
                case "--seal" -> {
                    if (command.seal != null) {
                        return null;
                    }
                    command.seal = Path.of(value);
                }
                case "--home" -> {
                    if (command.home.home != null) {
                        return null;
                    }
                    command.home.home = Path.of(value);
                }
                default -> {
                    return null;
                }
            }
        }
        return command.path == null ? null : command;
    }

    private static boolean plainValue(String value) {
        if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
            return false;
        }
        try {
            Path.of(value);
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false; // picocli reports it, as a usage error
        }
    }

    /**
     * Verifies and prints the verdict and summary to {@code out}; the exit code. Every text taken
     * from the files (names, ids, the reason, which may quote them) is escaped for the terminal,
     * so a control sequence in the log cannot rewrite the verdict line. A log named
     * {@code session-<id>.log} that holds another session is refused (exit 1) whatever its verdict.
     */
    int verify(PrintWriter out) throws AirlockException {
        if (path == null) {
            return verifyHome(out);
        }
        Path entries = LogFiles.entriesFile(path);
        Path sealFile = seal != null ? seal : LogFiles.sealFor(entries);
        PinnedKeys keys = PinnedKeys.load(trust != null ? trust : home.open().trustRoot());
        LogVerification result = LogFiles.verify(entries, sealFile, keys, ProgressMonitor.NONE);
        out.println(TerminalText.escape(result.describe()));
        LogSummary summary = result.summary();
        if (summary != null && summary.session() != null) {
            out.println("  session:     " + TerminalText.escape(summary.session()) + " on workstation "
                    + TerminalText.escape(summary.workstation()));
            out.println("  inspectors:  " + TerminalText.escape(String.join(", ", summary.inspectors())));
            out.println("  bundle:      manifest SHA-256 " + TerminalText.escape(String.valueOf(summary.bundleManifestSha256())));
            out.println("  entries:     " + summary.entries() + " (" + summary.checkpoints() + " checkpoints)");
            out.println("  time span:   " + TerminalText.escape(String.valueOf(summary.firstTime())) + " to "
                    + TerminalText.escape(String.valueOf(summary.lastTime())));
            out.println("  sealed by:   " + (summary.sealedBy() == null ? "-" : TerminalText.escape(summary.sealedBy())));
        }
        String expectedName = summary == null ? null : LogFiles.exportNameMismatch(entries, summary.session());
        if (expectedName != null) {
            out.println("REFUSED: the file " + TerminalText.escape(entries.getFileName().toString()) + " holds session "
                    + TerminalText.escape(summary.session()) + ", whose export is named " + TerminalText.escape(expectedName)
                    + "; it was renamed or swapped: verify it under its own name");
            return AirlockCommand.CHECK_FAILED;
        }
        if (!result.isValid()) {
            return AirlockCommand.CHECK_FAILED;
        }
        return verifyDisclosures(out, entries, summary.session());
    }

    /**
     * The disclosures given, or found next to the log, each against its commitment in the verified
     * log: one line, exit 1 at the first bad one. None given and none there: nothing to check.
     */
    private int verifyDisclosures(PrintWriter out, Path entries, String session) throws AirlockException {
        Path file = disclosures != null ? disclosures : LogFiles.disclosuresFor(entries);
        if (disclosures == null && !java.nio.file.Files.exists(file)) {
            out.println("  disclosures: none next to the log; committed fields stay undisclosed");
            return AirlockCommand.OK;
        }
        DisclosureVerification checked = LogFiles.verifyDisclosures(entries, file, session);
        out.println("disclosures " + TerminalText.escape(file.getFileName().toString()) + ": "
                + TerminalText.escape(checked.describe()));
        return checked.valid() ? AirlockCommand.OK : AirlockCommand.CHECK_FAILED;
    }

    /** The home's ledger against the database and archive: one line per disagreement, by name. */
    private int verifyHome(PrintWriter out) throws AirlockException {
        airlock.core.home.AirlockHome opened = home.open();
        PinnedKeys keys = PinnedKeys.load(trust != null ? trust : opened.trustRoot());
        var findings = airlock.core.session.WorkstationLogs.checkHome(opened, keys);
        if (findings.isEmpty()) {
            out.println("VALID: the ledger of " + TerminalText.escape(opened.root().toString()) + " verifies, and every sealed"
                    + " session it names has its rows and its archive copy with the sealed final checkpoint");
            return AirlockCommand.OK;
        }
        out.println("INVALID: the ledger of " + TerminalText.escape(opened.root().toString()) + " does not hold ("
                + findings.size() + (findings.size() == 1 ? " finding" : " findings") + ")");
        for (var finding : findings) {
            out.println("  " + TerminalText.escape(finding.describe()));
        }
        return AirlockCommand.CHECK_FAILED;
    }
}
