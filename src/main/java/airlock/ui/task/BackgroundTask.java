package airlock.ui.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A single-use description of background work and what to do with its outcome, built with fluent
 * setters: {@code BackgroundTask.of(title, work).onSuccess(...)}. The handlers run on the UI thread.
 */
public final class BackgroundTask<T> {
    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<ProgressState> onProgress = state -> { };
    private Runnable onCancelled = () -> { };
    private Consumer<UserFailure> onFailure = failure -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A task named {@code title} (already translated) doing {@code work}. */
    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Coalesced progress: called at most once per UI pulse with the latest state. */
    public BackgroundTask<T> onProgress(Consumer<ProgressState> handler) {
        this.onProgress = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /** Extra clean-up on failure; the failure is reported to the user in any case. */
    public BackgroundTask<T> onFailure(Consumer<UserFailure> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /**
     * Adds something to run after any outcome (success, cancel or failure), e.g. hiding a progress
     * bar. Unlike the other handlers these accumulate, in the order added.
     */
    public BackgroundTask<T> onFinished(Runnable handler) {
        Objects.requireNonNull(handler);
        Runnable before = this.onFinished;
        this.onFinished = () -> {
            before.run();
            handler.run();
        };
        return this;
    }

    public String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    Consumer<? super T> successHandler() {
        return onSuccess;
    }

    Consumer<ProgressState> progressHandler() {
        return onProgress;
    }

    Runnable cancelledHandler() {
        return onCancelled;
    }

    Consumer<UserFailure> failureHandler() {
        return onFailure;
    }

    Runnable finishedHandler() {
        return onFinished;
    }
}
