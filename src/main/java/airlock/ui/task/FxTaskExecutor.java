package airlock.ui.task;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs tasks on a small pool of daemon threads and delivers outcomes through {@code uiThread}
 * (in the application: {@code Platform::runLater}). Threads are never interrupted: an interrupt
 * closes JGit's pack file channels, so cancellation is cooperative through the progress monitor.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;
    private final Consumer<Runnable> uiThread;
    private final FailureReporter reporter;
    private final FailureTranslator translator;
    private final Set<TaskRun<?>> running = ConcurrentHashMap.newKeySet();

    public FxTaskExecutor(int threads, Consumer<Runnable> uiThread, FailureReporter reporter,
            FailureTranslator translator) {
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
        this.uiThread = uiThread;
        this.reporter = reporter;
        this.translator = translator;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, uiThread, reporter, translator);
        running.add(run);
        try {
            pool.execute(() -> {
                try {
                    run.run();
                } finally {
                    running.remove(run);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the window is closing (shutdown ran): a late follow-up of a finished task, such as a
            // refresh, has no screen left to serve; it is not started and says so in the log
            running.remove(run);
            run.cancel();
            org.slf4j.LoggerFactory.getLogger(FxTaskExecutor.class).warn("not started, the window is closing: {}", task.title());
        }
        return run;
    }

    @Override
    public void shutdown() {
        running.forEach(TaskRun::cancel);
        pool.shutdown();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "airlock-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
