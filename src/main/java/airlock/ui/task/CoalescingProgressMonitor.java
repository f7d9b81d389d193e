package airlock.ui.task;

import airlock.core.progress.ProgressMonitor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Adapts core's {@link ProgressMonitor} to the UI. Core may call {@link #update} millions of
 * times; only one delivery at a time is queued on the UI thread, and it delivers the latest state,
 * so a fast loop never floods the event queue.
 */
final class CoalescingProgressMonitor implements ProgressMonitor {
    private final String taskTitle;
    private final Consumer<Runnable> uiThread;
    private final Consumer<ProgressState> sink;
    private final BooleanSupplier cancelled;
    private final AtomicReference<ProgressState> latest = new AtomicReference<>();
    private final AtomicBoolean deliveryQueued = new AtomicBoolean();
    private String phase = "";
    private long done;
    private long total = UNKNOWN;

    CoalescingProgressMonitor(String taskTitle, Consumer<Runnable> uiThread, Consumer<ProgressState> sink,
            BooleanSupplier cancelled) {
        this.taskTitle = taskTitle;
        this.uiThread = uiThread;
        this.sink = sink;
        this.cancelled = cancelled;
    }

    @Override
    public void beginTask(String title, long totalWork) {
        phase = title == null ? "" : title;
        done = 0;
        total = totalWork;
        publish();
    }

    @Override
    public void update(long completed) {
        done += completed;
        publish();
    }

    @Override
    public void endTask() {
        done = total > 0 ? total : done;
        publish();
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    private void publish() {
        latest.set(new ProgressState(taskTitle, phase, done, total));
        if (deliveryQueued.compareAndSet(false, true)) {
            uiThread.accept(this::deliver);
        }
    }

    private void deliver() {
        deliveryQueued.set(false);
        ProgressState state = latest.get();
        if (state != null) {
            sink.accept(state);
        }
    }
}
