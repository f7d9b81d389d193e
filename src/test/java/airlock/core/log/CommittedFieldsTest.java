package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committed fields: the encoding, the disclosure table written with the entry, salts that never repeat. */
class CommittedFieldsTest {
    private static final FieldCommitter QUERIES = (type, data) -> type == EntryType.SEARCH_RUN ? Set.of("query") : Set.of();

    @TempDir
    Path dir;

    private static byte[] salt() {
        byte[] salt = new byte[32];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        return salt;
    }

    @Test
    void encodingMatchesTheDocumentedVectors() {
        // computed with Python's hashlib from the document's definition (length-prefixed domain, salt, field, value)
        assertEquals("c353dacab488476d3a966f7c86c1c8081e4bd20e26279d1453347f5ddf6e733d",
                LogHashes.hex(FieldCommitment.commit(salt(), "query", "println")));
        assertEquals("7dd73b3c40751f9ad0510257758713ce62d6c1e3b1bc8a859c0121c532371acf",
                LogHashes.hex(FieldCommitment.commit(salt(), "annotation", Map.of("a", List.of(1L, "\u00e9")))));
    }

    @Test
    void lengthPrefixesKeepFieldAndValueApart() {
        // without length prefixes field "q" + value "\"uery\"" and field "qu" + value "ery" could collide; they never share bytes
        assertNotEquals(LogHashes.hex(FieldCommitment.commitCanonical(salt(), "ab", "c".getBytes(StandardCharsets.UTF_8))),
                LogHashes.hex(FieldCommitment.commitCanonical(salt(), "a", "bc".getBytes(StandardCharsets.UTF_8))));
        assertNotEquals(LogHashes.hex(FieldCommitment.commit(salt(), "query", "x")), LogHashes.hex(FieldCommitment.commit(salt(), "paths", "x")),
                "the field name is bound");
        assertThrows(IllegalArgumentException.class, () -> FieldCommitment.commit(new byte[16], "query", "x"));
    }

    @Test
    void markerIsRecognisedOnlyInItsExactShape() {
        String hex = "ab".repeat(32);
        assertEquals(hex, FieldCommitment.of(Map.of("commitment", hex)));
        assertNull(FieldCommitment.of(Map.of("commitment", hex.toUpperCase())));
        assertNull(FieldCommitment.of(Map.of("commitment", hex, "x", 1)));
        assertNull(FieldCommitment.of(hex));
    }

    @Test
    void sensitiveFieldIsCommittedAndItsValueStoredWithTheEntry() throws Exception {
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(dir.resolve("airlock.db"))) {
            SessionLog log = SessionLog.start(store, LogFixture.header("s-c"), "supervisor", LogFixture.signer(), clock, 256)
                    .committing(QUERIES);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("query", "println");
            data.put("results", 3);
            LogEntry entry = log.append(EntryType.SEARCH_RUN, data, SqlAction.NONE);
            String line = new String(entry.bytes(), StandardCharsets.UTF_8);
            assertFalse(line.contains("println"), line);
            assertTrue(line.contains("\"results\":3"), "other fields stay in clear: " + line);
            List<Disclosure> stored = Disclosures.list(store, "s-c");
            assertEquals(1, stored.size());
            Disclosure d = stored.get(0);
            assertEquals(entry.seq(), d.entry());
            assertEquals("println", d.value());
            assertEquals(FieldCommitment.of(entry.data().get("query")), LogHashes.hex(d.commitment()));
            log.end("alice", Map.of("reason", "done"));
            byte[] file = Disclosures.file(stored);
            DisclosureVerification ok = new DisclosureVerifier().verify(LogExport.entriesFile(store, "s-c"), file, "s-c");
            assertTrue(ok.valid(), ok.describe());
            assertEquals(1, ok.committed());
        }
    }

    @Test
    void aFailedActionLeavesNeitherEntryNorDisclosure() throws Exception {
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(dir.resolve("airlock.db"))) {
            SessionLog log = SessionLog.start(store, LogFixture.header("s-f"), "supervisor", LogFixture.signer(), clock, 256)
                    .committing(QUERIES);
            assertThrows(AirlockException.class, () -> log.append(EntryType.SEARCH_RUN, Map.of("query", "secret"), c -> {
                throw new SQLException("disk full (simulated)");
            }));
            assertEquals(1, log.size());
            assertTrue(Disclosures.list(store, "s-f").isEmpty(), "the disclosure rolled back with the entry");
            AirlockException tooLarge = assertThrows(AirlockException.class, () -> log.append(EntryType.SEARCH_RUN,
                    Map.of("query", "x".repeat(EntryCodec.MAX_ENTRY_BYTES)), SqlAction.NONE));
            assertEquals("log.entry.too-large", tooLarge.code(), "the clear entry's size limit still holds when committed");
            assertTrue(Disclosures.list(store, "s-f").isEmpty());
        }
    }

    @Test
    void saltsNeverRepeat() throws Exception {
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(dir.resolve("airlock.db"))) {
            SessionLog log = SessionLog.start(store, LogFixture.header("s-s"), "supervisor", LogFixture.signer(), clock, 0)
                    .committing(QUERIES);
            for (int i = 0; i < 500; i++) {
                log.append(EntryType.SEARCH_RUN, Map.of("query", "same"), SqlAction.NONE);
            }
            Set<String> salts = new HashSet<>();
            Set<String> commitments = new HashSet<>();
            for (Disclosure d : Disclosures.list(store, "s-s")) {
                salts.add(LogHashes.hex(d.salt()));
                commitments.add(LogHashes.hex(d.commitment()));
            }
            assertEquals(500, salts.size(), "500 fresh salts");
            assertEquals(500, commitments.size(), "the same query 500 times gives 500 unrelated commitments");
        }
    }

    @Test
    void aRepeatedSaltIsRefusedByTheStoreAndNothingIsWritten() throws Exception {
        StepClock clock = new StepClock(LogFixture.START);
        SecureRandom broken = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 7);
            }
        };
        try (LogStore store = LogStore.open(dir.resolve("airlock.db"))) {
            SessionLog log = SessionLog.start(store, LogFixture.header("s-r"), "supervisor", LogFixture.signer(), clock, 256)
                    .committing(QUERIES, broken);
            log.append(EntryType.SEARCH_RUN, Map.of("query", "a"), SqlAction.NONE);
            AirlockException refused = assertThrows(AirlockException.class,
                    () -> log.append(EntryType.SEARCH_RUN, Map.of("query", "b"), SqlAction.NONE));
            assertEquals("log.append.failed", refused.code());
            assertEquals(2, log.size(), "the entry with the repeated salt was rolled back");
            assertEquals(1, Disclosures.list(store, "s-r").size());
            assertArrayEquals(new byte[32], new byte[32]);
        }
    }

    @Test
    void recoveryFromADamagedFileKeepsTheDisclosuresOfTheSurvivingEntries() throws Exception {
        Path db = dir.resolve("airlock.db");
        StepClock clock = new StepClock(LogFixture.START);
        try (LogStore store = LogStore.open(db)) {
            SessionLog log = SessionLog.start(store, LogFixture.header("s-1"), "supervisor", LogFixture.signer(), clock, 0)
                    .committing(QUERIES);
            for (int i = 1; i <= 10; i++) {
                log.append(EntryType.SEARCH_RUN, Map.of("query", "q" + i, "note", "note " + i), SqlAction.NONE);
            }
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE log_entry SET bytes = CAST(replace(CAST(bytes AS TEXT), 'note 7', 'note X') AS BLOB)"
                    + " WHERE seq = 7");
        }
        Path target = dir.resolve("airlock-recovered.db");
        List<StoreRecovery.Recovered> result = StoreRecovery.recover(db, target, "entry 7 altered", LogFixture.signer(),
                new StepClock(LogFixture.START.plusSeconds(3600)));
        assertEquals(7, result.get(0).keptEntries());
        try (LogStore store = LogStore.open(target)) {
            List<Disclosure> kept = Disclosures.list(store, "s-1");
            assertEquals(6, kept.size(), "the queries of entries 1 to 6");
            assertEquals("q6", kept.get(5).value());
            DisclosureVerification ok = new DisclosureVerifier().verify(LogExport.entriesFile(store, "s-1"),
                    Disclosures.file(kept), "s-1");
            assertTrue(ok.valid(), ok.describe());
            assertEquals(6, ok.committed());
        }
    }
}
