package airlock.ui.code;

/**
 * The single hook for refused copy, cut and drag attempts from code views. The session log plugs
 * in here to record them; the refusal itself never depends on the listener.
 */
@FunctionalInterface
public interface CopyAttemptListener {
    void copyRefused(CopyAttempt attempt);
}
