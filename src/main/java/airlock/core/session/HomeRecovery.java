package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.home.AirlockHome;
import airlock.core.log.EntryType;
import airlock.core.log.LedgerCheck;
import airlock.core.log.LogStore;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.SqlAction;
import airlock.core.log.StoreRecovery;
import airlock.core.log.WorkstationSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code airlock log recover} and the read-only screen's "Recover": puts a new store in place of
 * one the start-up checks refused, and keeps every old file under a new name. For a damaged,
 * rolled-back or WAL-less database, {@link StoreRecovery} copies every intact prefix (and the
 * annotation tables) into a new file whose logs carry a {@code recovery} entry naming what was
 * lost; for a missing database, a new store is started whose ledger's first entry after its start
 * names every log the high-water record says existed. Only then are the files swapped, and the
 * result is opened again and checked before success is reported. Nothing is deleted.
 */
public final class HomeRecovery {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private HomeRecovery() {
    }

    /** What was done. {@code needed} false: the store was healthy and nothing was changed. */
    public record Result(boolean needed, String problem, List<StoreRecovery.Recovered> logs,
                         List<StoreRecovery.OtherTables> otherTables, List<Path> keptAside, List<LedgerCheck.Finding> remaining) {
    }

    public static Result recover(AirlockHome home, WorkstationSigner signer, Clock clock) throws AirlockException {
        Path db = home.databases().resolve(WorkstationLogs.DATABASE);
        String problem;
        try (LogStore store = LogStore.openForReading(db)) {
            problem = store.health().writable() ? null : store.health().problem();
        }
        boolean missing = !Files.exists(db, LinkOption.NOFOLLOW_LINKS);
        if (problem == null) {
            // the database is intact; whatever the ledger check finds, a new file would not change it
            return new Result(false, null, List.of(), List.of(), List.of(),
                    WorkstationLogs.checkHome(home, null, signer.publicKey()));
        }
        if (missing && !Files.exists(highWater(db), LinkOption.NOFOLLOW_LINKS)) {
            // openForReading reports an absent database; with no record of one, the next start simply creates it
            return new Result(false, problem, List.of(), List.of(), List.of(), List.of());
        }
        String stamp = STAMP.format(clock.instant());
        Path fresh = db.resolveSibling("airlock.recovered-" + stamp + ".db");
        List<StoreRecovery.Recovered> logs = new ArrayList<>();
        List<StoreRecovery.OtherTables> others = new ArrayList<>();
        if (missing) {
            startAfterLoss(db, fresh, problem, signer, clock);
        } else {
            logs.addAll(StoreRecovery.recover(db, fresh, problem, signer, clock, others));
        }
        List<Path> kept = new ArrayList<>();
        String damaged = "airlock.damaged-" + stamp + ".db";
        try {
            for (String suffix : new String[] {"", "-wal", "-shm", ".highwater"}) {
                Path from = db.resolveSibling(db.getFileName() + suffix);
                if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                    Path to = db.resolveSibling(damaged + suffix);
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                    kept.add(to);
                }
            }
            Files.move(highWater(fresh), highWater(db), StandardCopyOption.ATOMIC_MOVE);
            Files.move(fresh, db, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AirlockException("log.recover.install", "The recovered store " + fresh + " was written, but it could not"
                    + " be put in place of " + db + " (" + e.getMessage() + "); the files are as listed in " + db.getParent(), e);
        }
        // a ledger checkpoint beyond the recovered ledger would refuse it for ever: it is kept aside,
        // and the recovery entries say what was lost
        Path checkpoint = WorkstationLogs.ledgerCheckpoint(home);
        try (LogStore store = LogStore.open(db)) {
            if (!store.health().writable()) {
                throw new AirlockException("log.recover.check", "The recovered store does not pass its own start-up checks: "
                        + store.health().problem());
            }
            List<LedgerCheck.Finding> findings = new LedgerCheck(store, home.archive(), signer.publicKey(), null).run();
            boolean checkpointDisagrees = findings.stream().anyMatch(f -> f.subject().equals(SessionHeader.LEDGER_SESSION)
                    || f.subject().equals(LedgerCheck.CHECKPOINT_FILE));
            if (checkpointDisagrees && Files.exists(checkpoint, LinkOption.NOFOLLOW_LINKS)) {
                Path aside = checkpoint.resolveSibling(LedgerCheck.CHECKPOINT_FILE + ".before-recovery-" + stamp);
                try {
                    Files.move(checkpoint, aside, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new AirlockException("log.recover.install", "Cannot keep the old ledger checkpoint aside as " + aside
                            + ": " + e.getMessage(), e);
                }
                kept.add(aside);
            }
            if (!Files.exists(checkpoint, LinkOption.NOFOLLOW_LINKS) && store.logIds().contains(SessionHeader.LEDGER_SESSION)) {
                WorkstationLogs.writeLedgerCheckpoint(home, store, signer);
            }
        }
        List<LedgerCheck.Finding> remaining;
        try (WorkstationLogs reopened = WorkstationLogs.open(home, signer, clock)) {
            if (!reopened.store().health().writable()) {
                throw new AirlockException("log.recover.check", "The recovered store does not pass its start-up checks: "
                        + reopened.store().health().problem());
            }
            remaining = reopened.rollbackProblem() == null ? List.of()
                    : new LedgerCheck(reopened.store(), home.archive(), signer.publicKey(), null).run();
        }
        return new Result(true, problem, List.copyOf(logs), List.copyOf(others), List.copyOf(kept), remaining);
    }

    /** A new store for a database that is gone: its ledger records which logs were lost, from the high-water record. */
    private static void startAfterLoss(Path db, Path fresh, String problem, WorkstationSigner signer, Clock clock)
            throws AirlockException {
        List<String> lost = LogStore.acknowledgedLogs(db);
        try (LogStore store = LogStore.open(fresh)) {
            SessionLog ledger = SessionLog.start(store, new SessionHeader(SessionHeader.LEDGER_FORMAT, SessionHeader.LEDGER_SESSION,
                    signer.workstation(), signer.publicKey(), List.of(), null, null), "workstation", signer, clock, 1);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reason", "a new store replaces a missing database (" + problem + "); the logs it held, as last"
                    + " acknowledged, are lost: " + String.join("; ", lost));
            data.put("previousFile", db.getFileName().toString());
            ledger.append("workstation", EntryType.RECOVERY, data, SqlAction.NONE);
        }
    }

    private static Path highWater(Path db) {
        return db.resolveSibling(db.getFileName() + ".highwater");
    }
}
