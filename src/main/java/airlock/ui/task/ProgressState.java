package airlock.ui.task;

import airlock.core.progress.ProgressMonitor;

/**
 * A snapshot of a running task's progress, as the UI shows it.
 *
 * @param taskTitle what the task is (e.g. "Opening README.md")
 * @param phase     the current phase named by core, or empty
 * @param done      units done in this phase
 * @param total     units in this phase, or {@link ProgressMonitor#UNKNOWN}
 */
public record ProgressState(String taskTitle, String phase, long done, long total) {

    /** Between 0 and 1, or -1 when the total is not known (an indeterminate bar). */
    public double fraction() {
        if (total <= 0) {
            return -1;
        }
        return Math.min(1.0, (double) done / total);
    }
}
