package airlock.ui.task;

/**
 * Runs each task to completion inside {@link #submit}, delivering callbacks immediately. For
 * view-model tests: no toolkit, no threads, deterministic order.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private final FailureReporter reporter;
    private final FailureTranslator translator;

    public SameThreadTaskExecutor(FailureReporter reporter, FailureTranslator translator) {
        this.reporter = reporter;
        this.translator = translator;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, Runnable::run, reporter, translator);
        run.run();
        return run;
    }

    @Override
    public void shutdown() {
        // nothing runs after submit returns
    }
}
