package airlock.core.seal;

import airlock.core.media.WriteHooks;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reports the bytes written to media as progress and turns a cancel request into a failed write
 * (between chunks, before the file gets its final name), so a cancelled export leaves no file
 * under a final name; every step is also handed on to the caller's hooks.
 */
public final class MediaProgress implements WriteHooks {
    private final ProgressMonitor monitor;
    private final WriteHooks next;
    private long lastOfFile;
    private boolean cancelled;

    public MediaProgress(ProgressMonitor monitor, WriteHooks next) {
        this.monitor = monitor;
        this.next = next;
    }

    @Override
    public void beforeFile(String name) throws IOException {
        check();
        next.beforeFile(name);
    }

    @Override
    public void afterChunk(long written, long total) throws IOException {
        monitor.update(written - lastOfFile);
        lastOfFile = written >= total ? 0 : written;
        check();
        next.afterChunk(written, total);
    }

    @Override
    public void beforeForce() throws IOException {
        next.beforeForce();
    }

    @Override
    public void beforeMove() throws IOException {
        check();
        next.beforeMove();
    }

    @Override
    public void afterSync(Path file) throws IOException {
        next.afterSync(file);
    }

    public boolean cancelled() {
        return cancelled;
    }

    private void check() throws IOException {
        if (monitor.isCancelled()) {
            cancelled = true;
            throw new IOException("cancelled by the user");
        }
    }
}
