package airlock.core.log;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Child process of {@link CrashTest}: appends entries to session "crash" as fast as it can and
 * prints "ack <seq>" after each append has returned (that is, after COMMIT). Each append also
 * inserts an annotation row in the same transaction, as a feature would. It never stops on its
 * own; the test kills it with SIGKILL.
 */
public final class CrashChild {
    private CrashChild() {
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
