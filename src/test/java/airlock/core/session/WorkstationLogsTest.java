package airlock.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.log.EntryType;
import airlock.core.log.LogFiles;
import airlock.core.log.LogVerification;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.SqlAction;
import airlock.core.log.WorkstationSigner;
import airlock.core.progress.ProgressMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationLogsTest {
    @TempDir
    Path dir;

    private final KeyPair workstation = Ed25519.generate();
    private final KeyPair supervisor = Ed25519.generate();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private WorkstationSigner signer() {
        return new WorkstationSigner("ws-1", workstation.getPrivate(), workstation.getPublic());
    }

    private List<PinnedKeys.Pinned> supervisors() {
        return List.of(new PinnedKeys.Pinned("Sam", supervisor.getPublic()));
    }

    private void endedSession(WorkstationLogs logs, String id) throws AirlockException {
        SessionLog log = logs.startSession(new SessionHeader(SessionHeader.SESSION_FORMAT, id, "ws-1", workstation.getPublic(),
                List.of("alice"), "ab".repeat(32), null), "supervisor");
        log.append(EntryType.FILE_OPENED, Map.of("path", "README"), SqlAction.NONE);
        log.end("alice", Map.of());
    }

    @Test
    void sealArchivesTheLogAndExportVerifiesFromTheStick() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer(), clock)) {
            endedSession(logs, "s-1");
            logs.seal("s-1", supervisor.getPrivate(), supervisors());
            Path archived = home.archive().resolve("session-s-1/session-s-1.log");
            assertTrue(Files.exists(archived));
            assertTrue(Files.exists(home.archive().resolve("ledger.checkpoint")));
            Path stick = Files.createDirectories(dir.resolve("stick"));
            // the export verifies against the home's pinned keys before it writes: pin this test's keys there
            airlock.core.trust.TrustStore pins = new airlock.core.trust.TrustStore(home);
            pins.add(airlock.core.home.TrustPurpose.WORKSTATION, workstation.getPublic(), "ws");
            pins.add(airlock.core.home.TrustPurpose.SUPERVISOR, supervisor.getPublic(), "Sam");
            logs.export("s-1", stick, airlock.core.media.WriteHooks.NONE);
            PinnedKeys trust = new PinnedKeys(List.of(new PinnedKeys.Pinned("ws", workstation.getPublic())), supervisors());
            LogVerification result = LogFiles.verify(stick.resolve("session-s-1.log"), stick.resolve("session-s-1.seal"), trust,
                    ProgressMonitor.NONE);
            assertTrue(result.isValid(), result.describe());
        }
    }

    @Test
    void databaseReplacedByAnOlderCopyIsDetected() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        Path db = home.databases().resolve(WorkstationLogs.DATABASE);
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer(), clock)) {
            endedSession(logs, "s-1");
            logs.seal("s-1", supervisor.getPrivate(), supervisors());
        }
        Path old = dir.resolve("old.db");
        Files.copy(db, old);
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer(), clock)) {
            assertNull(logs.rollbackProblem());
            endedSession(logs, "s-2");
            logs.seal("s-2", supervisor.getPrivate(), supervisors());
        }
        Files.copy(old, db, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(db.resolveSibling(WorkstationLogs.DATABASE + "-wal"));
        try (WorkstationLogs logs = WorkstationLogs.open(home, signer(), clock)) {
            // the high-water record next to the database catches it first: the ledger is below what was acknowledged
            assertFalse(logs.store().health().writable());
            String problem = logs.store().health().problem();
            assertTrue(problem.contains("'ledger'") && problem.contains("acknowledged"), problem);
            AirlockException refused = assertThrows(AirlockException.class, () -> endedSession(logs, "s-3"));
            assertEquals("log.store.readonly", refused.code());
        }
    }
}
