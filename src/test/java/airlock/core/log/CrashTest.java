package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
            AtomicLong lastAck = new AtomicLong(-1);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    CrashChild.class.getName(), db.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("ack ")) {
                            lastAck.set(Long.parseLong(line.substring(4)));
                        }
                    }
                } catch (java.io.IOException e) {
                    // the pipe closes when the child is killed; what was read is what counts
                }
            });
            reader.start();
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lastAck.get() < 0 && child.isAlive() && System.nanoTime() < waitUntil) {
                Thread.sleep(5);
            }
            assertTrue(lastAck.get() >= 0, "child acknowledged entries in round " + round);
            Thread.sleep(random.nextInt(400));
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            reader.join(10_000);
            long acknowledged = lastAck.get();
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
                assertEquals(recoveries, new String(entries, StandardCharsets.UTF_8).split("\"type\":\"recovery\"", -1).length - 1);
            }
        }
    }
}
