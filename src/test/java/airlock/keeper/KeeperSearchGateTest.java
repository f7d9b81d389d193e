package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gate that holds a keeper search's workers while a page of its hits is being answered (issue 16,
 * k16lat): a closed gate keeps files from being started until the answer is written, never longer than
 * its bound, and a stopped search is never held; an open gate only passes work to the shared workers.
 */
class KeeperSearchGateTest {
    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void anOpenGatePassesWorkToTheSharedWorkersAndTheirResultsBack() throws Exception {
        KeeperService.Running running = new KeeperService.Running();
        ExecutorService gated = running.gated(workers);
        Future<Integer> f = gated.submit(() -> 6 * 7);
        assertEquals(42, f.get(10, TimeUnit.SECONDS));
        assertThrows(UnsupportedOperationException.class, gated::shutdown, "the shared workers are not the search's to stop");
        assertFalse(workers.isShutdown());
    }

    @Test
    void aClosedGateHoldsNewFilesUntilTheAnswerIsWritten() throws Exception {
        KeeperService.Running running = new KeeperService.Running();
        ExecutorService gated = running.gated(workers);
        AtomicInteger verified = new AtomicInteger();
        running.closeGate(TimeUnit.MINUTES.toNanos(5));
        Future<?> f = gated.submit(verified::incrementAndGet);
        assertThrows(TimeoutException.class, () -> f.get(200, TimeUnit.MILLISECONDS));
        assertEquals(0, verified.get(), "no file is started while the page is being answered");
        running.openGate();
        f.get(10, TimeUnit.SECONDS);
        assertEquals(1, verified.get());
    }

    @Test
    void aGateNobodyOpensHoldsTheSearchOnlyForItsBound() throws Exception {
        KeeperService.Running running = new KeeperService.Running();
        ExecutorService gated = running.gated(workers);
        // a client that never reads its answer: the answer is never "written", the gate is never opened
        running.closeGate(TimeUnit.MILLISECONDS.toNanos(50));
        Future<Integer> f = gated.submit(() -> 1);
        assertEquals(1, f.get(10, TimeUnit.SECONDS), "the bound passed: the search goes on without the answer");
        assertTrue(KeeperService.Running.GATE_NANOS <= TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void aStoppedSearchIsNeverHeldAndNeverClosesItsGateAgain() throws Exception {
        KeeperService.Running running = new KeeperService.Running();
        ExecutorService gated = running.gated(workers);
        running.closeGate(TimeUnit.MINUTES.toNanos(5));
        Future<Integer> f = gated.submit(() -> 1);
        running.cancelAndWait(); // superseded or the session ended: its queued files pass (and see the cancel)
        assertEquals(1, f.get(10, TimeUnit.SECONDS));
        running.closeGate(TimeUnit.MINUTES.toNanos(5));
        assertEquals(2, gated.submit(() -> 2).get(10, TimeUnit.SECONDS), "a cancelled search's gate stays open");
    }
}
