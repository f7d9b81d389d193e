package airlock.core.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.media.WriteHooks;
import airlock.core.media.WrittenFile;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.WorkstationLogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, cases 1, 2 and 4 at the seal: a stick that changes under the export between two files,
 * a stick that returns other bytes than it was given, and a stored seal with a flipped byte. Each
 * leaves the session sealed (not exported), no {@code export.written} in the ledger, and no file
 * of the attempt on the stick.
 */
class SealMediaTest {
    private static final String STEM = "session-" + SealFixture.SESSION;
    @TempDir
    Path dir;
    SealFixture fx;
    SealReview review;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SealFixture(dir);
        fx.endedSession();
        review = fx.review();
        review.keepFindingsInTheRoom();
        review.seal(SupervisorKey.load(fx.supervisorKeyFile, SealFixture.PASSPHRASE.toCharArray(), fx.trust),
                SupervisorKey.pinned(fx.trust));
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    private long mediaExportsInTheLedger() throws AirlockException {
        AtomicInteger n = new AtomicInteger();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(fx.logs.store(), SessionHeader.LEDGER_SESSION, bytes -> {
            var e = codec.decode(bytes);
            if (e.type() == EntryType.EXPORT_WRITTEN && "media".equals(e.data().get("target"))) {
                n.incrementAndGet();
            }
        });
        return n.get();
    }

    private static List<String> names(Path folder) throws IOException {
        try (var listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aStickSwappedBetweenTheLogAndTheSealIsNotReportedAsWritten() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        Path pulled = dir.resolve("stick-pulled");
        // Simulated device change: before the seal, the folder the export opened goes away (its files
        // with it) and the path now leads to another, empty folder - what umount -l does to the path.
        WriteHooks swap = new WriteHooks() {
            @Override
            public void beforeFile(String name) throws IOException {
                if (name.endsWith(".seal")) {
                    Files.move(stick, pulled);
                    Files.createDirectories(stick);
                }
            }
        };
        AirlockException e = assertThrows(AirlockException.class, () -> review.write(stick, ProgressMonitor.NONE, swap));
        assertEquals("media.folder.changed", e.code());
        assertTrue(e.getMessage().startsWith(STEM + ".seal was not written: "), e.getMessage());
        assertTrue(e.getMessage().contains("now leads to another device or folder"), e.getMessage());
        assertEquals(List.of(), names(stick), "nothing was written to the folder the path leads to now");
        assertEquals(List.of(), names(pulled), "the log written before the swap was removed through the folder's handle");
        assertEquals("sealed", review.status());
        assertEquals(0, mediaExportsInTheLedger(), "no export.written for the failed export");

        Path other = Files.createDirectories(dir.resolve("other-stick"));
        List<WrittenFile> written = review.write(other, ProgressMonitor.NONE);
        assertEquals(List.of(STEM + ".log", STEM + ".seal"), names(other));
        assertEquals(2, written.size());
        assertEquals("exported", review.status());
        assertEquals(1, mediaExportsInTheLedger());
    }

    @Test
    void aStickThatReturnsOtherBytesAfterTheSyncIsCaughtAndNothingCounts() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        // Below the writer: after fsync the medium holds other bytes (one flipped), as a bad stick would.
        WriteHooks badStick = new WriteHooks() {
            @Override
            public void afterSync(Path file) throws IOException {
                if (file.getFileName().toString().endsWith(".seal")) {
                    byte[] bytes = Files.readAllBytes(file);
                    bytes[bytes.length / 2] ^= 0x01;
                    Files.write(file, bytes);
                }
            }
        };
        AirlockException e = assertThrows(AirlockException.class, () -> review.write(stick, ProgressMonitor.NONE, badStick));
        assertEquals("media.readback.mismatch", e.code());
        assertTrue(e.getMessage().contains(STEM + ".seal"), e.getMessage());
        assertEquals(List.of(), names(stick), "the bad copy and the log before it were removed");
        assertEquals("sealed", review.status());
        assertEquals(0, mediaExportsInTheLedger());
    }

    @Test
    void aFlippedByteInTheStoredSealIsRefusedBeforeAnythingIsWritten() throws Exception {
        flipStored("seal_note");
        Path stick = Files.createDirectories(dir.resolve("stick"));
        AirlockException e = assertThrows(AirlockException.class, () -> fx.review().write(stick, ProgressMonitor.NONE));
        assertEquals("seal.verify.refused", e.code());
        assertTrue(e.getMessage().contains("does not verify against the pinned keys, so nothing was written: INVALID"),
                e.getMessage());
        assertEquals(List.of(), names(stick), "no seal (and no log) on the stick");
        assertEquals(0, mediaExportsInTheLedger());
    }

    @Test
    void twoSessionsAreSealedToOneStickUnderTheirOwnNames() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        review.write(stick, ProgressMonitor.NONE);
        String second = "s-2026-03-02-b";
        fx.endedSession(second);
        SealReview next = fx.review(second);
        next.decide(new airlock.core.policy.SupervisorDecision(next.violations().stream()
                .filter(v -> v.kind() == airlock.core.policy.ViolationKind.SNIPPET_PER_FINDING).findFirst().orElseThrow(),
                airlock.core.policy.SupervisorAction.REDACT, "Sam", ""));
        next.seal(SupervisorKey.load(fx.supervisorKeyFile, SealFixture.PASSPHRASE.toCharArray(), fx.trust),
                SupervisorKey.pinned(fx.trust));
        next.write(stick, ProgressMonitor.NONE);
        assertEquals(List.of("annotations-" + second + ".json", "annotations-" + second + ".sarif", "report-" + second + ".html",
                "report-" + second + ".md", STEM + ".log", STEM + ".seal", "session-" + second + ".log",
                "session-" + second + ".seal"), names(stick));
        assertEquals("exported", next.status());
        assertEquals(2, mediaExportsInTheLedger());
    }

    /** Flips one byte inside the signature text of a stored note, from outside Airlock (as a tamperer would). */
    private void flipStored(String column) throws Exception {
        Path db = fx.home.databases().resolve(WorkstationLogs.DATABASE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            String note;
            try (PreparedStatement q = c.prepareStatement("SELECT " + column + " FROM log_session WHERE id = ?")) {
                q.setString(1, SealFixture.SESSION);
                try (ResultSet r = q.executeQuery()) {
                    assertTrue(r.next());
                    note = r.getString(1);
                }
            }
            byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
            int at = note.indexOf('\n') - 3; // inside the first line (the origin's checkpoint text)
            bytes[at] = (byte) (bytes[at] == 'a' ? 'b' : 'a');
            try (PreparedStatement u = c.prepareStatement("UPDATE log_session SET " + column + " = ? WHERE id = ?")) {
                u.setString(1, new String(bytes, StandardCharsets.UTF_8));
                u.setString(2, SealFixture.SESSION);
                assertEquals(1, u.executeUpdate());
            }
        }
    }
}
