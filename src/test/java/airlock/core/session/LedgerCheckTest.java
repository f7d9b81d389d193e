package airlock.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.log.EntryType;
import airlock.core.log.LedgerCheck;
import airlock.core.log.LogExport;
import airlock.core.log.LogStore;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.SqlAction;
import airlock.core.log.WorkstationSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger is checked (issue 15, case 5): every sealed session it names has its rows and its
 * archive copy, and {@code ledger.checkpoint} is there once a seal exists; each disagreement is
 * named. Also the way back: {@link HomeRecovery} after a lost WAL and after a missing database.
 */
class LedgerCheckTest {
    @TempDir
    Path dir;

    private final KeyPair workstation = Ed25519.generate();
    private final KeyPair supervisor = Ed25519.generate();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private AirlockHome home;
    private Path db;

    private WorkstationSigner signer() {
        return new WorkstationSigner("ws-1", workstation.getPrivate(), workstation.getPublic());
    }

    private List<PinnedKeys.Pinned> supervisors() {
        return List.of(new PinnedKeys.Pinned("Sam", supervisor.getPublic()));
    }

    private PinnedKeys trust() {
        return new PinnedKeys(List.of(new PinnedKeys.Pinned("ws", workstation.getPublic())), supervisors());
    }

    private SessionLog openSession(WorkstationLogs logs, String id, int events) throws AirlockException {
        SessionLog log = logs.startSession(new SessionHeader(SessionHeader.SESSION_FORMAT, id, "ws-1", workstation.getPublic(),
                List.of("alice"), "ab".repeat(32), null), "supervisor");
        for (int i = 0; i < events; i++) {
            log.append(EntryType.FILE_OPENED, Map.of("path", "f" + i), SqlAction.NONE);
        }
        return log;
    }

    private void sealed(WorkstationLogs logs, String id) throws AirlockException {
        openSession(logs, id, 3).end("alice", Map.of());
        logs.seal(id, supervisor.getPrivate(), supervisors());
    }

    @BeforeEach
    void twoSealedSessions() throws Exception {
        home = AirlockHome.open(dir.resolve("home"));
        db = home.databases().resolve(WorkstationLogs.DATABASE);
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer(), clock)) {
            sealed(logs, "s-1");
            sealed(logs, "s-2");
        }
        Files.writeString(home.keys().resolve(WorkstationKey.PUBLIC_FILE), Ed25519.publicPem(workstation.getPublic()));
    }

    private List<LedgerCheck.Finding> check() throws AirlockException {
        return WorkstationLogs.checkHome(home, trust());
    }

    private static String text(List<LedgerCheck.Finding> findings) {
        return findings.stream().map(LedgerCheck.Finding::describe).collect(Collectors.joining("\n"));
    }

    private String startUpProblem() throws AirlockException {
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer(), clock)) {
            return logs.store().health().writable() ? logs.rollbackProblem() : logs.store().health().problem();
        }
    }

    @Test
    void anIntactHomeHasNoFindings() throws Exception {
        assertEquals(List.of(), check());
        assertNull(startUpProblem());
    }

    @Test
    void aDeletedArchiveFolderIsNamed() throws Exception {
        Path folder = home.archive().resolve("session-s-1");
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
        List<LedgerCheck.Finding> findings = check();
        assertEquals(1, findings.size(), text(findings));
        assertEquals("s-1", findings.get(0).subject());
        assertTrue(findings.get(0).problem().contains("archive folder") && findings.get(0).problem().contains("is missing"),
                text(findings));
        String problem = startUpProblem();
        assertTrue(problem != null && problem.contains("s-1: its archive folder"), problem);
    }

    @Test
    void swappedArchiveFoldersAreNamedForBothSessions() throws Exception {
        Path one = home.archive().resolve("session-s-1");
        Path two = home.archive().resolve("session-s-2");
        Path temp = home.archive().resolve("swap");
        Files.move(one, temp);
        Files.move(two, one);
        Files.move(temp, two);
        // and the files inside renamed to match their folder, as a careful swap would
        for (Path folder : List.of(one, two)) {
            String stem = folder.getFileName().toString();
            String other = stem.equals("session-s-1") ? "session-s-2" : "session-s-1";
            Files.move(folder.resolve(other + ".log"), folder.resolve(stem + ".log"));
            Files.move(folder.resolve(other + ".seal"), folder.resolve(stem + ".seal"));
        }
        String findings = text(check());
        for (String id : List.of("s-1", "s-2")) {
            assertTrue(findings.contains(id + ": its archive copy") && findings.contains("has SHA-256"), findings);
            assertTrue(findings.contains(id + ": its archive copy") && findings.contains("does not match the sealed final checkpoint"),
                    findings);
            assertTrue(findings.contains(id + ": its archive seal"), findings);
        }
        assertTrue(findings.contains("is the log of session 's-2'"), findings);
        assertTrue(startUpProblem().contains("s-1: its archive copy"));
    }

    @Test
    void deletedRowsAreNamed() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM log_entry WHERE session = 's-2'");
            statement.executeUpdate("DELETE FROM log_session WHERE id = 's-2'");
        }
        List<LedgerCheck.Finding> findings = check();
        assertEquals(1, findings.size(), text(findings));
        assertEquals("s-2: the ledger records its seal, but its rows are missing from the database", findings.get(0).describe());
        assertTrue(startUpProblem().contains("s-2: the ledger records its seal, but its rows are missing"));
    }

    @Test
    void changedRowsAreNamed() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM log_entry WHERE session = 's-1' AND seq = (SELECT max(seq) FROM log_entry"
                    + " WHERE session = 's-1')");
        }
        String findings = text(check());
        assertTrue(findings.contains("s-1: its 4 entries in the database do not match the sealed final checkpoint (5 entries"),
                findings);
    }

    @Test
    void aDeletedLedgerCheckpointIsNamed() throws Exception {
        Files.delete(home.archive().resolve(LedgerCheck.CHECKPOINT_FILE));
        List<LedgerCheck.Finding> findings = check();
        assertEquals(1, findings.size(), text(findings));
        assertEquals(LedgerCheck.CHECKPOINT_FILE, findings.get(0).subject());
        assertTrue(findings.get(0).problem().contains("the ledger records 2 seals"), text(findings));
        assertTrue(startUpProblem().contains("ledger.checkpoint: it is missing"));
    }

    @Test
    void olderDatabaseWithItsOwnRecordAndNoCheckpointIsNamed() throws Exception {
        // the database and its high-water record as they were after the first seal, the checkpoint deleted
        Path saved = Files.createDirectories(dir.resolve("saved"));
        AirlockHome other = AirlockHome.open(dir.resolve("home2"));
        try (WorkstationLogs logs = WorkstationLogs.open(other, signer(), clock)) {
            sealed(logs, "s-1");
        }
        Files.writeString(other.keys().resolve(WorkstationKey.PUBLIC_FILE), Ed25519.publicPem(workstation.getPublic()));
        Path otherDb = other.databases().resolve(WorkstationLogs.DATABASE);
        Files.copy(otherDb, saved.resolve("airlock.db"));
        Files.copy(otherDb.resolveSibling("airlock.db.highwater"), saved.resolve("airlock.db.highwater"));
        try (WorkstationLogs logs = WorkstationLogs.open(other, signer(), clock)) {
            sealed(logs, "s-2");
        }
        Files.copy(saved.resolve("airlock.db"), otherDb, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(saved.resolve("airlock.db.highwater"), otherDb.resolveSibling("airlock.db.highwater"),
                StandardCopyOption.REPLACE_EXISTING);
        List<LedgerCheck.Finding> withCheckpoint = WorkstationLogs.checkHome(other, trust());
        assertTrue(text(withCheckpoint).contains("ledger: the database's ledger has") && text(withCheckpoint).contains("older copy"),
                text(withCheckpoint));
        Files.delete(other.archive().resolve(LedgerCheck.CHECKPOINT_FILE));
        // without the checkpoint the older ledger is still a valid prefix, but its one seal needs the checkpoint
        List<LedgerCheck.Finding> without = WorkstationLogs.checkHome(other, trust());
        assertEquals("ledger.checkpoint", without.get(0).subject(), text(without));
        assertTrue(text(without).contains("the ledger records 1 seal"), text(without));
    }

    @Test
    void aSealWhoseArchiveWriteFailedIsArchivedAtTheNextStart() throws Exception {
        Path obstacle = home.archive().resolve("session-s-3");
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer(), clock)) {
            openSession(logs, "s-3", 2).end("alice", Map.of());
            Files.writeString(obstacle, "a file where the archive folder goes");
            org.junit.jupiter.api.Assertions.assertThrows(AirlockException.class,
                    () -> logs.seal("s-3", supervisor.getPrivate(), supervisors()));
            assertEquals("sealed", logs.status("s-3"), "the seal itself was recorded");
        }
        String refused = startUpProblem();
        assertTrue(refused != null && refused.contains("s-3: the ledger records its seal but no archive copy")
                && refused.contains("writing it now failed"), refused);
        Files.delete(obstacle);
        assertNull(startUpProblem(), "the archive copy is written at the next start");
        assertTrue(Files.isRegularFile(obstacle.resolve("session-s-3.log")));
        assertEquals(List.of(), check());
    }

    @Test
    void recoveryAfterALostWalNamesTheLostEntriesAndKeepsTheOldFiles() throws Exception {
        Path saved = Files.createDirectories(dir.resolve("saved"));
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer(), clock)) {
            SessionLog log = openSession(logs, "s-3", 5);
            Files.copy(db, saved.resolve("airlock.db")); // the main file only: the WAL holds s-3
            for (int i = 0; i < 5; i++) {
                log.append(EntryType.FILE_OPENED, Map.of("path", "more" + i), SqlAction.NONE);
            }
        }
        Files.copy(saved.resolve("airlock.db"), db, StandardCopyOption.REPLACE_EXISTING);
        String refused = startUpProblem();
        assertTrue(refused.contains("'s-3'") && refused.contains("acknowledged"), refused);
        HomeRecovery.Result result = HomeRecovery.recover(home, signer(), clock);
        assertTrue(result.needed());
        assertEquals(List.of(), result.remaining(), text(result.remaining()));
        assertTrue(result.keptAside().stream().anyMatch(p -> p.getFileName().toString().startsWith("airlock.damaged-")));
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer(), clock)) {
            assertTrue(logs.store().health().writable(), logs.store().health().problem());
            assertNull(logs.rollbackProblem());
            assertEquals("sealed", logs.status("s-1"));
            String ledger = new String(LogExport.entriesFile(logs.store(), "ledger"), StandardCharsets.UTF_8);
            assertTrue(ledger.contains("recovered from a damaged database"), ledger);
        }
        assertEquals(List.of(), check(), "the recovered home verifies");
    }

    @Test
    void recoveryOfAMissingDatabaseRecordsTheLossInANewLedger() throws Exception {
        Files.delete(db);
        String refused = startUpProblem();
        assertTrue(refused.contains("is missing") && refused.contains("'ledger'"), refused);
        assertFalse(Files.exists(db));
        HomeRecovery.Result result = HomeRecovery.recover(home, signer(), clock);
        assertTrue(result.needed());
        try (LogStore store = LogStore.openForReading(db)) {
            String ledger = new String(LogExport.entriesFile(store, "ledger"), StandardCharsets.UTF_8);
            assertTrue(ledger.contains("a new store replaces a missing database") && ledger.contains("'ledger'"), ledger);
        }
        // the sealed sessions the old ledger named are gone with it; their archive copies stay, and the old checkpoint is kept aside
        assertTrue(result.keptAside().stream().anyMatch(p -> p.getFileName().toString().startsWith("ledger.checkpoint.before-recovery")),
                result.keptAside().toString());
        assertTrue(Files.isDirectory(home.archive().resolve("session-s-1")));
    }
}
