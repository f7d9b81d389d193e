package airlock.ui.task;

import airlock.core.progress.CancelledException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One execution of a {@link BackgroundTask}: runs the work, then delivers one outcome on the UI thread. */
final class TaskRun<T> implements TaskHandle, Runnable {
    private final BackgroundTask<T> task;
    private final Consumer<Runnable> uiThread;
    private final FailureReporter reporter;
    private final FailureTranslator translator;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile boolean done;

    TaskRun(BackgroundTask<T> task, Consumer<Runnable> uiThread, FailureReporter reporter,
            FailureTranslator translator) {
        this.task = task;
        this.uiThread = uiThread;
        this.reporter = reporter;
        this.translator = translator;
    }

    @Override
    public void run() {
        CoalescingProgressMonitor monitor = new CoalescingProgressMonitor(task.title(), uiThread,
                task.progressHandler(), cancelRequested::get);
        T result;
        try {
            result = task.work().run(monitor);
        } catch (CancelledException e) {
            deliver(task.cancelledHandler());
            return;
        } catch (Exception | LinkageError | AssertionError e) {
            fail(e);
            return;
        }
        if (cancelRequested.get()) {
            deliver(task.cancelledHandler());
        } else {
            deliver(() -> task.successHandler().accept(result));
        }
    }

    private void fail(Throwable e) {
        UserFailure failure = translator.translate(task.title(), e);
        uiThread.accept(() -> {
            done = true;
            try {
                task.failureHandler().accept(failure);
                task.finishedHandler().run();
            } finally {
                reporter.report(failure);
            }
        });
    }

    private void deliver(Runnable outcome) {
        uiThread.accept(() -> {
            done = true;
            try {
                try {
                    outcome.run();
                } finally {
                    task.finishedHandler().run();
                }
            } catch (RuntimeException e) {
                // a bug in a UI handler must still reach the user, not vanish in the event queue
                reporter.report(translator.translate(task.title(), e));
            }
        });
    }

    @Override
    public void cancel() {
        cancelRequested.set(true);
    }

    @Override
    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    @Override
    public boolean isDone() {
        return done;
    }
}
