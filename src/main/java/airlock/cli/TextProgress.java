package airlock.cli;

import airlock.core.progress.ProgressMonitor;
import java.io.PrintWriter;

/** Progress for the terminal: one line per phase and a line every tenth of the work. */
final class TextProgress implements ProgressMonitor {
    private final PrintWriter err;
    private String title;
    private long total;
    private long done;
    private long nextReport;

    TextProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void beginTask(String title, long totalWork) {
        this.title = title;
        this.total = totalWork;
        this.done = 0;
        this.nextReport = totalWork > 0 ? Math.max(1, totalWork / 10) : Long.MAX_VALUE;
        err.println("airlock: " + title + (totalWork >= 0 ? " (" + totalWork + ")" : ""));
        err.flush();
    }

    @Override
    public void update(long completed) {
        done += completed;
        if (done >= nextReport && total > 0) {
            err.println("airlock: " + title + ": " + done + "/" + total);
            err.flush();
            nextReport = done + Math.max(1, total / 10);
        }
    }

    @Override
    public void endTask() {
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
