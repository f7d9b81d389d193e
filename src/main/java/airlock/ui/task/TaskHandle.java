package airlock.ui.task;

/** A submitted task; lets the user stop it. */
public interface TaskHandle {
    /** Asks the task to stop; core checks this at its next {@code checkCancelled()}. */
    void cancel();

    boolean isCancelRequested();

    /** True once the task's outcome has been delivered. */
    boolean isDone();
}
