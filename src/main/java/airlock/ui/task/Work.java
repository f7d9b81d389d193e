package airlock.ui.task;

import airlock.core.progress.ProgressMonitor;

/** The part of a task that runs off the FX thread: calls into core, may block, reports progress. */
@FunctionalInterface
public interface Work<T> {
    T run(ProgressMonitor monitor) throws Exception;
}
