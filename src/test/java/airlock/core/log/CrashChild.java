package airlock.core.log;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Child process of {@link CrashTest}: appends entries to session "crash" as fast as it can and
 * prints "ack <seq>" after each append has returned (that is, after COMMIT). It never stops on its
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
            LogEntry entry = log.append("alice", EntryType.ANNOTATION_CREATED, Map.of("id", "a-" + i, "body", "note " + i),
                    connection -> { });
            System.out.println("ack " + entry.seq());
            System.out.flush();
        }
    }
}
