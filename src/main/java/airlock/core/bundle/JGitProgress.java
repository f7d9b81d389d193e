package airlock.core.bundle;

import airlock.core.progress.ProgressMonitor;

/** Adapts Airlock's {@link ProgressMonitor} to JGit's; JGit's cancellation becomes {@link Cancelled}. */
final class JGitProgress implements org.eclipse.jgit.lib.ProgressMonitor {
    private final ProgressMonitor monitor;

    JGitProgress(ProgressMonitor monitor) {
        this.monitor = monitor;
    }

    /** Thrown out of JGit when the user cancelled; callers turn it into a CancelledException. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    @Override
    public void start(int totalTasks) {
        // phases are reported one by one through beginTask
    }

    @Override
    public void beginTask(String title, int totalWork) {
        monitor.beginTask(title, totalWork <= 0 ? ProgressMonitor.UNKNOWN : totalWork);
    }

    @Override
    public void update(int completed) {
        monitor.update(completed);
        if (monitor.isCancelled()) {
            throw new Cancelled();
        }
    }

    @Override
    public void endTask() {
        monitor.endTask();
    }

    @Override
    public boolean isCancelled() {
        return monitor.isCancelled();
    }

    @Override
    public void showDuration(boolean enabled) {
        // Airlock's monitors show no durations
    }
}
