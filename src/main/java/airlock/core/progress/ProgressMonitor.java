package airlock.core.progress;

/**
 * Progress and cancellation for long core work (verify, import, index, export), in the manner of
 * JGit's ProgressMonitor but UI-free. Implementations must be cheap to call often; the UI adapter
 * coalesces updates for the FX thread.
 */
public interface ProgressMonitor {
    /** Starts a named phase; {@code totalWork} is {@link #UNKNOWN} when not known. */
    void beginTask(String title, long totalWork);

    /** Reports {@code completed} more units of the current phase. */
    void update(long completed);

    /** Ends the current phase. */
    void endTask();

    /** True once the user asked to stop; long loops check it and throw {@link CancelledException}. */
    boolean isCancelled();

    long UNKNOWN = -1;

    /** A monitor that reports nothing and never cancels. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override public void beginTask(String title, long totalWork) { }
        @Override public void update(long completed) { }
        @Override public void endTask() { }
        @Override public boolean isCancelled() { return false; }
    };

    /** A monitor that reports nothing and is cancelled once {@code cancelled} says so (checked on each call). */
    static ProgressMonitor cancelledWhen(java.util.function.BooleanSupplier cancelled) {
        return new ProgressMonitor() {
            @Override public void beginTask(String title, long totalWork) { }
            @Override public void update(long completed) { }
            @Override public void endTask() { }
            @Override public boolean isCancelled() { return cancelled.getAsBoolean(); }
        };
    }

    /** Throws {@link CancelledException} if the user asked to stop. */
    default void checkCancelled() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
