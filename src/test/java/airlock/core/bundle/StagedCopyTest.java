package airlock.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.Sha256;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staged copy is byte-identical, its digest is the file's SHA-256, across chunk boundaries. */
class StagedCopyTest {
    @Test
    void copiesAndHashesAFileOfSeveralChunks(@TempDir Path dir) throws Exception {
        byte[] data = new byte[(20 << 20) + 12345];
        new Random(7).nextBytes(data);
        Path source = Files.write(dir.resolve("repo.bundle"), data);
        AtomicLong reported = new AtomicLong();
        StagedCopy.Result result = StagedCopy.copy(source, dir.resolve("staged"), data.length, counting(reported, false));
        assertEquals(data.length, result.copied());
        assertEquals(data.length, result.sizeAfter());
        assertArrayEquals(Sha256.digest(data), result.sha256());
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("staged")));
        assertEquals(data.length, reported.get());
    }

    @Test
    void anEmptyFileHashesToTheEmptyDigest(@TempDir Path dir) throws Exception {
        Path source = Files.write(dir.resolve("repo.bundle"), new byte[0]);
        StagedCopy.Result result = StagedCopy.copy(source, dir.resolve("staged"), 0, ProgressMonitor.NONE);
        assertArrayEquals(Sha256.digest(new byte[0]), result.sha256());
    }

    @Test
    void aFileShorterOrLongerThanExpectedIsReportedBySize(@TempDir Path dir) throws Exception {
        byte[] data = new byte[1000];
        Path source = Files.write(dir.resolve("repo.bundle"), data);
        StagedCopy.Result shorter = StagedCopy.copy(source, dir.resolve("a"), 2000, ProgressMonitor.NONE);
        assertEquals(1000, shorter.copied());
        StagedCopy.Result longer = StagedCopy.copy(source, dir.resolve("b"), 500, ProgressMonitor.NONE);
        assertEquals(500, longer.copied());
        assertEquals(1000, longer.sizeAfter());
        assertEquals(500, Files.size(dir.resolve("b")));
    }

    @Test
    void cancellingStopsTheCopyAndTheHashThread(@TempDir Path dir) throws Exception {
        byte[] data = new byte[20 << 20];
        Path source = Files.write(dir.resolve("repo.bundle"), data);
        assertThrows(CancelledException.class,
                () -> StagedCopy.copy(source, dir.resolve("staged"), data.length, counting(new AtomicLong(), true)));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("bundle-hash")),
                "the hash thread is still running");
    }

    private static ProgressMonitor counting(AtomicLong total, boolean cancelled) {
        return new ProgressMonitor() {
            @Override public void beginTask(String title, long totalWork) { }
            @Override public void update(long completed) { total.addAndGet(completed); }
            @Override public void endTask() { }
            @Override public boolean isCancelled() { return cancelled; }
        };
    }
}
