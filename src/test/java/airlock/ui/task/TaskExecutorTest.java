package airlock.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.progress.ProgressMonitor;
import airlock.ui.Texts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {
    private final Texts texts = Texts.load(Locale.ROOT);
    private final List<UserFailure> reported = new ArrayList<>();
    private final TaskExecutor executor = new SameThreadTaskExecutor(reported::add, new FailureTranslator(texts));

    @Test
    void successIsDeliveredAndNothingIsReported() {
        List<String> results = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        TaskHandle handle = executor.submit(BackgroundTask.of("Adding", monitor -> "42")
                .onSuccess(results::add).onFinished(() -> finished.add("one")).onFinished(() -> finished.add("two")));
        assertEquals(List.of("42"), results);
        assertEquals(List.of("one", "two"), finished);
        assertTrue(handle.isDone());
        assertEquals(List.of(), reported);
    }

    @Test
    void aTaskSubmittedAfterShutdownIsNotStartedAndNotReportedAsAFailure() {
        // a finished task's follow-up can arrive after the window closed (shutdown): no error dialog
        FxTaskExecutor pool = new FxTaskExecutor(1, Runnable::run, reported::add, new FailureTranslator(texts));
        pool.shutdown();
        List<String> ran = new ArrayList<>();
        TaskHandle late = pool.submit(BackgroundTask.of("Refreshing marks", monitor -> {
            ran.add("ran");
            return 1;
        }));
        assertTrue(late.isCancelRequested());
        assertEquals(List.of(), ran);
        assertEquals(List.of(), reported);
    }

    @Test
    void anAirlockExceptionIsReportedWithItsCodeAndTheBundleSentence() {
        List<UserFailure> seenByTask = new ArrayList<>();
        executor.submit(BackgroundTask.of("Opening README.md", monitor -> {
            throw new AirlockException("source.read", "pack file is truncated");
        }).onSuccess(result -> { throw new AssertionError("no success"); }).onFailure(seenByTask::add));
        assertEquals(1, reported.size());
        UserFailure failure = reported.get(0);
        assertEquals("source.read", failure.code());
        assertEquals("Opening README.md", failure.taskTitle());
        assertEquals(texts.format("error.source.read", "pack file is truncated"), failure.message());
        assertEquals(List.of(failure), seenByTask);
    }

    @Test
    void anUnknownCodeFallsBackToCoresOwnDetail() {
        executor.submit(BackgroundTask.of("Verifying", monitor -> {
            throw new AirlockException("bundle.something.new", "the manifest names no vendor");
        }));
        assertEquals("bundle.something.new", reported.get(0).code());
        assertTrue(reported.get(0).message().contains("the manifest names no vendor"));
    }

    @Test
    void anUnexpectedExceptionIsReportedAsInternal() {
        executor.submit(BackgroundTask.of("Listing", monitor -> {
            throw new IllegalStateException("bug");
        }));
        assertEquals(FailureTranslator.INTERNAL, reported.get(0).code());
        assertTrue(reported.get(0).message().contains("bug"));
    }

    @Test
    void aFailingSuccessHandlerIsReportedToo() {
        executor.submit(BackgroundTask.of("Listing", monitor -> 1).onSuccess(n -> {
            throw new IllegalArgumentException("handler bug");
        }));
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).message().contains("handler bug"));
    }

    @Test
    void cancellationIsNotAFailure() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelledSeen = new CountDownLatch(1);
        Queue<Runnable> uiQueue = new java.util.concurrent.ConcurrentLinkedQueue<>();
        FxTaskExecutor pool = new FxTaskExecutor(1, uiQueue::add, reported::add, new FailureTranslator(texts));
        TaskHandle handle = pool.submit(BackgroundTask.of("Indexing", monitor -> {
            started.countDown();
            while (true) {
                monitor.checkCancelled();
                Thread.onSpinWait();
            }
        }).onCancelled(cancelledSeen::countDown));
        assertTrue(started.await(60, TimeUnit.SECONDS));
        handle.cancel();
        assertTrue(handle.isCancelRequested());
        // the outcome is queued for the UI thread; run the queue like the FX thread would
        while (cancelledSeen.getCount() > 0) {
            Runnable next = uiQueue.poll();
            if (next != null) {
                next.run();
            } else {
                Thread.sleep(5);
            }
        }
        assertTrue(handle.isDone());
        assertEquals(List.of(), reported);
        pool.shutdown();
    }

    @Test
    void progressIsCoalescedToOneDeliveryPerUiTurnWithTheLatestState() {
        Queue<Runnable> uiQueue = new ArrayDeque<>();
        List<ProgressState> delivered = new ArrayList<>();
        CoalescingProgressMonitor monitor = new CoalescingProgressMonitor("Indexing", uiQueue::add, delivered::add,
                () -> false);
        monitor.beginTask("files", 1000);
        for (int i = 0; i < 1000; i++) {
            monitor.update(1);
        }
        assertEquals(1, uiQueue.size(), "a thousand updates queue one delivery");
        uiQueue.poll().run();
        assertEquals(List.of(new ProgressState("Indexing", "files", 1000, 1000)), delivered);
        monitor.endTask();
        assertEquals(1, uiQueue.size());
        assertEquals(1.0, delivered.get(0).fraction());
        assertEquals(-1, new ProgressState("x", "", 5, ProgressMonitor.UNKNOWN).fraction());
    }
}
