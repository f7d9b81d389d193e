package airlock.core.seal;

import airlock.core.media.WriteHooks;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;

/**
 * Reports the bytes written to media as progress and turns a cancel request into a failed write
 * (between chunks, before the file gets its final name), so a cancelled export leaves no file
 * under a final name.
 */
final class MediaProgress implements WriteHooks {
    private final ProgressMonitor monitor;
    private long lastOfFile;
    private boolean cancelled;

    MediaProgress(ProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void afterChunk(long written, long total) throws IOException {
        monitor.update(written - lastOfFile);
        lastOfFile = written >= total ? 0 : written;
        check();
    }

    @Override
    public void beforeMove() throws IOException {
        check();
    }

    boolean cancelled() {
        return cancelled;
    }

    private void check() throws IOException {
        if (monitor.isCancelled()) {
            cancelled = true;
            throw new IOException("cancelled by the user");
        }
    }
}
