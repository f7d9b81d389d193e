package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store refuses to forget: a lost write-ahead log, a missing database, an older copy or a
 * missing high-water record leave it read-only with the reason (issue 15, case 3), and the crash
 * marker survives tools that only read or that do not resume the session.
 */
class HighWaterTest {
    @TempDir
    Path dir;

    private final StepClock clock = new StepClock(LogFixture.START);

    private SessionLog session(LogStore store, String id, int events) throws AirlockException {
        SessionLog log = SessionLog.start(store, LogFixture.header(id), "supervisor", LogFixture.signer(), clock, 16);
        for (int i = 0; i < events; i++) {
            log.append(EntryType.FILE_OPENED, LogFixture.event(i), SqlAction.NONE);
        }
        return log;
    }

    /**
     * Another program holding the database's write lock past the busy wait makes an append fail; the
     * next appends must be whole transactions again: before the fix sqlite-jdbc's auto-commit flag stayed
     * off after the failed BEGIN, the next entry was committed row by row, its COMMIT failed, the caller
     * was told "nothing was changed" and the high-water record did not cover the kept entry.
     */
    @Test
    void aBeginRefusedByALockedDatabaseLeavesTheNextAppendsWholeAndAcknowledged() throws Exception {
        Path db = dir.resolve("airlock.db");
        try (LogStore store = LogStore.open(db)) {
            SessionLog log = session(store, "s-1", 3);
            long before = log.size();
            try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                 java.sql.Statement lock = other.createStatement()) {
                lock.execute("BEGIN IMMEDIATE");
                airlock.core.AirlockException refused = org.junit.jupiter.api.Assertions.assertThrows(
                        airlock.core.AirlockException.class,
                        () -> log.append(EntryType.SEARCH_RUN, java.util.Map.of("query", "locked"), SqlAction.NONE));
                assertEquals("log.append.failed", refused.code());
                lock.execute("ROLLBACK");
            }
            assertEquals(before, log.size(), "the refused entry is not in the log");
            LogEntry next = log.append(EntryType.SEARCH_RUN, java.util.Map.of("query", "free"), SqlAction.NONE);
            LogEntry after = log.append(EntryType.SEARCH_RUN, java.util.Map.of("query", "again"), SqlAction.NONE);
            assertEquals(before, next.seq(), "the next entry takes the refused one's place");
            assertEquals(before + 1, after.seq());
            assertEquals(before + 2, log.size());
            HighWater.Mark mark = HighWater.read(HighWater.fileFor(db)).mark("s-1");
            assertEquals(log.size(), mark.size(), "every acknowledged entry is under the high-water mark");
            assertArrayEquals(log.head(), mark.head());
        }
    }

    @Test
    void everyCommitMovesTheRecordToTheDatabaseHead() throws Exception {
        Path db = dir.resolve("airlock.db");
        try (LogStore store = LogStore.open(db)) {
            SessionLog log = session(store, "s-1", 40);
            HighWater.Record record = HighWater.read(HighWater.fileFor(db));
            HighWater.Mark mark = record.mark("s-1");
            assertEquals(log.size(), mark.size());
            assertArrayEquals(log.head(), mark.head());
            assertEquals("open", mark.state());
            log.end("alice", java.util.Map.of());
            assertEquals("ended", HighWater.read(HighWater.fileFor(db)).mark("s-1").state());
            byte[] bytes = Files.readAllBytes(HighWater.fileFor(db));
            int slot = bytes.length / 2;
            HighWater.Record zero = HighWater.decode(bytes, 0, slot);
            HighWater.Record one = HighWater.decode(bytes, slot, slot);
            assertEquals(1, Math.abs(zero.counter() - one.counter()), "both slots intact, one write apart");
        }
    }

    @Test
    void aRecordThatOutgrowsItsSlotsIsRewrittenLarger() throws Exception {
        Path db = dir.resolve("airlock.db");
        try (LogStore store = LogStore.open(db)) {
            for (int i = 0; i < 60; i++) {
                session(store, "ended-session-number-" + i, 0).end("alice", java.util.Map.of());
            }
            SessionLog last = session(store, "s-last", 3);
            assertTrue(Files.size(HighWater.fileFor(db)) > 2 * HighWater.INITIAL_SLOT, "grown");
            HighWater.Record record = HighWater.read(HighWater.fileFor(db));
            assertEquals(61, record.marks().size(), "60 ended sessions and one open (a bare store has no ledger)");
            assertEquals(last.size(), record.mark("s-last").size());
        }
        try (LogStore store = LogStore.open(db)) {
            assertTrue(store.health().writable(), store.health().problem());
        }
    }

    @Test
    void sigkillThenLostWalIsRefusedWithTheReasonAndNothingIsReused() throws Exception {
        Path db = dir.resolve("airlock.db");
        CrashChild.Running child = CrashChild.start(db);
        child.awaitAck(30);
        long lastAck = child.kill();
        assertTrue(lastAck >= 30, "the child acknowledged entries before the kill: " + lastAck);
        Path wal = dir.resolve("airlock.db-wal");
        assertTrue(Files.exists(wal), "a killed writer leaves its write-ahead log");
        Files.delete(wal);
        try (LogStore store = LogStore.open(db)) {
            assertFalse(store.health().writable(), "a store without its acknowledged entries must not be used");
            String problem = store.health().problem();
            assertTrue(problem.contains("'crash'") && problem.contains("acknowledged") && problem.contains("airlock.db-wal is absent"),
                    problem);
            AirlockException refused = assertThrows(AirlockException.class,
                    () -> SessionLog.resume(store, "crash", LogFixture.signer(), clock, 16));
            assertEquals("log.store.readonly", refused.code(), "no sequence number is written again");
        }
        assertTrue(HighWater.read(HighWater.fileFor(db)).mark("crash").size() > lastAck,
                "the record still covers every acknowledged entry after the refused open");
    }

    @Test
    void walLostAfterACheckpointNamesTheEntriesThatAreGone() throws Exception {
        Path db = dir.resolve("airlock.db");
        try (LogStore store = LogStore.open(db)) {
            session(store, "s-1", 10);
        }
        Path copy = Files.createDirectories(dir.resolve("copy"));
        try (LogStore store = LogStore.open(db)) {
            SessionLog log = SessionLog.resume(store, "s-1", LogFixture.signer(), clock, 16);
            for (int i = 0; i < 20; i++) {
                log.append(EntryType.FILE_OPENED, LogFixture.event(i), SqlAction.NONE);
            }
            // what a crash leaves when the write-ahead log is then lost: the main file only (no checkpoint ran)
            Files.copy(db, copy.resolve("airlock.db"));
            Files.copy(HighWater.fileFor(db), copy.resolve("airlock.db.highwater"));
        }
        try (LogStore store = LogStore.open(copy.resolve("airlock.db"))) {
            assertFalse(store.health().writable());
            String problem = store.health().problem();
            assertTrue(problem.contains("the log 's-1' has 11 entries in the database, but 33 were acknowledged"), problem);
            assertTrue(problem.contains("entries 11 to 32 are gone"), problem);
        }
    }

    @Test
    void missingDatabaseIsNotReplacedByAnEmptyOne() throws Exception {
        Path db = dir.resolve("airlock.db");
        try (LogStore store = LogStore.open(db)) {
            session(store, "s-1", 3);
        }
        Files.delete(db);
        for (boolean reader : new boolean[] {false, true}) {
            try (LogStore store = reader ? LogStore.openForReading(db) : LogStore.open(db)) {
                assertFalse(store.health().writable());
                String problem = store.health().problem();
                assertTrue(problem.contains("is missing") && problem.contains("'s-1' (4 entries acknowledged, open)"), problem);
                assertThrows(AirlockException.class, store::logIds);
            }
            assertFalse(Files.exists(db), "no fresh database is created in its place");
        }
    }

    @Test
    void olderCopyOfTheDatabaseIsRefused() throws Exception {
        Path db = dir.resolve("airlock.db");
        Path old = dir.resolve("old.db");
        try (LogStore store = LogStore.open(db)) {
            session(store, "s-1", 5);
        }
        Files.copy(db, old);
        try (LogStore store = LogStore.open(db)) {
            SessionLog.resume(store, "s-1", LogFixture.signer(), clock, 16).append(EntryType.FILE_OPENED, LogFixture.event(9),
                    SqlAction.NONE);
        }
        Files.copy(old, db, StandardCopyOption.REPLACE_EXISTING);
        try (LogStore store = LogStore.open(db)) {
            assertFalse(store.health().writable());
            assertTrue(store.health().problem().contains("the log 's-1' has 6 entries in the database, but 7 were acknowledged: entry 6 is gone"),
                    store.health().problem());
        }
    }

    @Test
    void aDatabaseFromAnotherStoreOrWithoutItsRecordIsRefused() throws Exception {
        Path db = dir.resolve("airlock.db");
        Path other = dir.resolve("other/airlock.db");
        Files.createDirectories(other.getParent());
        try (LogStore store = LogStore.open(db); LogStore second = LogStore.open(other)) {
            session(store, "s-1", 2);
            session(second, "s-1", 2);
        }
        Files.copy(other, db, StandardCopyOption.REPLACE_EXISTING);
        try (LogStore store = LogStore.open(db)) {
            assertTrue(store.health().problem().contains("is not the one its high-water record"), store.health().problem());
        }
        Files.delete(HighWater.fileFor(db));
        try (LogStore store = LogStore.open(db)) {
            assertTrue(store.health().problem().contains("high-water record " + HighWater.fileFor(db) + " is missing"),
                    store.health().problem());
        }
    }

    @Test
    void aTornSlotFallsBackToTheOtherAndTwoBadSlotsAreRefused() throws Exception {
        Path db = dir.resolve("airlock.db");
        try (LogStore store = LogStore.open(db)) {
            session(store, "s-1", 3);
        }
        Path file = HighWater.fileFor(db);
        byte[] bytes = Files.readAllBytes(file);
        HighWater.Record newest = HighWater.read(file);
        int slot = bytes.length / 2;
        int newestAt = HighWater.decode(bytes, 0, slot).counter() == newest.counter() ? 0 : slot;
        byte[] torn = bytes.clone();
        torn[newestAt + 30] ^= 1;
        Files.write(file, torn);
        assertEquals(newest.counter() - 1, HighWater.read(file).counter(), "the older slot is used");
        try (LogStore store = LogStore.open(db)) {
            assertTrue(store.health().writable(), "the older record is below the database: " + store.health().problem());
        }
        bytes = Files.readAllBytes(file);
        for (int at : new int[] {10, slot + 10}) {
            bytes[at] ^= 1;
        }
        Files.write(file, bytes);
        try (LogStore store = LogStore.open(db)) {
            assertFalse(store.health().writable());
            assertTrue(store.health().problem().contains("neither copy in it is intact"), store.health().problem());
        }
        Files.write(file, "airlock-highwater/1\n".getBytes(StandardCharsets.US_ASCII));
        assertThrows(java.io.IOException.class, () -> HighWater.read(file));
    }

    @Test
    void hostileSlotsAreRefusedOneByOne() throws Exception {
        String head = "ab".repeat(32);
        String store = "0123456789abcdef0123456789abcdef";
        java.util.List<String> bodies = java.util.List.of(
                "airlock-highwater/2\ncounter 1\nstore " + store + "\n",                        // other version
                "airlock-highwater/1\ncounter x\nstore " + store + "\n",                        // bad counter
                "airlock-highwater/1\ncounter 1\nstore " + store.toUpperCase() + "\n",          // upper-case store id
                "airlock-highwater/1\ncounter 1\nstore " + store + "\nlog open 0 " + head + " s\n",          // size 0
                "airlock-highwater/1\ncounter 1\nstore " + store + "\nlog open 01 " + head + " s\n",         // leading zero
                "airlock-highwater/1\ncounter 1\nstore " + store + "\nlog open 1 " + head.toUpperCase() + " s\n",
                "airlock-highwater/1\ncounter 1\nstore " + store + "\nlog closed 1 " + head + " s\n",        // unknown state
                "airlock-highwater/1\ncounter 1\nstore " + store + "\nlog open 1 " + head + " s\u202e1\n",  // id outside the set
                "airlock-highwater/1\ncounter 1\nstore " + store + "\nlog open 1 " + head + " s extra\n",
                "airlock-highwater/1\ncounter 1\nstore " + store + "\nlog open 1 " + head + " " + "x".repeat(65) + "\n");
        for (String body : bodies) {
            byte[] text = body.getBytes(StandardCharsets.UTF_8);
            String sum = "sha256 " + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text)) + "\n";
            byte[] slot = new byte[4096];
            System.arraycopy(text, 0, slot, 0, text.length);
            System.arraycopy(sum.getBytes(StandardCharsets.US_ASCII), 0, slot, text.length, sum.length());
            assertThrows(java.io.IOException.class, () -> HighWater.decode(slot, 0, slot.length), body);
        }
        byte[] good = HighWater.encode(new HighWater.Record(7, store, java.util.List.of(
                new HighWater.Mark("s-1", "open", 3, java.util.HexFormat.of().parseHex(head)))));
        byte[] slot = new byte[4096];
        System.arraycopy(good, 0, slot, 0, good.length);
        assertEquals(7, HighWater.decode(slot, 0, slot.length).counter());
        slot[slot.length - 1] = 1; // bytes after the record's end
        assertThrows(java.io.IOException.class, () -> HighWater.decode(slot, 0, slot.length));
        Path file = dir.resolve("odd.highwater");
        Files.write(file, new byte[4097]);
        assertThrows(java.io.IOException.class, () -> HighWater.read(file), "not two equal slots");
        Files.write(file, new byte[0]);
        assertThrows(java.io.IOException.class, () -> HighWater.read(file), "empty");
        Files.delete(file);
        Files.createDirectory(file);
        assertThrows(java.io.IOException.class, () -> HighWater.read(file), "a folder");
    }

    @Test
    void readersLeaveTheCrashMarkerAndWriteNothing() throws Exception {
        Path db = dir.resolve("airlock.db");
        LogStore first = LogStore.open(db);
        session(first, "s-1", 2);
        first.connection().close(); // no clean stop recorded: as after a kill
        byte[] record = Files.readAllBytes(HighWater.fileFor(db));
        try (LogStore reader = LogStore.openForReading(db)) {
            assertTrue(reader.health().uncleanStop());
            assertTrue(reader.isReader());
            assertEquals(java.util.List.of("s-1"), reader.logIds());
        }
        assertArrayEquals(record, Files.readAllBytes(HighWater.fileFor(db)), "a reader writes no record");
        try (LogStore store = LogStore.open(db)) {
            assertTrue(store.health().uncleanStop(), "the reader left the crash marker as it was");
            SessionLog log = SessionLog.resume(store, "s-1", LogFixture.signer(), clock, 16);
            assertTrue(log.resumedAfterCrash());
        }
    }

    @Test
    void aToolThatDoesNotResumeTheSessionCannotMakeTheCrashLookClean() throws Exception {
        Path db = dir.resolve("airlock.db");
        LogStore first = LogStore.open(db);
        session(first, "s-1", 2);
        first.connection().close(); // killed
        try (LogStore tool = LogStore.open(db)) {
            assertTrue(tool.health().uncleanStop());
            // a tool (log seal, annotations import) opens the store and closes it cleanly without resuming s-1
        }
        try (LogStore store = LogStore.open(db)) {
            assertFalse(store.health().uncleanStop(), "the last run stopped cleanly");
            SessionLog log = SessionLog.resume(store, "s-1", LogFixture.signer(), clock, 16);
            assertTrue(log.resumedAfterCrash(), "s-1 still owes the recovery entry of the crash");
            String text = new String(LogExport.entriesFile(store, "s-1"), StandardCharsets.UTF_8);
            assertTrue(text.contains("the workstation did not stop cleanly"), text);
            assertEquals(0, count(store.connection(), "SELECT count(*) FROM log_unclean"), "the note goes with its entry");
        }
        try (LogStore store = LogStore.open(db)) {
            assertFalse(SessionLog.resume(store, "s-1", LogFixture.signer(), clock, 16).resumedAfterCrash(),
                    "one recovery entry per crash");
        }
    }

    @Test
    void oldDatabaseWithoutARecordGetsOneOnFirstOpen() throws Exception {
        Path db = dir.resolve("airlock.db");
        try (LogStore store = LogStore.open(db)) {
            session(store, "s-1", 2);
            try (Statement statement = store.connection().createStatement()) {
                statement.executeUpdate("DELETE FROM log_meta WHERE key = 'highwater'");
            }
        }
        Files.delete(HighWater.fileFor(db));
        try (LogStore store = LogStore.open(db)) {
            assertTrue(store.health().writable(), store.health().problem());
        }
        assertEquals(3, HighWater.read(HighWater.fileFor(db)).mark("s-1").size());
        assertNull(HighWater.read(dir.resolve("absent.highwater")));
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
