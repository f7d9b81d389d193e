package airlock.core.progress;

import airlock.core.AirlockException;

/** The user cancelled a long operation; nothing it did is presented as complete. */
public final class CancelledException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("task.cancelled", "Cancelled by the user");
    }
}
