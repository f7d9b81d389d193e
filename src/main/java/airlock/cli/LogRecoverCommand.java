package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.core.log.LedgerCheck;
import airlock.core.log.StoreRecovery;
import airlock.core.session.HomeRecovery;
import airlock.core.session.WorkstationKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code airlock log recover [--home DIR]}: when the start-up checks refused the session log
 * database, recovers into a new file and puts it in place; the old files are kept under new names.
 * Exit 0 when recovered (or nothing to do), 1 when the store is intact but the ledger's claims do
 * not hold (a new file would not change that), 3 when recovery failed.
 */
@Command(name = "recover", mixinStandardHelpOptions = true, description = {
        "Recover a session log database that the start-up checks refused (damaged, missing its write-ahead log,",
        "older than what was acknowledged, or missing): every intact log is copied into a new file with a recovery",
        "entry naming what was lost, the annotation tables are copied, and the new file is put in place. Nothing is",
        "deleted: the old files are kept under new names."})
final class LogRecoverCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws AirlockException {
        PrintWriter out = spec.commandLine().getOut();
        AirlockHome opened = home.open();
        if (!Files.exists(opened.keys().resolve(WorkstationKey.PRIVATE_FILE))) {
            throw new AirlockException("log.recover.nokey", "The home " + opened.root() + " has no workstation key, so no"
                    + " session was recorded here; give the workstation's home with --home.");
        }
        String workstation = WorkstationId.loadOrCreate(opened, new SecureRandom());
        HomeRecovery.Result result = HomeRecovery.recover(opened, WorkstationKey.loadOrCreate(opened, workstation),
                Clock.systemUTC());
        if (!result.needed()) {
            if (result.problem() != null) {
                out.println("Nothing to recover: " + TerminalText.escape(result.problem()) + ".");
                return AirlockCommand.OK;
            }
            var findings = result.remaining();
            if (!findings.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("REFUSED: the database passes its checks, but the ledger's claims do not hold; a new file would"
                        + " not change that. Restore what is named:");
                for (LedgerCheck.Finding f : findings) {
                    err.println("  - " + TerminalText.escape(f.describe()));
                }
                return AirlockCommand.CHECK_FAILED;
            }
            out.println("Nothing to recover: the session log database passes its start-up checks.");
            return AirlockCommand.OK;
        }
        out.println("The database was refused: " + TerminalText.escape(result.problem()));
        for (StoreRecovery.Recovered log : result.logs()) {
            out.println("  log " + TerminalText.escape(log.id()) + ": " + log.keptEntries() + " entries kept"
                    + (log.lostFrom() >= 0 ? ", lost from entry " + log.lostFrom() + " on (" + TerminalText.escape(
                    String.valueOf(log.problem())) + ")" : ""));
        }
        for (StoreRecovery.OtherTables tables : result.otherTables()) {
            for (Map.Entry<String, Long> t : tables.copied().entrySet()) {
                out.println("  table " + TerminalText.escape(t.getKey()) + ": " + t.getValue() + " rows copied");
            }
            for (String problem : tables.problems()) {
                out.println("  NOT COPIED: " + TerminalText.escape(problem));
            }
        }
        for (Path kept : result.keptAside()) {
            out.println("  kept as " + TerminalText.escape(kept.toString()));
        }
        if (!result.remaining().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("RECOVERED, but the ledger's claims still do not hold; restore what is named:");
            for (LedgerCheck.Finding f : result.remaining()) {
                err.println("  - " + TerminalText.escape(f.describe()));
            }
            return AirlockCommand.CHECK_FAILED;
        }
        out.println("OK: a recovered database is in place and passed its start-up checks; the next start resumes from it.");
        return AirlockCommand.OK;
    }
}
