package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged, empty or foreign database file: detected, read-only, untouched, recovery into a new file. */
class LogStoreDamageTest {
    @TempDir
    Path dir;

    private Path healthyStore(int events) throws Exception {
        Path db = dir.resolve("airlock.db");
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(db)) {
            SessionLog log = SessionLog.start(store, LogFixture.header("s-1"), "supervisor", LogFixture.signer(), clock, 64);
            for (int i = 0; i < events; i++) {
                log.append(EntryType.ANNOTATION_CREATED, LogFixture.event(2), SqlAction.NONE);
            }
            try (Statement statement = store.connection().createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        return db;
    }

    private static void assertReadOnlyAndUntouched(Path db, String expectedText) throws Exception {
        byte[] before = Files.readAllBytes(db);
        try (LogStore store = LogStore.open(db)) {
            assertFalse(store.health().writable());
            assertTrue(store.health().problem().contains(expectedText), store.health().problem());
            AirlockException refused = assertThrows(AirlockException.class, store::logIds);
            assertEquals("log.store.readonly", refused.code());
        }
        assertArrayEquals(before, Files.readAllBytes(db), "the damaged file is left exactly as it was");
    }

    @Test
    void zeroLengthFileIsNotReinitialised() throws Exception {
        Path db = dir.resolve("airlock.db");
        Files.createFile(db);
        assertReadOnlyAndUntouched(db, "empty");
    }

    @Test
    void foreignFileIsDetected() throws Exception {
        Path db = dir.resolve("airlock.db");
        Files.writeString(db, "this is a shopping list, not a database\n".repeat(200), StandardCharsets.UTF_8);
        assertReadOnlyAndUntouched(db, "not an SQLite database");
    }

    @Test
    void foreignSqliteDatabaseIsDetected() throws Exception {
        Path db = dir.resolve("airlock.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE recipes(name TEXT)");
        }
        assertReadOnlyAndUntouched(db, "not an Airlock session log database");
    }

    @Test
    void alteredEntryBytesAreDetectedAndRecoveredIntoANewFile() throws Exception {
        Path db = healthyStore(30);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE log_entry SET bytes = CAST(replace(CAST(bytes AS TEXT), 'note 2', 'note X') AS BLOB)"
                    + " WHERE seq = 17");
        }
        assertReadOnlyAndUntouched(db, "entry 17");
        Path target = dir.resolve("airlock-recovered.db");
        List<StoreRecovery.Recovered> result = StoreRecovery.recover(db, target, "entry 17 altered", LogFixture.signer(),
                new StepClock(LogFixture.START.plusSeconds(3600)));
        assertEquals(17, result.get(0).keptEntries());
        try (LogStore store = LogStore.open(target)) {
            assertTrue(store.health().writable());
            SessionLog log = SessionLog.resume(store, "s-1", LogFixture.signer(), new StepClock(LogFixture.START), 64);
            assertEquals(18, log.size(), "17 intact entries and the recovery entry");
            String text = new String(LogExport.entriesFile(store, "s-1"), StandardCharsets.UTF_8);
            assertTrue(text.contains("\"lostFrom\":17") && text.contains("\"previousFile\":\"airlock.db\""), text);
        }
        assertThrows(AirlockException.class, () -> StoreRecovery.recover(db, target, "again", LogFixture.signer(),
                new StepClock(LogFixture.START)), "never writes over an existing file");
    }

    @Test
    void randomBytesFlippedInPagesAreDetected() throws Exception {
        Path db = healthyStore(400);
        long size = Files.size(db);
        java.util.Random random = new java.util.Random(7);
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            for (int i = 0; i < 64; i++) {
                long at = 4096 + (long) (random.nextDouble() * (size - 4096));
                file.seek(at);
                int b = file.read();
                file.seek(at);
                file.write(b ^ 0x5a);
            }
        }
        byte[] before = Files.readAllBytes(db);
        try (LogStore store = LogStore.open(db)) {
            assertFalse(store.health().writable(), "64 flipped bytes in the pages must be noticed");
        }
        assertArrayEquals(before, Files.readAllBytes(db));
    }
}
