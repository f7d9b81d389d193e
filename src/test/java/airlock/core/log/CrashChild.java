package airlock.core.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child process of {@link CrashTest}: appends entries to session "crash" as fast as it can and
 * prints "ack <seq>" after each append has returned (that is, after COMMIT). Each append also
 * inserts an annotation row in the same transaction, as a feature would. It never stops on its
 * own; the test kills it with SIGKILL.
 */
public final class CrashChild {
    private CrashChild() {
    }

    /** Starts a child JVM appending to {@code db}; its acknowledged sequence numbers are read as they come. */
    static Running start(Path db) throws IOException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), db.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicLong lastAck = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("ack ")) {
                        lastAck.set(Long.parseLong(line.substring(4)));
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed; what was read is what counts
            }
        });
        reader.start();
        return new Running(child, reader, lastAck);
    }

    /** A running child: the last sequence number it acknowledged, and SIGKILL. */
    record Running(Process child, Thread reader, AtomicLong lastAck) {
        /** Waits up to a minute until the child acknowledged {@code seq} (or died). */
        void awaitAck(long seq) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lastAck.get() < seq && child.isAlive() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
        }

        /** Kills the child (SIGKILL) and returns the last sequence number it acknowledged, -1 for none. */
        long kill() throws InterruptedException {
            child.destroyForcibly();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the child did not die within a minute of SIGKILL");
            }
            reader.join(10_000);
            return lastAck.get();
        }
    }

    public static void main(String[] args) throws Exception {
        LogStore store = LogStore.open(Path.of(args[0]));
        Clock clock = Clock.systemUTC();
        SessionLog log = store.logIds().contains("crash")
                ? SessionLog.resume(store, "crash", LogFixture.signer(), clock, 16)
                : SessionLog.start(store, LogFixture.header("crash"), "supervisor", LogFixture.signer(), clock, 16);
        System.out.println("ready " + log.size());
        System.out.flush();
        for (long i = 0; ; i++) {
            String id = "a-" + log.size();
            LogEntry entry = log.append("alice", EntryType.ANNOTATION_CREATED, Map.of("id", id, "body", "note " + i),
                    connection -> {
                        try (var statement = connection.createStatement()) {
                            statement.executeUpdate("CREATE TABLE IF NOT EXISTS crash_note(id TEXT PRIMARY KEY)");
                        }
                        try (var insert = connection.prepareStatement("INSERT INTO crash_note(id) VALUES (?)")) {
                            insert.setString(1, id);
                            insert.executeUpdate();
                        }
                    });
            System.out.println("ack " + entry.seq());
            System.out.flush();
        }
    }
}
