package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLogTest {
    @TempDir
    Path dir;

    @Test
    void sealedSessionVerifiesAndNamesWhoSealedIt() throws Exception {
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(dir.resolve("airlock.db"))) {
            SessionLog ledger = LogFixture.ledger(store, clock);
            LogFixture.endedSession(store, "s-1", 40, 16, clock);
            SignedNote sealed = new Sealer(store, ledger, LogFixture.trust().supervisor()).seal("s-1", LogFixture.privateKey("supervisor"));
            LogVerification result = LogFixture.verify(LogExport.entriesFile(store, "s-1"), LogFixture.utf8(sealed.text()), LogFixture.trust());
            assertTrue(result.isValid(), result.describe());
            assertEquals(44, result.summary().entries(), "start + 40 events + 2 checkpoints + end");
            assertEquals(2, result.summary().checkpoints());
            assertEquals("supervisor", result.summary().sealedBy());
            assertEquals("alice", result.summary().inspectors().get(0));
            LogVerification ledgerCheck = new LogVerifier(LogFixture.trust()).verify(
                    new java.io.ByteArrayInputStream(LogExport.entriesFile(store, "ledger")), null, false,
                    airlock.core.progress.ProgressMonitor.NONE);
            assertTrue(ledgerCheck.isValid(), ledgerCheck.describe());
        }
    }

    @Test
    void actionAndEntryCommitTogetherOrNotAtAll() throws Exception {
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(dir.resolve("airlock.db"))) {
            SessionLog log = SessionLog.start(store, LogFixture.header("s-2"), "supervisor", LogFixture.signer(), clock, 256);
            log.append(EntryType.ANNOTATION_CREATED, Map.of("id", "a1"), c -> execute(c, "CREATE TABLE note(id TEXT)"));
            log.append(EntryType.ANNOTATION_CREATED, Map.of("id", "a2"), c -> execute(c, "INSERT INTO note VALUES ('a2')"));
            AirlockException tooLarge = assertThrows(AirlockException.class, () -> log.append(EntryType.ANNOTATION_CREATED,
                    Map.of("body", "x".repeat(EntryCodec.MAX_ENTRY_BYTES)), c -> execute(c, "INSERT INTO note VALUES ('big')")));
            assertEquals("log.entry.too-large", tooLarge.code());
            assertThrows(AirlockException.class, () -> log.append(EntryType.ANNOTATION_CREATED, Map.of("id", "a3"), c -> {
                execute(c, "INSERT INTO note VALUES ('a3')");
                throw new SQLException("disk full (simulated)");
            }));
            assertEquals(3, log.size(), "failed appends leave no entry");
            assertEquals(1, count(store, "SELECT count(*) FROM note"), "failed appends leave no action");
            LogEntry next = log.append(EntryType.SEARCH_RUN, Map.of("query", "x"), SqlAction.NONE);
            assertEquals(3, next.seq(), "the chain continues after a refused append");
        }
    }

    @Test
    void durabilityPragmasAreReadBack() throws Exception {
        try (LogStore store = LogStore.open(dir.resolve("airlock.db"))) {
            assertEquals("wal", LogStore.pragma(store.connection(), "journal_mode"));
            assertEquals("2", LogStore.pragma(store.connection(), "synchronous"));
        }
    }

    @Test
    void uncleanStopAddsRecoveryEntryOnResume() throws Exception {
        StepClock clock = new StepClock(LogFixture.START);
        Path file = dir.resolve("airlock.db");
        LogStore first = LogStore.open(file);
        SessionLog log = SessionLog.start(first, LogFixture.header("s-3"), "supervisor", LogFixture.signer(), clock, 256);
        log.append(EntryType.FILE_OPENED, LogFixture.event(0), SqlAction.NONE);
        first.connection().close(); // no clean stop recorded: as after a kill
        try (LogStore second = LogStore.open(file)) {
            assertTrue(second.health().uncleanStop());
            SessionLog resumed = SessionLog.resume(second, "s-3", LogFixture.signer(), clock, 256);
            assertEquals(3, resumed.size());
            byte[] entries = LogExport.entriesFile(second, "s-3");
            assertTrue(new String(entries, StandardCharsets.UTF_8).contains("\"type\":\"recovery\""));
        }
        try (LogStore third = LogStore.open(file)) {
            assertFalse(third.health().uncleanStop(), "a clean stop is not a crash");
            assertEquals(3, SessionLog.resume(third, "s-3", LogFixture.signer(), clock, 256).size());
        }
    }

    @Test
    void endedSessionRefusesMoreEntries() throws Exception {
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(dir.resolve("airlock.db"))) {
            SessionLog log = LogFixture.endedSession(store, "s-4", 3, 256, clock);
            AirlockException e = assertThrows(AirlockException.class,
                    () -> log.append(EntryType.FILE_OPENED, LogFixture.event(0), SqlAction.NONE));
            assertEquals("log.session.closed", e.code());
        }
    }

    @Test
    void sealWithKeyNotOnSupervisorListIsRefused() throws Exception {
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(dir.resolve("airlock.db"))) {
            SessionLog ledger = LogFixture.ledger(store, clock);
            LogFixture.endedSession(store, "s-5", 3, 256, clock);
            Sealer sealer = new Sealer(store, ledger, LogFixture.trust().supervisor());
            AirlockException e = assertThrows(AirlockException.class, () -> sealer.seal("s-5", LogFixture.privateKey("stranger")));
            assertEquals("log.seal.untrusted", e.code());
            AirlockException workstation = assertThrows(AirlockException.class,
                    () -> sealer.seal("s-5", LogFixture.privateKey("workstation")));
            assertEquals("log.seal.untrusted", workstation.code());
            char[] passphrase = "correct-horse".toCharArray();
            SignedNote sealed = sealer.seal("s-5", airlock.core.crypto.Ed25519.readPrivatePem(
                    LogFixture.resource("keys/log/supervisor.enc.key.pem"), passphrase));
            assertEquals(2, sealed.signatures().size());
            assertFalse(new String(LogExport.entriesFile(store, "ledger"), StandardCharsets.UTF_8).contains("correct-horse"));
        }
    }

    @Test
    void failedExportKeepsSessionSealedLocallyAndRetryOntoAnotherFolderVerifies() throws Exception {
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(dir.resolve("airlock.db"))) {
            SessionLog ledger = LogFixture.ledger(store, clock);
            LogFixture.endedSession(store, "s-6", 10, 4, clock);
            new Sealer(store, ledger, LogFixture.trust().supervisor()).seal("s-6", LogFixture.privateKey("supervisor"));
            LogExport export = new LogExport(store, ledger, new airlock.core.media.SafeWriter(airlock.core.media.WriteHooks.NONE));
            assertThrows(AirlockException.class, () -> export.export("s-6", dir.resolve("pulled-stick"), false));
            assertEquals("sealed", LogState.status(store.connection(), "s-6"));
            Path stick = java.nio.file.Files.createDirectories(dir.resolve("stick"));
            var written = export.export("s-6", stick, false);
            assertEquals(List.of("session-s-6.log", "session-s-6.seal"),
                    written.stream().map(f -> f.path().getFileName().toString()).toList());
            assertEquals("exported", LogState.status(store.connection(), "s-6"));
            LogVerification result = LogFiles.verify(stick.resolve("session-s-6.log"), stick.resolve("session-s-6.seal"),
                    LogFixture.trust(), airlock.core.progress.ProgressMonitor.NONE);
            assertTrue(result.isValid(), result.describe());
            assertTrue(new String(LogExport.entriesFile(store, "ledger"), StandardCharsets.UTF_8).contains("export.written"));
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static long count(LogStore store, String sql) throws Exception {
        try (Statement statement = store.connection().createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
