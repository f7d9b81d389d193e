package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.keeper.HomeCheck;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/**
 * The rule for command-line verbs that read vendor code out of the bundle store (docs/architecture.md,
 * "The command line"): they are for the administrator on the <b>keeper's own account</b> only, and the
 * read is written to the workstation ledger before any byte of code is printed.
 *
 * <p>Before the home is even opened (opening it would create or re-mode folders), it must be a
 * directory owned by the account running the command, mode 700 — the keeper's start-up check
 * ({@link HomeCheck}). Another account (an inspector's) is refused with one line and exit 1, and so
 * is a home others could read. Then the ledger entry is committed; if it cannot be, nothing is printed.
 */
final class StoreReadGate {
    /** The refusal code (exit 1). */
    static final String REFUSED = "cli.read.refused";

    private StoreReadGate() {
    }

    /** Refuses unless {@code home} is the keeper's home of the account running this command. */
    static void requireKeeperAccount(Path home, String verb) throws AirlockException {
        String account = System.getProperty("user.name");
        try {
            HomeCheck.requirePrivate(home.toAbsolutePath(), account);
        } catch (AirlockException e) {
            throw new AirlockException(REFUSED, "'airlock " + verb + "' reads vendor code from the store, which only the"
                    + " keeper's account may do, with a ledger entry: " + e.getMessage().replace("The keeper refuses to run: ", ""), e);
        }
    }

    /**
     * Commits {@code data} as a {@code search.run} entry of the workstation ledger, the actor being the
     * account, and returns it; only then may the caller print code.
     */
    static LogEntry record(AirlockHome home, Map<String, Object> data, Clock clock) throws AirlockException {
        String workstation = WorkstationId.loadOrCreate(home, new SecureRandom());
        try (WorkstationLogs logs = WorkstationLogs.open(home, WorkstationKey.loadOrCreate(home, workstation), clock)) {
            logs.checkUsable();
            return logs.recordInLedger("cli:" + System.getProperty("user.name"), EntryType.SEARCH_RUN, data);
        }
    }
}
