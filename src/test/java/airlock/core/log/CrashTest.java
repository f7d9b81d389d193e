package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random points: a child JVM appends in a loop and is killed many times. After each
 * kill the store passes its start-up checks, every acknowledged entry is there, the chain is
 * valid, and resuming appends a recovery entry.
 */
class CrashTest {
    private static final int KILLS = 8;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEntrySurvivesSigkill() throws Exception {
        Path db = dir.resolve("airlock.db");
        Random random = new Random(42);
        int recoveries = 0;
        for (int round = 0; round < KILLS; round++) {
            CrashChild.Running child = CrashChild.start(db);
            child.awaitAck(0);
            assertTrue(child.lastAck().get() >= 0, "child acknowledged entries in round " + round);
            Thread.sleep(random.nextInt(400));
            long acknowledged = child.kill();
            try (LogStore store = LogStore.open(db)) {
                assertTrue(store.health().writable(), "round " + round + ": " + store.health().problem());
                assertTrue(store.health().uncleanStop(), "a kill is an unclean stop");
                SessionLog log = SessionLog.resume(store, "crash", LogFixture.signer(), java.time.Clock.systemUTC(), 16);
                recoveries++;
                byte[] entries = LogExport.entriesFile(store, "crash");
                List<byte[]> lines = LogVectors.lines(entries);
                int recovery = lines.size() - 1;
                String last = new String(lines.get(recovery), StandardCharsets.UTF_8);
                if (last.contains("\"type\":\"checkpoint\"")) {
                    recovery--; // the recovery entry completed an interval: its checkpoint follows it
                    last = new String(lines.get(recovery), StandardCharsets.UTF_8);
                }
                assertTrue(last.contains("\"type\":\"recovery\""), last);
                assertTrue(recovery - 1 >= acknowledged, "round " + round + ": acknowledged " + acknowledged
                        + " but only " + recovery + " entries precede the recovery entry");
                assertEquals(log.size(), lines.size());
                LogVerification chain = new LogVerifier(LogFixture.trust()).verify(new java.io.ByteArrayInputStream(entries), null,
                        false, airlock.core.progress.ProgressMonitor.NONE);
                assertTrue(chain.isValid(), "round " + round + ": " + chain.describe());
                String text = new String(entries, StandardCharsets.UTF_8);
                long annotations = text.split("\"type\":\"annotation.created\"", -1).length - 1;
                try (var statement = store.connection().createStatement();
                     var row = statement.executeQuery("SELECT count(*) FROM crash_note")) {
                    row.next();
                    assertEquals(annotations, row.getLong(1), "round " + round + ": annotation rows and their entries, both or neither");
                }
                assertEquals(recoveries, new String(entries, StandardCharsets.UTF_8).split("\"type\":\"recovery\"", -1).length - 1);
            }
        }
    }
}
