package airlock.ui.task;

/** Shows a failure to the user. Called on the UI thread; never silent. */
@FunctionalInterface
public interface FailureReporter {
    void report(UserFailure failure);
}
