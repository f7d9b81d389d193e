package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sealed logs, one random tampering each: always detected, at the right entry. Seeds are
 * fixed so a failure reproduces; the seed and case are in every message.
 */
class TamperPropertyTest {
    @TempDir
    Path dir;

    @Test
    void everySingleTamperingIsDetectedAtTheRightEntry() throws Exception {
        PinnedKeys trust = LogFixture.trust();
        for (int logNumber = 0; logNumber < 12; logNumber++) {
            Random random = new Random(1000 + logNumber);
            int events = 1 + random.nextInt(60);
            int interval = 2 + random.nextInt(20);
            byte[] seal;
            byte[] entries;
            StepClock clock = new StepClock(LogFixture.START);
            try (LogStore store = LogStore.open(dir.resolve("p" + logNumber + ".db"))) {
                SessionLog ledger = LogFixture.ledger(store, clock);
                LogFixture.endedSession(store, "p-" + logNumber, events, interval, clock);
                seal = LogFixture.utf8(new Sealer(store, ledger, trust.supervisor())
                        .seal("p-" + logNumber, LogFixture.privateKey("supervisor")).text());
                entries = LogExport.entriesFile(store, "p-" + logNumber);
            }
            assertTrue(LogFixture.verify(entries, seal, trust).isValid());
            List<byte[]> lines = LogVectors.lines(entries);
            int n = lines.size();
            for (int trial = 0; trial < 25; trial++) {
                int k = random.nextInt(n);
                int kind = random.nextInt(5);
                List<byte[]> tampered = new ArrayList<>(lines);
                long expectedEntry;
                String what;
                switch (kind) {
                    case 0 -> {
                        tampered.set(k, LogVectors.edit(lines.get(k)));
                        expectedEntry = k;
                        what = "edit " + k;
                    }
                    case 1 -> {
                        tampered.remove(k);
                        expectedEntry = k;
                        what = "delete " + k;
                    }
                    case 2 -> {
                        tampered.add(k + 1, lines.get(k));
                        expectedEntry = k + 1;
                        what = "duplicate " + k;
                    }
                    case 3 -> {
                        if (k == n - 1) {
                            k--;
                        }
                        tampered.set(k, lines.get(k + 1));
                        tampered.set(k + 1, lines.get(k));
                        expectedEntry = k;
                        what = "swap " + k;
                    }
                    default -> {
                        byte[] line = lines.get(k).clone();
                        int at = random.nextInt(line.length);
                        line[at] = (byte) (line[at] ^ (1 << random.nextInt(7)));
                        tampered.set(k, line);
                        expectedEntry = k;
                        what = "flip a bit in " + k;
                    }
                }
                if (kind == 1 && k == n - 1) {
                    expectedEntry = n - 1; // the last entry deleted: the log ends early
                }
                LogVerification result = LogFixture.verify(LogVectors.join(tampered), seal, trust);
                String context = "log " + logNumber + " (" + n + " entries), " + what + ": " + result.describe();
                assertFalse(result.isValid(), context);
                if (kind == 4 && k == 0 && result.kind() == FailureKind.UNKNOWN_KEY) {
                    continue; // a flipped bit in entry 0's key names an untrusted workstation key: right entry
                }
                assertEquals(expectedEntry, result.entry(), context);
            }
        }
    }

    @Test
    void hostileEntriesFilesGiveAReasonNotACrash() {
        PinnedKeys trust;
        try {
            trust = LogFixture.trust();
        } catch (airlock.core.AirlockException e) {
            throw new IllegalStateException(e);
        }
        List<byte[]> hostile = List.of(new byte[0], "\n".getBytes(StandardCharsets.UTF_8),
                "{}\n".getBytes(StandardCharsets.UTF_8), "[1,2,3]\n".getBytes(StandardCharsets.UTF_8),
                "{\"seq\":0,\"seq\":0}\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'},
                ("{".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8), "x".repeat(200_000).getBytes(StandardCharsets.UTF_8),
                "{\"actor\":\"a\",\"data\":{},\"prev\":\"00\",\"seq\":0,\"time\":\"t\",\"type\":\"session.start\"}".getBytes(StandardCharsets.UTF_8));
        for (byte[] file : hostile) {
            LogVerification result = LogFixture.verify(file, "garbage".getBytes(StandardCharsets.UTF_8), trust);
            assertFalse(result.isValid());
            assertTrue(result.reason() != null && !result.reason().isBlank());
        }
    }
}
