package airlock.cli;

import airlock.core.progress.ProgressMonitor;
import java.io.PrintWriter;

/**
 * Progress for long commands, on stderr: one line per phase, per 25% (or per 50,000 units when the
 * total is unknown), and the phase's duration when it ends (the benchmark script reads these).
 */
final class StderrProgress implements ProgressMonitor {
    private final PrintWriter err;
    private String title = "";
    private long total;
    private long done;
    private long lastStep;
    private long started;

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void beginTask(String title, long totalWork) {
        this.title = title;
        this.total = totalWork;
        this.done = 0;
        this.lastStep = 0;
        this.started = System.nanoTime();
        err.println(title + "...");
    }

    @Override
    public void update(long completed) {
        done += completed;
        long step = total > 0 ? done * 4 / total : done / 50_000;
        if (step > lastStep) {
            lastStep = step;
            err.println("  " + title + ": " + (total > 0 ? (done * 100 / total) + "%" : done + ""));
        }
    }

    @Override
    public void endTask() {
        err.printf("  %s: done in %.2f s%n", title, (System.nanoTime() - started) / 1e9);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
