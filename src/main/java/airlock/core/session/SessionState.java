package airlock.core.session;

/** Where a running session stands: actions run only while ACTIVE. */
public enum SessionState {
    ACTIVE,
    /** Locked after the policy's idle minutes (or on request); unlocking is logged. */
    LOCKED,
    /** Past the policy's maximum length: nothing more may be done but ending it. */
    EXPIRED,
    ENDED
}
