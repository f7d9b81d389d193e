package airlock.ui.task;

/**
 * The one way the UI runs core work that can take time. Callbacks ({@code onSuccess},
 * {@code onProgress}, {@code onCancelled}, {@code onFailure}) run on the UI thread; every failure
 * is also handed to the {@link FailureReporter}, so nothing fails silently.
 */
public interface TaskExecutor {
    <T> TaskHandle submit(BackgroundTask<T> task);

    /** Stops accepting tasks; running work is asked to cancel. */
    void shutdown();
}
