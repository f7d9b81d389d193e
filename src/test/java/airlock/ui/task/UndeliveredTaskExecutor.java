package airlock.ui.task;

import airlock.core.progress.ProgressMonitor;

/**
 * For tests: runs each task's work at once on the calling thread but never delivers its outcome,
 * so the task still looks running (e.g. a search whose results are on screen but not finished).
 */
public final class UndeliveredTaskExecutor implements TaskExecutor {
    private int cancelled;

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        boolean[] cancel = new boolean[1];
        try {
            task.work().run(ProgressMonitor.NONE);
        } catch (Exception e) {
            throw new IllegalStateException("test task failed", e);
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                if (!cancel[0]) {
                    cancel[0] = true;
                    cancelled++;
                }
            }

            @Override
            public boolean isCancelRequested() {
                return cancel[0];
            }

            @Override
            public boolean isDone() {
                return false;
            }
        };
    }

    /** How many tasks were asked to cancel. */
    public int cancelled() {
        return cancelled;
    }

    @Override
    public void shutdown() {
    }
}
